import type { TableName } from '../../model/lib/dataset.js';

/** Paths of the emitted files, relative to the output folder, with '/' separators. */
export const jsonLdPath = 'dataset.jsonld';
export const readmePath = 'README.md';
export const timelinePath = 'timeline.md';

export function csvPath(table: TableName): string {
  return `csv/${table}.csv`;
}

/** Package metadata, each beside the data it describes. */
export const dataPackagePath = 'datapackage.json';
export const csvwPath = 'csv-metadata.json';
export const catalogPath = 'catalog.jsonld';
export const schemaOrgPath = 'schema-org.jsonld';
export const checksumsPath = 'SHA256SUMS';
export const qualityJsonPath = 'quality.json';
export const qualityMarkdownPath = 'quality.md';
