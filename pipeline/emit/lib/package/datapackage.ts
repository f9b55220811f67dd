import type { DatasetSummary } from '../../../model/lib/dataset.js';
import { dataPackagePath } from '../files.js';
import type { EmitOptions } from '../options.js';
import { datasetFacts, isListedLicence } from './metadata.js';
import type { Fingerprint } from '../sink.js';
import type { FileDescription } from './resources.js';
import { tableSchema } from './table-schema.js';

/**
 * datapackage.json (Frictionless Data Package v2): every file given, with its size and SHA-256, and a
 * Table Schema for every CSV. The licences are the pages' own, stated exactly: a page that grants no
 * licence (LicenseRef-…) is listed with its rights statement, never as an open licence.
 */
export function emitDataPackage(dataset: DatasetSummary, options: EmitOptions, files: ReadonlyArray<{ description: FileDescription; fingerprint: Fingerprint }>): Map<string, string> {
  const facts = datasetFacts(dataset, options);
  const descriptor = {
    $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
    name: options.name,
    id: `${options.baseIri}dataset`,
    title: options.title,
    description: options.description,
    version: options.version,
    created: options.created,
    ...(options.homepage ? { homepage: options.homepage } : {}),
    ...(options.keywords.length > 0 ? { keywords: [...options.keywords] } : {}),
    licenses: facts.licences.map(({ id, rights }) => ({
      name: id,
      ...(isListedLicence(id) ? { path: `https://spdx.org/licenses/${id}.html` } : {}),
      title: rights.join(' / '),
    })),
    sources: dataset.documents.map((document) => ({
      title: `${document.title} (${document.publisher}, ${document.dateModified})`,
      ...(document.url ? { path: document.url } : {}),
    })),
    contributors: facts.contributors.map((contributor) => ({
      title: contributor.title,
      ...(contributor.path ? { path: contributor.path } : {}),
      ...(contributor.email ? { email: contributor.email } : {}),
      ...(contributor.role ? { roles: [contributor.role] } : {}),
    })),
    resources: files.map(({ description, fingerprint }) => {
      const { bytes, sha256 } = fingerprint;
      return {
        name: description.name,
        path: description.path,
        ...(description.table ? { type: 'table' } : {}),
        title: description.title,
        description: description.description,
        format: description.format,
        mediatype: description.mediatype,
        encoding: 'utf-8',
        bytes,
        hash: `sha256:${sha256}`,
        ...(description.table
          ? {
              dialect: { $schema: 'https://datapackage.org/profiles/2.0/tabledialect.json', header: true, delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true },
              schema: { $schema: 'https://datapackage.org/profiles/2.0/tableschema.json', ...tableSchema(description.table, options.multiValueSeparator) },
            }
          : {}),
      };
    }),
  };
  return new Map([[dataPackagePath, `${JSON.stringify(descriptor, null, 2)}\n`]]);
}
