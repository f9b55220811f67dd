import { tables, type TableName } from '../../../model/lib/dataset.js';
import { describeTable } from '../csv/columns.js';
import { catalogPath, csvPath, csvwPath, jsonLdPath, qualityJsonPath, qualityMarkdownPath, readmePath, schemaOrgPath, timelinePath } from '../files.js';

/** What a published file is, in the words catalogues and package descriptors use. */
export interface FileDescription {
  /** Resource name: lowercase, stable. */
  name: string;
  path: string;
  title: string;
  description: string;
  /** File extension-like format name (csv, jsonld, md, json). */
  format: string;
  mediatype: string;
  /** The table a CSV file holds. */
  table?: TableName;
}

/** Describes the files the data emitters write, in publication order. */
export function describeDataFiles(): FileDescription[] {
  return [
    {
      name: 'dataset-jsonld',
      path: jsonLdPath,
      title: 'Linked data graph',
      description: 'Every page, section, organisation, person, place, event, term and mention as JSON-LD (schema.org, Web Annotation and PROV-O terms).',
      format: 'jsonld',
      mediatype: 'application/ld+json',
    },
    ...tables.map(({ name }): FileDescription => {
      const { title, description } = describeTable(name);
      return { name, path: csvPath(name), title, description, format: 'csv', mediatype: 'text/csv', table: name };
    }),
    { name: 'readme', path: readmePath, title: 'Dataset card', description: 'What the dataset is, its source and rights, counts, how to cite it, and its data dictionary.', format: 'md', mediatype: 'text/markdown' },
    { name: 'timeline', path: timelinePath, title: 'Timeline', description: 'The events in date order.', format: 'md', mediatype: 'text/markdown' },
    { name: 'quality-json', path: qualityJsonPath, title: 'Quality report (JSON)', description: 'Counts per table, precision and recall against hand-made gold annotations, and the names the extractor could not type.', format: 'json', mediatype: 'application/json' },
    { name: 'quality', path: qualityMarkdownPath, title: 'Quality report', description: 'The quality report to read: counts, evaluation scores and candidates for curation.', format: 'md', mediatype: 'text/markdown' },
  ];
}

export const csvwDescription: FileDescription = {
  name: 'csv-metadata',
  path: csvwPath,
  title: 'CSV on the Web metadata',
  description: 'The CSV tables described for CSV on the Web (CSVW) processors, with URI templates that give each row the IRI of its node in the JSON-LD graph.',
  format: 'json',
  mediatype: 'application/csvm+json',
};

export const catalogDescription: FileDescription = {
  name: 'catalog',
  path: catalogPath,
  title: 'DCAT-AP catalogue record',
  description: 'The catalogue, the dataset and each distribution described in DCAT-AP 3, as JSON-LD.',
  format: 'jsonld',
  mediatype: 'application/ld+json',
};

export const schemaOrgDescription: FileDescription = {
  name: 'schema-org',
  path: schemaOrgPath,
  title: 'schema.org Dataset',
  description: 'The dataset as a schema.org Dataset with DataDownload distributions, as dataset search engines read it.',
  format: 'jsonld',
  mediatype: 'application/ld+json',
};
