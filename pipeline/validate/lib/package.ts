import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import { ownCopy } from '../../model/lib/text.js';
import { KeySet } from './key-set.js';
import { memoryReader, readSkipping, skippedCount, skipping, textPieces, type KnownRows, type OutputReader } from './reader.js';

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

type Schema = NonNullable<Resource['schema']>;
type ForeignKey = NonNullable<Schema['foreignKeys']>[number];

/** A foreign key of a table, with the problems found in its values. */
interface ForeignKeyCheck {
  resource: Resource;
  foreignKey: ForeignKey;
  problems: PackageProblem[];
  /** Values to check once the table they point into is read (a later table, or the table itself). */
  pending?: Array<{ line: number; values: string[] }>;
}

/** A file's size and SHA-256 (hex). */
export interface FileFingerprint {
  bytes: number;
  sha256: string;
}

/** What a package check may be told of its files beforehand. */
export interface PackageCheckOptions {
  /** Runs of rows of each file checked before, whose values are not read again (see KnownRows). */
  knownRows?: ReadonlyMap<string, readonly KnownRows[]>;
  /**
   * Files' sizes and SHA-256 as read back from disk once written (a build's writer does so in a
   * thread of its own): the descriptor is compared with them, and the file is not hashed a second time.
   */
  readBack?: ReadonlyMap<string, FileFingerprint>;
}

/**
 * Checks a data package as a consumer would: every resource's file exists with the bytes and SHA-256
 * the descriptor gives; every table's header is its schema's fields in order; every value has its
 * field's type and constraints; primary keys are present and unique; every foreign key resolves.
 * `files` maps paths relative to the package to their text, or reads them from a folder. Tables are
 * read as streams of rows: what is kept of a table is the set of its keys that other tables refer to.
 */
export async function verifyPackage(
  files: ReadonlyMap<string, string> | OutputReader,
  descriptorPath = 'datapackage.json',
  { knownRows = new Map(), readBack = new Map() }: PackageCheckOptions = {},
): Promise<PackageProblem[]> {
  const reader = files instanceof Map ? memoryReader(files) : (files as OutputReader);
  if (!reader.has(descriptorPath)) return [{ path: descriptorPath, message: 'descriptor is missing' }];
  const descriptor = JSON.parse(await reader.text(descriptorPath)) as { resources: Resource[] };
  const problems: PackageProblem[] = [];
  const keys = new ReferencedKeys(descriptor.resources);
  const read = new Set<string>();
  // Tables that did not parse: already reported, so keys that point into them are not checked.
  const unreadable = new Set<string>();
  // Reported after every table's own problems, in the descriptor's order.
  const foreignKeyChecks: ForeignKeyCheck[] = [];

  for (const resource of descriptor.resources) {
    if (!reader.has(resource.path)) {
      problems.push({ path: resource.path, message: `resource ${resource.name} has no file` });
      continue;
    }
    const schema = resource.type === 'table' ? resource.schema : undefined;
    const fingerprint = readBack.get(resource.path);
    const runs = knownRows.get(resource.path) ?? [];
    const ending = (rows: number) => `${rows}\r\n`;
    // A file read back already is not hashed again, and of a table only what is not in its known runs is read.
    const hashed = fingerprint ? undefined : countedChunks(reader.chunks(resource.path));
    const rows = hashed ? skipping(hashed.chunks(), runs, ending) : readSkipping(reader, resource.path, runs, ending);
    const table = schema ? await readTable(resource, schema, rows, keys, (name) => (unreadable.has(name) ? 'unreadable' : read.has(name) ? 'read' : 'later')) : undefined;
    const { bytes, sha256 } = fingerprint ?? (await hashed!.finish());
    if (resource.bytes !== bytes) problems.push({ path: resource.path, message: `has ${bytes} bytes, the descriptor says ${resource.bytes}` });
    if (resource.hash !== `sha256:${sha256}`) problems.push({ path: resource.path, message: `has hash sha256:${sha256}, the descriptor says ${resource.hash}` });
    if (!table) continue;
    read.add(resource.name);
    problems.push(...table.problems);
    if (table.unreadable) {
      unreadable.add(resource.name);
      continue;
    }
    problems.push(...table.keyProblems);
    foreignKeyChecks.push(...table.foreignKeys);
  }

  for (const check of foreignKeyChecks) {
    const target = check.foreignKey.reference.resource;
    if (!check.pending || unreadable.has(target)) continue;
    if (!read.has(target)) {
      check.problems.push({ path: check.resource.path, message: `foreign key ${check.foreignKey.fields.join(', ')} points to resource ${target}, which is not a table` });
      continue;
    }
    const targetKeys = keys.of(check.foreignKey.reference);
    for (const { line, values } of check.pending) if (!targetKeys.has(keyOf(values))) check.problems.push(foreignKeyProblem(check, line, values));
  }
  return [...problems, ...foreignKeyChecks.flatMap((check) => check.problems)];
}

/** The keys foreign keys point at, one set per referenced resource and fields, filled as each table is read. */
class ReferencedKeys {
  readonly #sets = new Map<string, Array<{ fields: string[]; keys: KeySet }>>();

  constructor(resources: readonly Resource[]) {
    for (const resource of resources) {
      for (const { reference } of resource.schema?.foreignKeys ?? []) {
        const sets = this.#sets.get(reference.resource) ?? [];
        if (!sets.some((set) => sameFields(set.fields, reference.fields))) sets.push({ fields: reference.fields, keys: new KeySet() });
        this.#sets.set(reference.resource, sets);
      }
    }
  }

  /** The sets a table's rows go into. */
  filledBy(resource: string): ReadonlyArray<{ fields: string[]; keys: KeySet }> {
    return this.#sets.get(resource) ?? [];
  }

  of(reference: ForeignKey['reference']): KeySet {
    return this.filledBy(reference.resource).find((set) => sameFields(set.fields, reference.fields))!.keys;
  }
}

function sameFields(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((field, i) => field === b[i]);
}

/**
 * Reads one table row by row: its header, each value against its field, its primary key, and its
 * foreign keys, checked at once when the table they point into is read already. A table that does not
 * parse is `unreadable`: its key problems and foreign keys mean nothing then.
 */
async function readTable(
  resource: Resource,
  schema: Schema,
  chunks: AsyncIterable<Uint8Array>,
  keys: ReferencedKeys,
  state: (table: string) => 'read' | 'unreadable' | 'later',
): Promise<{ problems: PackageProblem[]; keyProblems: PackageProblem[]; foreignKeys: ForeignKeyCheck[]; unreadable: boolean }> {
  const problems: PackageProblem[] = [];
  const keyProblems: PackageProblem[] = [];
  const names = schema.fields.map((field) => field.name);
  // Rows are read as arrays: each column named by a key is found by its index, once per table.
  const columnOf = new Map(names.map((name, index) => [name, index]));
  const columns = (fields: readonly string[]) => fields.map((field) => columnOf.get(field) ?? -1);
  const valuesAt = (record: readonly string[], indexes: readonly number[]) => indexes.map((index) => record[index] ?? '');
  const missing = new Set(schema.missingValues ?? ['']);
  // A string field with no constraint takes any value: only the others are checked, value by value.
  const checked = schema.fields.flatMap((field, index) => (field.type === 'string' && Object.keys(field.constraints ?? {}).length === 0 ? [] : [{ field, index }]));
  const primaryKey = schema.primaryKey ?? [];
  const primaryColumns = columns(primaryKey);
  const filling = keys.filledBy(resource.name).map((set) => ({ ...set, columns: columns(set.fields) }));
  // The keys other tables point at by this table's primary key are its primary keys: one set serves to
  // find repeats and to resolve those foreign keys (a table of a million sentences made it twice).
  const byPrimaryKey = primaryKey.length > 0 ? filling.find((set) => sameFields(set.fields, primaryKey)) : undefined;
  const seen = byPrimaryKey?.keys ?? new KeySet();
  const otherFilling = filling.filter((set) => set !== byPrimaryKey);
  const foreignKeys = (schema.foreignKeys ?? [])
    .filter((foreignKey) => state(foreignKey.reference.resource) !== 'unreadable')
    .map((foreignKey): ForeignKeyCheck & { target?: KeySet; columns: number[] } =>
      state(foreignKey.reference.resource) === 'read'
        ? { resource, foreignKey, problems: [], target: keys.of(foreignKey.reference), columns: columns(foreignKey.fields) }
        : { resource, foreignKey, problems: [], pending: [], columns: columns(foreignKey.fields) },
    );
  let line = 0;
  // A key repeats from row to row (a page's mentions share its document, passage, sentence): the key
  // each set was last given, and each foreign key last looked up, is not hashed again.
  const lastAdded = new Map<object, string>();
  const addOnce = (set: { keys: KeySet }, key: string) => {
    if (lastAdded.get(set) === key) return;
    set.keys.add(key);
    lastAdded.set(set, ownCopy(key));
  };
  const lastFound = new Map<object, { key: string; found: boolean }>();
  const holds = (check: { target?: KeySet }, key: string) => {
    const last = lastFound.get(check);
    if (last?.key === key) return last.found;
    const found = check.target!.has(key);
    lastFound.set(check, { key: ownCopy(key), found });
    return found;
  };
  let width = 0;
  const onRecord = (record: readonly string[]) => {
    const skipped = record.length === 1 ? skippedCount(record[0]!) : undefined;
    if (skipped !== undefined) {
      line += skipped;
      return;
    }
    line++;
    // Every record as wide as the first, the header: a CSV whose rows are not is not one table.
    if (line === 1) width = record.length;
    else if (record.length !== width) throw new Error(`Invalid Record Length: row ${line} has ${record.length} fields, the header has ${width}`);
    if (line === 1) {
      if (record.join(',') !== names.join(',')) problems.push({ path: resource.path, message: `header is ${record.join(',')}, the schema says ${names.join(',')}` });
      return;
    }
    for (const { field, index } of checked) {
      const problem = checkValue(record[index] ?? '', field, missing);
      if (problem) problems.push({ path: resource.path, message: `row ${line}, ${field.name}: ${problem}` });
    }
    if (primaryKey.length > 0) {
      const values = valuesAt(record, primaryColumns);
      if (values.some((value) => missing.has(value))) keyProblems.push({ path: resource.path, message: `row ${line}: primary key ${primaryKey.join(', ')} is missing` });
      if (!seen.add(keyOf(values))) keyProblems.push({ path: resource.path, message: `row ${line}: primary key ${values.join(', ')} is repeated` });
    }
    for (const set of otherFilling) addOnce(set, keyOf(valuesAt(record, set.columns)));
    for (const check of foreignKeys) {
      const values = valuesAt(record, check.columns);
      if (values.every((v) => v === '')) continue;
      // Kept as a copy of its own: a value cut from the parser's chunk would keep the whole chunk alive.
      if (check.pending) check.pending.push({ line, values: values.map(ownCopy) });
      else if (!holds(check, keyOf(values))) check.problems.push(foreignKeyProblem(check, line, values));
    }
  };
  try {
    await readRecords(chunks, onRecord);
  } catch (error) {
    // What was found before the table stopped parsing is a consequence of it, not a finding of its own.
    return { problems: [{ path: resource.path, message: `is not valid CSV: ${(error as Error).message}` }], keyProblems: [], foreignKeys: [], unreadable: true };
  }
  return { problems, keyProblems, foreignKeys, unreadable: false };
}

/**
 * Reads CSV (RFC 4180, CRLF line ends) from a stream of UTF-8 chunks with Papa Parse, a record at a time;
 * rejects on malformed quotes or when `onRecord` throws. The line end that closes the file ends the last
 * record, it does not open an empty one; an empty line anywhere else is a record of one empty field.
 */
function readRecords(chunks: AsyncIterable<Uint8Array>, onRecord: (record: readonly string[]) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let failed = false;
    let emptyLine = false;
    const fail = (error: Error, parser?: Papa.Parser) => {
      if (failed) return;
      failed = true;
      parser?.abort();
      reject(error);
    };
    Papa.parse<string[]>(Readable.from(textPieces(chunks)), {
      newline: '\r\n',
      // Rows a chunk at a time, not a result object per row: a large table makes less garbage.
      chunk: (result, parser) => {
        if (failed) return;
        const quoteProblem = result.errors.find((problem) => problem.type === 'Quotes');
        if (quoteProblem) return fail(new Error(`${quoteProblem.message} (row ${quoteProblem.row})`), parser);
        try {
          for (const record of result.data) {
            if (emptyLine) onRecord(['']);
            emptyLine = record.length === 1 && record[0] === '';
            if (!emptyLine) onRecord(record);
          }
        } catch (error) {
          fail(error as Error, parser);
        }
      },
      complete: () => {
        if (!failed) resolve();
      },
      error: (error: Error) => fail(error),
    });
  });
}

/**
 * A file's chunks, each counted and hashed once as it is taken: by the CSV parser, or, for the rest of
 * the file (a parser that gave up, a file that is not a table), by `finish`.
 */
function countedChunks(chunks: AsyncIterable<Uint8Array>): { chunks: () => AsyncGenerator<Uint8Array>; finish: () => Promise<{ bytes: number; sha256: string }> } {
  const hash = createHash('sha256');
  let bytes = 0;
  const source = chunks[Symbol.asyncIterator]();
  const take = async function* () {
    for (let next = await source.next(); !next.done; next = await source.next()) {
      hash.update(next.value);
      bytes += next.value.byteLength;
      yield next.value;
    }
  };
  return {
    chunks: take,
    finish: async () => {
      for await (const _ of take());
      return { bytes, sha256: hash.digest('hex') };
    },
  };
}

function foreignKeyProblem({ resource, foreignKey }: ForeignKeyCheck, line: number, values: readonly string[]): PackageProblem {
  return { path: resource.path, message: `row ${line}: ${foreignKey.fields.join(', ')} = ${values.join(', ')} is not in ${foreignKey.reference.resource}` };
}

/** The key of a row's values in some fields, as a KeySet takes it. */
function keyOf(values: readonly string[]): string {
  return values.join('\u0000');
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
  if (constraints.pattern && !patternOf(constraints.pattern).test(cell)) return `${JSON.stringify(cell)} does not match ${constraints.pattern}`;
  if (constraints.minimum !== undefined && Number(cell) < constraints.minimum) return `${cell} is below ${constraints.minimum}`;
  if (constraints.maximum !== undefined && Number(cell) > constraints.maximum) return `${cell} is above ${constraints.maximum}`;
  return undefined;
}

const patterns = new Map<string, RegExp>();

/** A field's pattern, compiled once: it is tested against every value of a column. */
function patternOf(pattern: string): RegExp {
  let compiled = patterns.get(pattern);
  if (!compiled) {
    compiled = new RegExp(`^(?:${pattern})$`, 'u');
    patterns.set(pattern, compiled);
  }
  return compiled;
}
