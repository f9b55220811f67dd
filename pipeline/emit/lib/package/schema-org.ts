import type { DatasetSummary } from '../../../model/lib/dataset.js';
import { schemaOrgPath } from '../files.js';
import type { EmitOptions } from '../options.js';
import { datasetFacts, isListedLicence } from './metadata.js';
import type { Fingerprint } from '../sink.js';
import type { FileDescription } from './resources.js';

/**
 * schema-org.jsonld: the dataset as a schema.org Dataset with one DataDownload per file, the shape
 * dataset search engines read (embed it in the dataset's landing page as a JSON-LD script).
 */
export function emitSchemaOrg(dataset: DatasetSummary, options: EmitOptions, files: ReadonlyArray<{ description: FileDescription; fingerprint: Fingerprint }>): Map<string, string> {
  const facts = datasetFacts(dataset, options);
  const listed = facts.licences.filter((l) => isListedLicence(l.id));
  const document = {
    '@context': { '@vocab': 'https://schema.org/' },
    '@type': 'Dataset',
    '@id': `${options.baseIri}dataset`,
    name: options.title,
    description: options.description,
    identifier: `${options.baseIri}dataset`,
    version: options.version,
    ...(options.homepage ? { url: options.homepage } : {}),
    ...(options.keywords.length > 0 ? { keywords: [...options.keywords] } : {}),
    // Only a licence the pages grant is stated as one; otherwise the rights statement says what holds.
    ...(listed.length > 0 ? { license: listed.map((l) => `https://spdx.org/licenses/${l.id}`) } : {}),
    copyrightNotice: facts.licences.flatMap((l) => l.rights).join(' / '),
    isAccessibleForFree: true,
    creator: facts.publishers.map((name) => ({ '@type': 'Organization', name })),
    publisher: facts.publishers.map((name) => ({ '@type': 'Organization', name })),
    datePublished: options.created.slice(0, 10),
    dateModified: facts.modified,
    inLanguage: facts.languages,
    ...(facts.temporal ? { temporalCoverage: `${facts.temporal.start}/${facts.temporal.end}` } : {}),
    spatialCoverage: dataset.places.map((place) => ({ '@type': 'Place', name: place.name, ...(place.geonamesId ? { sameAs: `https://sws.geonames.org/${place.geonamesId}/` } : {}) })),
    isBasedOn: dataset.documents.map((d) => (d.url ? d.url : `${options.baseIri}${d.id}`)),
    distribution: files.map(({ description, fingerprint }) => {
      const { bytes, sha256 } = fingerprint;
      return {
        '@type': 'DataDownload',
        name: description.title,
        description: description.description,
        encodingFormat: description.mediatype,
        contentUrl: `${options.downloadUrl}${description.path}`,
        contentSize: `${bytes} B`,
        sha256,
      };
    }),
  };
  return new Map([[schemaOrgPath, `${JSON.stringify(document, null, 2)}\n`]]);
}
