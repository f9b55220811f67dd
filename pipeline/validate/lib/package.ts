import { createHash } from 'node:crypto';
import { parse as parseCsv } from 'csv-parse/sync';

/** One problem found in an emitted package, with the file it is in. */
export interface PackageProblem {
  path: string;
  message: string;
}

interface Field {
  name: string;
  type: string;
  constraints?: { required?: boolean; unique?: boolean; enum?: string[]; pattern?: string; minimum?: number; maximum?: number };
}

interface Resource {
  name: string;
  path: string;
  bytes?: number;
  hash?: string;
  type?: string;
  schema?: { fields: Field[]; primaryKey?: string[]; foreignKeys?: Array<{ fields: string[]; reference: { resource: string; fields: string[] } }>; missingValues?: string[] };
}

/**
 * Checks a data package as a consumer would: every resource's file exists with the bytes and SHA-256
 * the descriptor gives; every table's header is its schema's fields in order; every value has its
 * field's type and constraints; primary keys are present and unique; every foreign key resolves.
 * `files` maps paths relative to the package to their text.
 */
export function verifyPackage(files: ReadonlyMap<string, string>, descriptorPath = 'datapackage.json'): PackageProblem[] {
  const problems: PackageProblem[] = [];
  const descriptorText = files.get(descriptorPath);
  if (descriptorText === undefined) return [{ path: descriptorPath, message: 'descriptor is missing' }];
  const descriptor = JSON.parse(descriptorText) as { resources: Resource[] };
  const rows = new Map<string, Array<Record<string, string>>>();
  // Tables that did not parse: already reported, so keys that point into them are not checked.
  const unreadable = new Set<string>();

  for (const resource of descriptor.resources) {
    const contents = files.get(resource.path);
    if (contents === undefined) {
      problems.push({ path: resource.path, message: `resource ${resource.name} has no file` });
      continue;
    }
    const buffer = Buffer.from(contents, 'utf8');
    if (resource.bytes !== buffer.byteLength) problems.push({ path: resource.path, message: `has ${buffer.byteLength} bytes, the descriptor says ${resource.bytes}` });
    const hash = `sha256:${createHash('sha256').update(buffer).digest('hex')}`;
    if (resource.hash !== hash) problems.push({ path: resource.path, message: `has hash ${hash}, the descriptor says ${resource.hash}` });
    if (resource.type !== 'table' || !resource.schema) continue;

    let table: string[][];
    try {
      table = parseCsv(contents, { columns: false, record_delimiter: '\r\n', relax_column_count: false }) as string[][];
    } catch (error) {
      problems.push({ path: resource.path, message: `is not valid CSV: ${(error as Error).message}` });
      unreadable.add(resource.name);
      continue;
    }
    const [header = [], ...records] = table;
    const names = resource.schema.fields.map((field) => field.name);
    if (header.join(',') !== names.join(',')) problems.push({ path: resource.path, message: `header is ${header.join(',')}, the schema says ${names.join(',')}` });
    const parsed = records.map((record) => Object.fromEntries(names.map((name, i) => [name, record[i] ?? ''])));
    rows.set(resource.name, parsed);
    const missing = new Set(resource.schema.missingValues ?? ['']);
    parsed.forEach((row, index) => {
      const line = index + 2;
      for (const field of resource.schema!.fields) {
        const problem = checkValue(row[field.name]!, field, missing);
        if (problem) problems.push({ path: resource.path, message: `row ${line}, ${field.name}: ${problem}` });
      }
    });
    const key = resource.schema.primaryKey ?? [];
    if (key.length > 0) {
      const seen = new Set<string>();
      parsed.forEach((row, index) => {
        const value = key.map((column) => row[column] ?? '').join('\u0000');
        if (key.some((column) => missing.has(row[column] ?? ''))) problems.push({ path: resource.path, message: `row ${index + 2}: primary key ${key.join(', ')} is missing` });
        if (seen.has(value)) problems.push({ path: resource.path, message: `row ${index + 2}: primary key ${key.map((c) => row[c]).join(', ')} is repeated` });
        seen.add(value);
      });
    }
  }

  for (const resource of descriptor.resources) {
    for (const foreignKey of resource.schema?.foreignKeys ?? []) {
      if (unreadable.has(resource.name) || unreadable.has(foreignKey.reference.resource)) continue;
      const target = rows.get(foreignKey.reference.resource);
      if (!target) {
        problems.push({ path: resource.path, message: `foreign key ${foreignKey.fields.join(', ')} points to resource ${foreignKey.reference.resource}, which is not a table` });
        continue;
      }
      const keys = new Set(target.map((row) => foreignKey.reference.fields.map((f) => row[f]).join('\u0000')));
      (rows.get(resource.name) ?? []).forEach((row, index) => {
        const values = foreignKey.fields.map((f) => row[f] ?? '');
        if (values.every((v) => v === '')) return;
        if (!keys.has(values.join('\u0000'))) {
          problems.push({ path: resource.path, message: `row ${index + 2}: ${foreignKey.fields.join(', ')} = ${values.join(', ')} is not in ${foreignKey.reference.resource}` });
        }
      });
    }
  }
  return problems;
}

function checkValue(cell: string, field: Field, missing: ReadonlySet<string>): string | undefined {
  const constraints = field.constraints ?? {};
  if (missing.has(cell)) return constraints.required ? 'a value is required' : undefined;
  switch (field.type) {
    case 'integer':
      if (!/^-?\d+$/.test(cell)) return `${JSON.stringify(cell)} is not an integer`;
      break;
    case 'number':
      if (!/^-?\d+(\.\d+)?$/.test(cell)) return `${JSON.stringify(cell)} is not a number`;
      break;
    case 'boolean':
      if (cell !== 'true' && cell !== 'false') return `${JSON.stringify(cell)} is not true or false`;
      break;
  }
  if (constraints.enum && !constraints.enum.includes(cell)) return `${JSON.stringify(cell)} is not one of ${constraints.enum.join(', ')}`;
  if (constraints.pattern && !new RegExp(`^(?:${constraints.pattern})$`, 'u').test(cell)) return `${JSON.stringify(cell)} does not match ${constraints.pattern}`;
  if (constraints.minimum !== undefined && Number(cell) < constraints.minimum) return `${cell} is below ${constraints.minimum}`;
  if (constraints.maximum !== undefined && Number(cell) > constraints.maximum) return `${cell} is above ${constraints.maximum}`;
  return undefined;
}
