import { readFileSync } from 'node:fs';
import { schemaDirectory, type SchemaFile } from '../../model/lib/schema-files.js';

/** The subset of JSON Schema keywords the record schemas use, after `$ref`s are resolved. */
export interface PropertySchema {
  description?: string;
  type?: string;
  format?: string;
  pattern?: string;
  enum?: readonly string[];
  minimum?: number;
  maximum?: number;
  items?: PropertySchema;
  /** The table the property's ids point into (the schemas' `references` annotation). */
  references?: string;
  required?: readonly string[];
  /** Insertion order is the schema's order: JSON.parse keeps the file's key order. */
  properties?: Record<string, PropertySchema>;
}

/** A record schema: its title, description and resolved properties. */
export interface RecordSchema extends PropertySchema {
  title: string;
  description: string;
  properties: Record<string, PropertySchema>;
  required: readonly string[];
}

interface RawSchema {
  $ref?: string;
  [keyword: string]: unknown;
}

const raw = new Map<string, RawSchema>();
const resolved = new Map<string, RecordSchema>();

/** Reads a schema file once per process: emit reads nothing else from disk. */
function rawSchema(file: string): RawSchema {
  let schema = raw.get(file);
  if (!schema) {
    schema = JSON.parse(readFileSync(new URL(file, schemaDirectory), 'utf8')) as RawSchema;
    raw.set(file, schema);
  }
  return schema;
}

/** Follows a JSON pointer (`/$defs/id`) inside a schema file. */
function atPointer(file: string, pointer: string): RawSchema {
  let node: unknown = rawSchema(file);
  for (const token of pointer.split('/').slice(1)) {
    const key = token.replaceAll('~1', '/').replaceAll('~0', '~');
    node = (node as Record<string, unknown> | undefined)?.[key];
  }
  if (typeof node !== 'object' || node === null) throw new Error(`schema reference ${file}#${pointer} does not resolve`);
  return node as RawSchema;
}

/**
 * Inlines every `$ref` (relative to the file it appears in). Keywords next to a `$ref` win over the
 * target's, so a property's own description replaces the shared definition's.
 */
function resolve(schema: RawSchema, file: string): PropertySchema {
  let out: Record<string, unknown> = {};
  if (schema.$ref !== undefined) {
    const [target = '', pointer = ''] = schema.$ref.split('#');
    const targetFile = target === '' ? file : target;
    out = { ...resolve(atPointer(targetFile, pointer), targetFile) };
  }
  for (const [keyword, value] of Object.entries(schema)) {
    if (keyword === '$ref') continue;
    if (keyword === 'properties') {
      const properties: Record<string, PropertySchema> = {};
      for (const [name, property] of Object.entries(value as Record<string, RawSchema>)) properties[name] = resolve(property, file);
      out[keyword] = properties;
    } else if (keyword === 'items') {
      out[keyword] = resolve(value as RawSchema, file);
    } else {
      out[keyword] = value;
    }
  }
  return out as PropertySchema;
}

/** A record schema of schemas/ with every reference inlined. */
export function recordSchema(file: SchemaFile): RecordSchema {
  let schema = resolved.get(file);
  if (!schema) {
    const out = resolve(rawSchema(file), file);
    if (typeof out.description !== 'string' || !out.properties) throw new Error(`${file} is not a record schema`);
    schema = { title: file, required: [], ...out } as RecordSchema;
    resolved.set(file, schema);
  }
  return schema;
}
