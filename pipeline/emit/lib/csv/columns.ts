import { tables, type TableName } from '../../../model/lib/dataset.js';
import { recordSchema, type PropertySchema } from '../schemas.js';

/** The value type of a cell (of each value, for a multi-valued cell), as the schema gives it. */
export type ColumnType = 'string' | 'integer' | 'number' | 'boolean';

/**
 * One CSV column, described from the table's JSON Schema so the CSV header, the data dictionary and any
 * later table description (a Frictionless Table Schema) agree.
 */
export interface Column {
  /** Header of the column: the property name, or the flattened name of a nested property (startLine). */
  name: string;
  /** The schema's description of the property. */
  description: string;
  type: ColumnType;
  /** An array property, written as one cell of joined values. */
  multiValued: boolean;
  /** Every record has a value (the property and all the objects above it are required). */
  required: boolean;
  format?: string;
  pattern?: string;
  enum?: readonly string[];
  minimum?: number;
  maximum?: number;
  /** The table whose `id` each value points to, when the schema says. */
  references?: TableName;
  /** Property names from the record down to the value (['position', 'start', 'line']). */
  path: readonly string[];
}

/** A table's title and description from its schema. */
export interface TableDescription {
  name: TableName;
  title: string;
  description: string;
}

const cache = new Map<TableName, readonly Column[]>();

function schemaFileOf(table: TableName) {
  const entry = tables.find((candidate) => candidate.name === table);
  if (!entry) throw new Error(`unknown table ${table}`);
  return entry.schema;
}

/** The title and description of a table's record schema. */
export function describeTable(table: TableName): TableDescription {
  const schema = recordSchema(schemaFileOf(table));
  return { name: table, title: schema.title, description: schema.description };
}

/** The columns of a table in CSV order: the schema's property order, nested objects flattened in place. */
export function columnsOf(table: TableName): readonly Column[] {
  let columns = cache.get(table);
  if (!columns) {
    const schema = recordSchema(schemaFileOf(table));
    columns = flatten(schema, [], [], true);
    const names = new Set<string>();
    for (const column of columns) {
      if (names.has(column.name)) throw new Error(`table ${table}: two columns are named ${column.name}`);
      names.add(column.name);
    }
    cache.set(table, columns);
  }
  return columns;
}

/** One column of a table by its header name. */
export function columnOf(table: TableName, name: string): Column | undefined {
  return columnsOf(table).find((column) => column.name === name);
}

/**
 * Leaves of an object schema become columns. A nested object's leaves are named by the path below the
 * top-level property (position.start.line → startLine): the top-level name adds nothing a reader needs.
 */
function flatten(schema: PropertySchema, path: string[], contexts: string[], required: boolean): Column[] {
  const columns: Column[] = [];
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const propertyPath = [...path, name];
    const isRequired = required && (schema.required ?? []).includes(name);
    if (property.type === 'object' || property.properties) {
      const context = property.description === undefined ? contexts : [...contexts, property.description];
      columns.push(...flatten(property, propertyPath, context, isRequired));
    } else {
      columns.push(leaf(property, propertyPath, contexts, isRequired));
    }
  }
  return columns;
}

function leaf(property: PropertySchema, path: string[], contexts: string[], required: boolean): Column {
  const multiValued = property.type === 'array';
  const valueSchema = multiValued ? (property.items ?? {}) : property;
  const type = valueSchema.type ?? 'string';
  if (type !== 'string' && type !== 'integer' && type !== 'number' && type !== 'boolean') {
    throw new Error(`property ${path.join('.')} has type ${type}, which no CSV cell can hold`);
  }
  const [first = '', ...rest] = path.length > 1 ? path.slice(1) : path;
  const column: Column = {
    name: first + rest.map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join(''),
    description: describe(property.description ?? '', contexts),
    type,
    multiValued,
    required,
    path,
  };
  if (valueSchema.format !== undefined) column.format = valueSchema.format;
  if (valueSchema.pattern !== undefined) column.pattern = valueSchema.pattern;
  if (valueSchema.enum !== undefined) column.enum = valueSchema.enum;
  if (valueSchema.minimum !== undefined) column.minimum = valueSchema.minimum;
  if (valueSchema.maximum !== undefined) column.maximum = valueSchema.maximum;
  if (property.references !== undefined) column.references = property.references as TableName;
  return column;
}

/**
 * A nested leaf's description carries its parents', since the column stands alone in a table
 * ("Where the heading is in the source file; where the span starts: line number, starting at 1.").
 */
function describe(description: string, contexts: string[]): string {
  if (contexts.length === 0) return description;
  const parts = [...contexts.map((context) => context.replace(/\.\s*$/, '')), description];
  const [head = '', ...tail] = parts;
  return head + tail.map((part, index) => (index === tail.length - 1 ? ': ' : '; ') + lowerFirst(part)).join('');
}

/** Lowercases a capitalised first word, but not an acronym (UTF-16 stays UTF-16). */
function lowerFirst(text: string): string {
  return /^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
