import { iso6393 } from 'iso-639-3';
import type { DatasetSummary } from '../../../model/lib/dataset.js';
import { slug } from '../../../model/lib/ids.js';
import { plainDecimal } from '../decimal.js';
import { typedDate } from '../jsonld/literals.js';
import { catalogPath } from '../files.js';
import type { EmitOptions } from '../options.js';
import { datasetFacts, isListedLicence } from './metadata.js';
import type { Fingerprint } from '../sink.js';
import type { FileDescription } from './resources.js';

const context = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  prov: 'http://www.w3.org/ns/prov#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  spdx: 'http://spdx.org/rdf/terms#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  'dcat:byteSize': { '@type': 'xsd:nonNegativeInteger' },
  'spdx:checksumValue': { '@type': 'xsd:hexBinary' },
  'dcat:version': {},
  dcatap: 'http://data.europa.eu/r5r/',
  geo: 'http://www.opengis.net/ont/geosparql#',
  'dcat:centroid': { '@type': 'geo:wktLiteral' },
};

/** EU Publications Office authority tables, which DCAT-AP asks for languages, countries and file types. */
const authority = 'http://publications.europa.eu/resource/authority/';
const fileTypes: Record<string, string> = { csv: 'CSV', jsonld: 'JSON_LD', json: 'JSON' };

/** The authority IRI of a BCP 47 tag's language (en → …/language/ENG), when ISO 639 knows it. */
function languageIri(tag: string): string | undefined {
  const primary = tag.split('-')[0]!.toLowerCase();
  const entry = iso6393.find((language) => language.iso6391 === primary || language.iso6393 === primary);
  return entry ? `${authority}language/${entry.iso6393.toUpperCase()}` : undefined;
}

/**
 * catalog.jsonld: a DCAT-AP 3 catalogue with the dataset and one distribution per published file
 * (download URL, media type, size, SHA-256), the pages' rights carried as they are printed.
 */
export function emitCatalog(dataset: DatasetSummary, options: EmitOptions, files: ReadonlyArray<{ description: FileDescription; fingerprint: Fingerprint }>): Map<string, string> {
  const facts = datasetFacts(dataset, options);
  const iri = (path: string) => `${options.baseIri}${path}`;
  const publisherIri = (name: string) => iri(`agent/${slug(name)}`);
  const issued = options.created.slice(0, 10);
  // Referenced vocabulary terms carry their DCAT-AP class, so that range checks hold without fetching them.
  const languages = facts.languages.map(languageIri).filter((value): value is string => value !== undefined).map((id) => ({ '@id': id, '@type': 'dct:LinguisticSystem' }));
  const rights = { '@type': 'dct:RightsStatement', 'rdfs:label': facts.licences.flatMap((l) => l.rights).join(' / ') };
  // One licence for all the pages can be the distributions' dct:license; several cannot (at most one).
  const only = facts.licences.length === 1 ? facts.licences[0]! : undefined;
  const license = only
    ? isListedLicence(only.id)
      ? { '@id': `https://spdx.org/licenses/${only.id}`, '@type': 'dct:LicenseDocument' }
      : { '@type': 'dct:LicenseDocument', 'rdfs:label': `${only.id}: ${only.rights.join(' / ')}` }
    : undefined;
  const spatial = dataset.places
    .map((place) => ({
      id: place.kind === 'Country' && place.iso3 ? `${authority}country/${place.iso3}` : place.geonamesId ? `https://sws.geonames.org/${place.geonamesId}/` : undefined,
      place,
    }))
    .filter((entry): entry is { id: string; place: (typeof dataset.places)[number] } => entry.id !== undefined)
    .map(({ id, place }) => ({
      '@id': id,
      '@type': 'dct:Location',
      ...(place.latitude !== undefined && place.longitude !== undefined ? { 'dcat:centroid': `POINT(${plainDecimal(place.longitude)} ${plainDecimal(place.latitude)})` } : {}),
    }));
  const themes = options.themes.map((code) => ({ '@id': `${authority}data-theme/${code}`, '@type': 'skos:Concept' }));

  const distributions = files.map(({ description, fingerprint }) => {
    const { bytes, sha256 } = fingerprint;
    const format = fileTypes[description.format];
    return {
      '@id': iri(`distribution/${description.name}`),
      '@type': 'dcat:Distribution',
      'dct:title': description.title,
      'dct:description': description.description,
      'dcat:accessURL': { '@id': `${options.downloadUrl}${description.path}` },
      'dcat:downloadURL': { '@id': `${options.downloadUrl}${description.path}` },
      'dcat:mediaType': { '@id': `https://www.iana.org/assignments/media-types/${description.mediatype}`, '@type': 'dct:MediaType' },
      ...(format ? { 'dct:format': { '@id': `${authority}file-type/${format}`, '@type': 'dct:MediaTypeOrExtent' } } : {}),
      'dcat:byteSize': String(bytes),
      'spdx:checksum': { '@type': 'spdx:Checksum', 'spdx:algorithm': { '@id': 'spdx:checksumAlgorithm_sha256' }, 'spdx:checksumValue': sha256 },
      ...(license ? { 'dct:license': license } : {}),
      'dct:rights': rights,
      'dct:issued': typedDate(issued),
      // A versioned release is kept as it is: the EU planned-availability "stable".
      'dcatap:availability': { '@id': `${authority}planned-availability/STABLE` },
    };
  });

  const graph = [
    {
      '@id': iri('catalog'),
      '@type': 'dcat:Catalog',
      'dct:title': options.title,
      'dct:description': `Catalogue of ${options.title}.`,
      'dct:publisher': facts.publishers.map((name) => ({ '@id': publisherIri(name) })),
      'dcat:dataset': { '@id': iri('dataset') },
      'dct:issued': typedDate(issued),
      'dct:modified': typedDate(facts.modified),
      ...(languages.length > 0 ? { 'dct:language': languages } : {}),
      ...(options.homepage ? { 'foaf:homepage': { '@id': options.homepage } } : {}),
      ...(spatial.length > 0 ? { 'dct:spatial': spatial.map((place) => ({ '@id': place['@id'] })) } : {}),
      ...(themes.length > 0 ? { 'dcat:themeTaxonomy': { '@id': `${authority}data-theme`, '@type': 'skos:ConceptScheme', 'dct:title': 'Data theme' } } : {}),
    },
    {
      '@id': iri('dataset'),
      '@type': 'dcat:Dataset',
      'dct:identifier': iri('dataset'),
      'dct:title': options.title,
      'dct:description': options.description,
      'dct:publisher': facts.publishers.map((name) => ({ '@id': publisherIri(name) })),
      'dct:issued': typedDate(issued),
      'dct:modified': typedDate(facts.modified),
      'dcat:version': options.version,
      ...(options.keywords.length > 0 ? { 'dcat:keyword': [...options.keywords] } : {}),
      ...(themes.length > 0 ? { 'dcat:theme': themes.map((theme) => ({ '@id': theme['@id'] })) } : {}),
      ...(languages.length > 0 ? { 'dct:language': languages } : {}),
      ...(spatial.length > 0 ? { 'dct:spatial': spatial } : {}),
      ...(facts.temporal
        ? { 'dct:temporal': { '@type': 'dct:PeriodOfTime', 'dcat:startDate': typedDate(facts.temporal.start), 'dcat:endDate': typedDate(facts.temporal.end) } }
        : {}),
      ...(options.homepage ? { 'dcat:landingPage': { '@id': options.homepage } } : {}),
      // The pages the records come from (not catalogued datasets, which dct:source would claim).
      'prov:wasDerivedFrom': dataset.documents.map((d) => ({ '@id': d.url ?? iri(d.id) })),
      'dct:rights': rights,
      'dcat:distribution': distributions.map((d) => ({ '@id': d['@id'] })),
    },
    ...distributions,
    { '@id': `${authority}planned-availability/STABLE`, '@type': 'skos:Concept', 'skos:prefLabel': 'stable' },
    ...themes.map((theme) => ({ ...theme, 'skos:prefLabel': theme['@id'].split('/').pop(), 'skos:inScheme': { '@id': `${authority}data-theme` } })),
    ...facts.publishers.map((name) => ({ '@id': publisherIri(name), '@type': 'foaf:Agent', 'foaf:name': name })),
  ];
  return new Map([[catalogPath, `${JSON.stringify({ '@context': context, '@graph': graph }, null, 2)}\n`]]);
}
