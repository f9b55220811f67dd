import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { stringify } from 'csv-stringify/sync';

/**
 * Small built datasets, written the way the build writes dist/: datapackage.json (Data Package v2)
 * with a Table Schema per CSV, CSVs in UTF-8 with CRLF and a header, and SHA256SUMS of every other file.
 */

export interface TableSpec {
  name: string;
  fields: Array<{ name: string; type: string }>;
  primaryKey?: string[];
  rows: string[][];
}

export interface DatasetSpec {
  name: string;
  version: string;
  title?: string;
  created?: string;
  tables: TableSpec[];
  /** Other files, by resource name: path and text. */
  files: Array<{ name: string; path: string; text: string }>;
}

/** Two tables (organisations and events, one referring to the other) and a Markdown file. */
export function baseDataset(version = '1.0.0'): DatasetSpec {
  return {
    name: 'test-dataset',
    version,
    title: 'Test dataset',
    created: '2013-01-01T00:00:00Z',
    tables: [
      {
        name: 'organizations',
        fields: [
          { name: 'id', type: 'string' },
          { name: 'name', type: 'string' },
          { name: 'founded', type: 'integer' },
        ],
        primaryKey: ['id'],
        rows: [
          ['org/anssi', 'ANSSI', '2009'],
          ['org/nato', 'NATO', '1949'],
          ['org/osce', 'OSCE', '1975'],
        ],
      },
      {
        name: 'events',
        fields: [
          { name: 'id', type: 'string' },
          { name: 'name', type: 'string' },
          { name: 'date', type: 'string' },
          { name: 'organizationId', type: 'string' },
        ],
        primaryKey: ['id'],
        rows: [
          ['event/1', 'Agency created', '2009-07', 'org/anssi'],
          ['event/2', 'Lisbon Summit', '2010-11', 'org/nato'],
        ],
      },
    ],
    files: [{ name: 'readme', path: 'README.md', text: '# Test dataset\n' }],
  };
}

/** A deep copy, to change one thing in a test. */
export function copy(spec: DatasetSpec): DatasetSpec {
  return structuredClone(spec);
}

export function table(spec: DatasetSpec, name: string): TableSpec {
  const found = spec.tables.find((t) => t.name === name);
  if (!found) throw new Error(`no table ${name}`);
  return found;
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Writes the dataset into `folder` (created) and returns it. */
export function writeDataset(folder: string, spec: DatasetSpec): string {
  mkdirSync(folder, { recursive: true });
  const files = new Map<string, Buffer>();
  const resources: unknown[] = [];
  for (const t of spec.tables) {
    const path = `csv/${t.name}.csv`;
    const bytes = Buffer.from(stringify([t.fields.map((f) => f.name), ...t.rows], { record_delimiter: '\r\n' }), 'utf8');
    files.set(path, bytes);
    resources.push({
      name: t.name,
      path,
      type: 'table',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      bytes: bytes.byteLength,
      hash: `sha256:${sha256(bytes)}`,
      schema: { fields: t.fields, ...(t.primaryKey ? { primaryKey: t.primaryKey } : {}) },
    });
  }
  for (const file of spec.files) {
    const bytes = Buffer.from(file.text, 'utf8');
    files.set(file.path, bytes);
    resources.push({ name: file.name, path: file.path, format: 'md', mediatype: 'text/markdown', bytes: bytes.byteLength, hash: `sha256:${sha256(bytes)}` });
  }
  const descriptor = {
    $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
    name: spec.name,
    version: spec.version,
    ...(spec.title !== undefined ? { title: spec.title } : {}),
    ...(spec.created !== undefined ? { created: spec.created } : {}),
    resources,
  };
  files.set('datapackage.json', Buffer.from(`${JSON.stringify(descriptor, null, 2)}\n`, 'utf8'));
  for (const [path, bytes] of files) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), bytes);
  }
  writeChecksums(folder);
  return folder;
}

/** (Re)writes SHA256SUMS for every other file of the folder, sorted by path. */
export function writeChecksums(folder: string): void {
  const lines = listFiles(folder)
    .filter((path) => path !== 'SHA256SUMS')
    .map((path) => `${sha256(readFileSync(join(folder, path)))}  ${path}`);
  writeFileSync(join(folder, 'SHA256SUMS'), `${lines.join('\n')}\n`);
}

export function listFiles(folder: string, prefix = ''): string[] {
  return readdirSync(join(folder, prefix))
    .flatMap((name) => (statSync(join(folder, prefix, name)).isDirectory() ? listFiles(folder, `${prefix}${name}/`) : [`${prefix}${name}`]))
    .sort();
}

/** Temporary folders, removed by cleanup() (call it in afterAll). */
export function temporaryFolders(): { make(): string; cleanup(): void } {
  const made: string[] = [];
  return {
    make: () => {
      const folder = mkdtempSync(join(tmpdir(), 'release-test-'));
      made.push(folder);
      return folder;
    },
    cleanup: () => {
      for (const folder of made) rmSync(folder, { recursive: true, force: true });
    },
  };
}
