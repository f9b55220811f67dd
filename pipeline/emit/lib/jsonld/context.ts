/**
 * The inline JSON-LD context of dataset.jsonld. Inline so that reading the file never fetches anything;
 * no @base, so every @id in the graph is written absolute and means the same wherever the file is read.
 * Terms are schema.org through @vocab; only the typing of values needs declaring.
 */
export const context = {
  '@vocab': 'https://schema.org/',
  schema: 'https://schema.org/',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  prov: 'http://www.w3.org/ns/prov#',
  oa: 'http://www.w3.org/ns/oa#',
  dcterms: 'http://purl.org/dc/terms/',
  // Node references: their string values are IRIs, not text.
  about: { '@type': '@id' },
  additionalType: { '@type': '@id' },
  affiliation: { '@type': '@id' },
  areaServed: { '@type': '@id' },
  containedInPlace: { '@type': '@id' },
  eventStatus: { '@type': '@id' },
  hasPart: { '@type': '@id' },
  inDefinedTermSet: { '@type': '@id' },
  isPartOf: { '@type': '@id' },
  location: { '@type': '@id' },
  mentions: { '@type': '@id' },
  parentOrganization: { '@type': '@id' },
  sameAs: { '@type': '@id' },
  url: { '@type': '@id' },
  'oa:hasBody': { '@type': '@id' },
  'oa:hasSource': { '@type': '@id' },
  'prov:wasDerivedFrom': { '@type': '@id' },
  // Coordinates are written as decimal strings: a JSON number would become an xsd:double (4.885E1).
  latitude: { '@type': 'xsd:decimal' },
  longitude: { '@type': 'xsd:decimal' },
  // Web Annotation gives text positions the range xsd:nonNegativeInteger.
  'oa:start': { '@type': 'xsd:nonNegativeInteger' },
  'oa:end': { '@type': 'xsd:nonNegativeInteger' },
} as const;
