import { readFileSync } from 'node:fs';
import { tables, type TableName } from './dataset.js';
import { schemaDirectory } from './schema-files.js';

const cache = new Map<TableName, readonly string[]>();

/** The columns that identify a record of a table: the schema's `primaryKey` annotation, `id` by default. */
export function primaryKeyOf(table: TableName): readonly string[] {
  let key = cache.get(table);
  if (!key) {
    const file = tables.find((entry) => entry.name === table)!.schema;
    const schema = JSON.parse(readFileSync(new URL(file, schemaDirectory), 'utf8')) as { primaryKey?: string[] };
    key = schema.primaryKey ?? ['id'];
    cache.set(table, key);
  }
  return key;
}

/** A record's primary key as one string, for messages and comparisons. */
export function keyOf(table: TableName, record: object): string {
  return primaryKeyOf(table)
    .map((column) => String((record as Record<string, unknown>)[column]))
    .join(' ');
}
