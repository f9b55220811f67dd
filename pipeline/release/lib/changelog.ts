import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { ReleaseError } from './errors.js';
import { readPackage, type DataPackage, type Field, type Resource, type TableSchema } from './package.js';

/** Who the package is, as a release note names it. */
export interface PackageSummary {
  name: string;
  version: string;
  title?: string;
}

/** A resource of one version of the package, with its size as a table when it is one. */
export interface ResourceSummary {
  name: string;
  path?: string;
  table: boolean;
  /** Number of records, for a table. */
  records?: number;
  /** Number of fields, for a table. */
  fields?: number;
}

/** A field whose name changed and whose values did not (same type, same value in every matched record). */
export interface FieldRename {
  from: Field;
  to: Field;
}

/** A field kept by name whose Table Schema type changed. */
export interface FieldRetype {
  name: string;
  from: string;
  to: string;
}

/** One value that changed in a record: `field` is the current name, `previousField` the old one when renamed. */
export interface ValueChange {
  field: string;
  previousField: string;
  from: string;
  to: string;
}

export interface RecordChange {
  /** The values of the primary key (of every compared field when the table has no primary key). */
  key: string[];
  changes: ValueChange[];
}

/** What changed in a table resource present in both versions. */
export interface TableChangelog {
  resource: string;
  path: string;
  primaryKey: string[];
  previousPrimaryKey: string[];
  records: { previous: number; current: number };
  /** Keys of the records added and removed, in file order. */
  added: string[][];
  removed: string[][];
  /** Records whose key is in both versions and whose values differ, in the current file's order. */
  changed: RecordChange[];
  fields: { added: Field[]; removed: Field[]; renamed: FieldRename[]; retyped: FieldRetype[] };
}

export interface Changelog {
  current: PackageSummary;
  /** Undefined for a first release. */
  previous?: PackageSummary;
  /** Every resource of the current version, in descriptor order. */
  resources: ResourceSummary[];
  resourcesAdded: ResourceSummary[];
  resourcesRemoved: ResourceSummary[];
  /** Resources in both versions that are not tables and whose bytes differ. */
  resourcesChanged: ResourceSummary[];
  /** Every table resource in both versions, in the current descriptor's order (changed or not). */
  tables: TableChangelog[];
}

type Row = Record<string, string>;

interface Table {
  resource: Resource & { path: string; schema: TableSchema };
  rows: Row[];
}

export interface ChangelogLabels {
  previous?: string;
  current?: string;
}

/**
 * What changed from one built dataset folder to another: resources matched by name, table records
 * matched by primary key and compared field by field, fields matched by name (a removed and an added
 * field of the same type holding the same values in every matched record are a rename). Values are
 * compared as the CSV text, exactly. `previousFolder` undefined: a first release.
 */
export function changelog(previousFolder: string | undefined, currentFolder: string, labels: ChangelogLabels = {}): Changelog {
  const currentLabel = labels.current ?? currentFolder;
  const previousLabel = labels.previous ?? previousFolder ?? '';
  const current = readPackage(currentFolder, currentLabel);
  const currentTables = readTables(currentFolder, current, currentLabel);
  const resources = current.resources.map((resource) => summary(resource, currentTables.get(resource.name)));
  const result: Changelog = { current: packageSummary(current), resources, resourcesAdded: [], resourcesRemoved: [], resourcesChanged: [], tables: [] };
  if (previousFolder === undefined) return result;

  const previous = readPackage(previousFolder, previousLabel);
  const previousTables = readTables(previousFolder, previous, previousLabel);
  result.previous = packageSummary(previous);
  const previousByName = new Map(previous.resources.map((resource) => [resource.name, resource]));
  const currentByName = new Map(current.resources.map((resource) => [resource.name, resource]));

  for (const resource of current.resources) {
    const before = previousByName.get(resource.name);
    const table = currentTables.get(resource.name);
    const previousTable = previousTables.get(resource.name);
    if (before === undefined || (table === undefined) !== (previousTable === undefined)) {
      // New, or a table that is now a plain file (or the reverse): the old resource is gone as it was.
      result.resourcesAdded.push(summary(resource, table));
      if (before !== undefined) result.resourcesRemoved.push(summary(before, previousTable));
    } else if (table !== undefined && previousTable !== undefined) {
      result.tables.push(compareTables(previousTable, table, previousLabel, currentLabel));
    } else if (!sameBytes(previousFolder, before, currentFolder, resource)) {
      result.resourcesChanged.push(summary(resource, undefined));
    }
  }
  for (const resource of previous.resources) {
    if (!currentByName.has(resource.name)) result.resourcesRemoved.push(summary(resource, previousTables.get(resource.name)));
  }
  return result;
}

function packageSummary(descriptor: DataPackage): PackageSummary {
  return { name: descriptor.name, version: descriptor.version, ...(descriptor.title !== undefined ? { title: descriptor.title } : {}) };
}

function summary(resource: Resource, table: Table | undefined): ResourceSummary {
  return {
    name: resource.name,
    ...(resource.path !== undefined ? { path: resource.path } : {}),
    table: table !== undefined,
    ...(table ? { records: table.rows.length, fields: table.resource.schema.fields.length } : {}),
  };
}

/** Whether two non-table resources have the same bytes (remote or inline ones are taken as unchanged). */
function sameBytes(previousFolder: string, before: Resource, currentFolder: string, after: Resource): boolean {
  if (before.path === undefined || after.path === undefined) return before.url === after.url;
  return readFileSync(join(previousFolder, before.path)).equals(readFileSync(join(currentFolder, after.path)));
}

function readTables(folder: string, descriptor: DataPackage, label: string): Map<string, Table> {
  const tables = new Map<string, Table>();
  for (const resource of descriptor.resources) {
    if (resource.schema === undefined || resource.path === undefined) continue;
    const { path, schema } = resource;
    tables.set(resource.name, { resource: { ...resource, path, schema }, rows: readCsv(folder, path, label) });
  }
  return tables;
}

/** A CSV with a header row, as records of strings keyed by column name. */
function readCsv(folder: string, path: string, label: string): Row[] {
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(folder, path));
  } catch {
    throw new ReleaseError(`${label}: ${path} is missing`);
  }
  try {
    return parse(bytes, { columns: true, bom: true, skip_empty_lines: true }) as Row[];
  } catch (error) {
    throw new ReleaseError(`${label}: ${path} is not a readable CSV (${(error as Error).message})`);
  }
}

function compareTables(previous: Table, current: Table, previousLabel: string, currentLabel: string): TableChangelog {
  const before = previous.resource.schema;
  const after = current.resource.schema;
  const previousFields = new Map(before.fields.map((field) => [field.name, field]));
  const currentNames = new Set(after.fields.map((field) => field.name));
  const kept = after.fields.filter((field) => previousFields.has(field.name));
  const retyped = kept.flatMap((field): FieldRetype[] => {
    const old = previousFields.get(field.name)!;
    return old.type === field.type ? [] : [{ name: field.name, from: old.type, to: field.type }];
  });
  let added = after.fields.filter((field) => !previousFields.has(field.name));
  let removed = before.fields.filter((field) => !currentNames.has(field.name));

  // Records are matched by the current primary key, when the previous table has its fields; by the
  // values of every kept field when the table has none (then a changed record is a removal and an addition).
  const keyFields = after.primaryKey.length > 0 ? after.primaryKey : kept.map((field) => field.name);
  const comparable = keyFields.every((field) => previousFields.has(field));
  const unique = after.primaryKey.length > 0;
  const previousKeyFields = comparable ? keyFields : before.primaryKey.length > 0 ? before.primaryKey : before.fields.map((field) => field.name);
  const previousRows = index(previous.rows, previousKeyFields, unique && comparable, previousLabel, previous.resource.path);
  const currentRows = index(current.rows, keyFields, unique, currentLabel, current.resource.path);

  const pairs: Array<[Row, Row]> = [];
  const addedKeys: string[][] = [];
  const removedKeys: string[][] = [];
  for (const [key, rows] of currentRows) {
    const old = comparable ? previousRows.get(key) : undefined;
    rows.forEach((row, occurrence) => {
      const match = old?.[occurrence];
      if (match) pairs.push([match, row]);
      else addedKeys.push(keyFields.map((field) => row[field] ?? ''));
    });
  }
  for (const [key, rows] of previousRows) {
    const kept = comparable ? (currentRows.get(key)?.length ?? 0) : 0;
    for (const row of rows.slice(kept)) removedKeys.push(previousKeyFields.map((field) => row[field] ?? ''));
  }

  const renamed = findRenames(removed, added, pairs);
  added = added.filter((field) => !renamed.some((rename) => rename.to === field));
  removed = removed.filter((field) => !renamed.some((rename) => rename.from === field));

  const compared: Array<[string, string]> = [...kept.map((field): [string, string] => [field.name, field.name]), ...renamed.map(({ from, to }): [string, string] => [from.name, to.name])];
  const changed = unique
    ? pairs.flatMap(([old, row]): RecordChange[] => {
        const changes = compared.flatMap(([previousField, field]): ValueChange[] => {
          const from = old[previousField] ?? '';
          const to = row[field] ?? '';
          return from === to ? [] : [{ field, previousField, from, to }];
        });
        return changes.length > 0 ? [{ key: keyFields.map((field) => row[field] ?? ''), changes }] : [];
      })
    : [];
  // Report changes in the current column order.
  const order = new Map(after.fields.map((field, position) => [field.name, position]));
  for (const record of changed) record.changes.sort((a, b) => (order.get(a.field) ?? 0) - (order.get(b.field) ?? 0));

  return {
    resource: current.resource.name,
    path: current.resource.path,
    primaryKey: [...after.primaryKey],
    previousPrimaryKey: [...before.primaryKey],
    records: { previous: previous.rows.length, current: current.rows.length },
    added: addedKeys,
    removed: removedKeys,
    changed,
    fields: { added, removed, renamed, retyped },
  };
}

/**
 * Rows grouped by the JSON of their key values, in file order. With `unique`, a key given twice is an
 * error: a primary key identifies one record.
 */
function index(rows: readonly Row[], keyFields: readonly string[], unique: boolean, label: string, path: string): Map<string, Row[]> {
  const byKey = new Map<string, Row[]>();
  for (const row of rows) {
    const values = keyFields.map((field) => row[field] ?? '');
    const key = JSON.stringify(values);
    const group = byKey.get(key);
    if (group === undefined) byKey.set(key, [row]);
    else if (unique) throw new ReleaseError(`${label}: ${path} has two records with the primary key ${values.join(', ')}`);
    else group.push(row);
  }
  return byKey;
}

/**
 * Pairs a removed field with an added one as a rename when both have the same type and, in every record
 * found in both versions (at least one with a value), the old field's value is the new field's.
 */
function findRenames(removed: readonly Field[], added: readonly Field[], pairs: ReadonlyArray<[Row, Row]>): FieldRename[] {
  const renames: FieldRename[] = [];
  if (pairs.length === 0) return renames;
  const taken = new Set<Field>();
  for (const from of removed) {
    const to = added.find(
      (candidate) =>
        !taken.has(candidate) &&
        candidate.type === from.type &&
        pairs.some(([old]) => (old[from.name] ?? '') !== '') &&
        pairs.every(([old, row]) => (old[from.name] ?? '') === (row[candidate.name] ?? '')),
    );
    if (to) {
      taken.add(to);
      renames.push({ from, to });
    }
  }
  return renames;
}
