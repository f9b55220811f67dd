import { createHash, hash as hashOnce } from 'node:crypto';
import { Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';
import { memoryReader, type OutputReader } from './reader.js';

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
 * `files` maps paths relative to the package to their text, or reads them from a folder. Tables are
 * read as streams of rows: what is kept of a table is the set of its keys that other tables refer to.
 */
export async function verifyPackage(files: ReadonlyMap<string, string> | OutputReader, descriptorPath = 'datapackage.json'): Promise<PackageProblem[]> {
  const reader = files instanceof Map ? memoryReader(files) : (files as OutputReader);
  if (!reader.has(descriptorPath)) return [{ path: descriptorPath, message: 'descriptor is missing' }];
  const descriptor = JSON.parse(await reader.text(descriptorPath)) as { resources: Resource[] };
  const problems: PackageProblem[] = [];
  const tablesByName = new Map(descriptor.resources.filter((r) => r.type === 'table' && r.schema && reader.has(r.path)).map((r) => [r.name, r]));
  // The keys each foreign key points at, filled as the table that holds them is read.
  const targets = new Map<string, Set<string>>();
  for (const resource of descriptor.resources) {
    for (const foreignKey of resource.schema?.foreignKeys ?? []) targets.set(targetName(foreignKey.reference), new Set());
  }
  const done = new Set<string>();
  // Tables that did not parse: already reported, so keys that point into them are not checked.
  const unreadable = new Set<string>();
  // Foreign keys that point into a table not read yet (a later one, or the table itself).
  const pending: Array<{ resource: Resource; reference: Reference }> = [];
  // Each foreign key's problems, reported after every table's own, in the descriptor's order.
  const keyProblems: PackageProblem[][] = [];

  for (const resource of descriptor.resources) {
    if (!reader.has(resource.path)) {
      problems.push({ path: resource.path, message: `resource ${resource.name} has no file` });
      continue;
    }
    const hash = createHash('sha256');
    let bytes = 0;
    // Every chunk is counted and hashed once as it is taken, whether the CSV parser takes it or, after
    // the parser gave up, the rest of the file is read for its size and hash only.
    const source = reader.chunks(resource.path)[Symbol.asyncIterator]();
    const tapped = async function* () {
      for (let next = await source.next(); !next.done; next = await source.next()) {
        hash.update(next.value);
        bytes += next.value.byteLength;
        yield next.value;
      }
    };
    const schema = resource.type === 'table' ? resource.schema : undefined;
    const tableProblems: PackageProblem[] = [];
    const ownKeyProblems: PackageProblem[] = [];
    const referencing: Reference[] = [];
    if (!schema) {
      for await (const _ of tapped());
    } else {
      const names = schema.fields.map((field) => field.name);
      const missing = new Set(schema.missingValues ?? ['']);
      const primaryKey = schema.primaryKey ?? [];
      const seen = new Set<string>();
      const filling = [...targets].filter(([name]) => name.startsWith(`${resource.name}\u0000`)).map(([name, keys]) => ({ fields: name.split('\u0000')[1]!.split(','), keys }));
      for (const foreignKey of schema.foreignKeys ?? []) {
        // Keys into a table that did not parse are not checked.
        if (unreadable.has(foreignKey.reference.resource)) continue;
        const ready = done.has(foreignKey.reference.resource);
        referencing.push({ foreignKey, ...(ready ? { target: targets.get(targetName(foreignKey.reference))! } : {}), rows: [], problems: [] });
      }
      let line = 0;
      try {
        for await (const record of Readable.from(tapped()).pipe(parseCsv({ columns: false, record_delimiter: '\r\n', relax_column_count: false })) as AsyncIterable<string[]>) {
          line++;
          if (line === 1) {
            if (record.join(',') !== names.join(',')) tableProblems.push({ path: resource.path, message: `header is ${record.join(',')}, the schema says ${names.join(',')}` });
            continue;
          }
          const row = Object.fromEntries(names.map((name, i) => [name, record[i] ?? ''])) as Record<string, string>;
          for (const field of schema.fields) {
            const problem = checkValue(row[field.name]!, field, missing);
            if (problem) tableProblems.push({ path: resource.path, message: `row ${line}, ${field.name}: ${problem}` });
          }
          if (primaryKey.length > 0) {
            const key = keyOf(primaryKey.map((column) => row[column] ?? ''));
            if (primaryKey.some((column) => missing.has(row[column] ?? ''))) ownKeyProblems.push({ path: resource.path, message: `row ${line}: primary key ${primaryKey.join(', ')} is missing` });
            if (seen.has(key)) ownKeyProblems.push({ path: resource.path, message: `row ${line}: primary key ${primaryKey.map((c) => row[c]).join(', ')} is repeated` });
            seen.add(key);
          }
          for (const { fields, keys } of filling) keys.add(keyOf(fields.map((f) => row[f] ?? '')));
          for (const reference of referencing) {
            const values = reference.foreignKey.fields.map((f) => row[f] ?? '');
            if (values.every((v) => v === '')) continue;
            if (!reference.target) reference.rows.push({ line, values });
            else if (!reference.target.has(keyOf(values))) reference.problems.push(foreignKeyProblem(resource, reference.foreignKey, line, values));
          }
        }
      } catch (error) {
        tableProblems.push({ path: resource.path, message: `is not valid CSV: ${(error as Error).message}` });
        unreadable.add(resource.name);
        for await (const _ of tapped());
      }
    }
    if (resource.bytes !== bytes) problems.push({ path: resource.path, message: `has ${bytes} bytes, the descriptor says ${resource.bytes}` });
    const sha256 = `sha256:${hash.digest('hex')}`;
    if (resource.hash !== sha256) problems.push({ path: resource.path, message: `has hash ${sha256}, the descriptor says ${resource.hash}` });
    problems.push(...tableProblems, ...(unreadable.has(resource.name) ? [] : ownKeyProblems));
    if (!schema) continue;
    done.add(resource.name);
    if (unreadable.has(resource.name)) continue;
    for (const reference of referencing) {
      keyProblems.push(reference.problems);
      if (!reference.target) pending.push({ resource, reference });
    }
  }

  for (const { resource, reference } of pending) {
    const { foreignKey, rows } = reference;
    const target = foreignKey.reference.resource;
    if (unreadable.has(target)) continue;
    if (!tablesByName.has(target) || !done.has(target)) {
      reference.problems.push({ path: resource.path, message: `foreign key ${foreignKey.fields.join(', ')} points to resource ${target}, which is not a table` });
      continue;
    }
    const keys = targets.get(targetName(foreignKey.reference))!;
    for (const { line, values } of rows) if (!keys.has(keyOf(values))) reference.problems.push(foreignKeyProblem(resource, foreignKey, line, values));
  }
  return [...problems, ...keyProblems.flat()];
}

type ForeignKey = NonNullable<NonNullable<Resource['schema']>['foreignKeys']>[number];

/** A foreign key of the table being read: the keys it points at once read, else its rows' values to check later. */
interface Reference {
  foreignKey: ForeignKey;
  target?: Set<string>;
  rows: Array<{ line: number; values: string[] }>;
  problems: PackageProblem[];
}

function targetName(reference: ForeignKey['reference']): string {
  return `${reference.resource}\u0000${reference.fields.join(',')}`;
}

function foreignKeyProblem(resource: Resource, foreignKey: ForeignKey, line: number, values: readonly string[]): PackageProblem {
  return { path: resource.path, message: `row ${line}: ${foreignKey.fields.join(', ')} = ${values.join(', ')} is not in ${foreignKey.reference.resource}` };
}

/**
 * A key as kept in a set: short keys as they are, long ones (a mention's id is about a hundred
 * characters) by a SHA-1 of them, so that the sets of a large table's keys stay small.
 */
function keyOf(values: readonly string[]): string {
  const joined = values.join('\u0000');
  return joined.length <= 32 ? joined : `\u0001${hashOnce('sha1', joined, 'base64')}`;
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
