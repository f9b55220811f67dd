import jsonld from 'jsonld';
import oxigraph from 'oxigraph';
import { describe, expect, it, vi } from 'vitest';
import { emitJsonLd, jsonLdPath } from '../../pipeline/emit/index.js';
import { fixture, options } from './fixture.js';

const XSD = 'http://www.w3.org/2001/XMLSchema#';

/** A document loader that refuses every URL: the inline context must be enough. */
function refusingLoader() {
  return vi.fn(async (url: string): Promise<never> => {
    throw new Error(`refused to load ${url}`);
  });
}

interface Graph {
  '@context': Record<string, unknown>;
  '@graph': Array<Record<string, unknown>>;
}

function emitted(baseIri = options.baseIri): Graph {
  const text = emitJsonLd(fixture(), { baseIri }).get(jsonLdPath);
  if (text === undefined) throw new Error('no dataset.jsonld');
  return JSON.parse(text) as Graph;
}

async function toNQuads(document: Graph, loader = refusingLoader()): Promise<string> {
  // `safe: true` (missing from @types/jsonld) makes jsonld throw instead of dropping a term, a relative IRI or a malformed value.
  const toRdfOptions: jsonld.Options.ToRdf & { safe: boolean } = { format: 'application/n-quads', safe: true, documentLoader: loader };
  const nquads: unknown = await jsonld.toRDF(document as jsonld.JsonLdDocument, toRdfOptions);
  if (typeof nquads !== 'string') throw new Error('toRDF did not return N-Quads');
  return nquads;
}

async function store(document: Graph): Promise<oxigraph.Store> {
  const result = new oxigraph.Store();
  result.load(await toNQuads(document), { format: 'application/n-quads' });
  return result;
}

function select(db: oxigraph.Store, query: string): Array<Record<string, string>> {
  const rows = db.query(`PREFIX schema: <https://schema.org/>\nPREFIX xsd: <${XSD}>\nPREFIX oa: <http://www.w3.org/ns/oa#>\nPREFIX prov: <http://www.w3.org/ns/prov#>\n${query}`);
  if (!Array.isArray(rows)) throw new Error('not a SELECT');
  return (rows as Array<Map<string, oxigraph.Term>>).map((row) => Object.fromEntries([...row].map(([name, term]) => [name, term.value])));
}

describe('dataset.jsonld', () => {
  it('is one document with an inline context and a graph in publication order: the dataset-wide nodes, then each page with its own, each group sorted by @id', () => {
    const document = emitted();
    expect(Object.keys(document)).toEqual(['@context', '@graph']);
    expect(document['@context']['@vocab']).toBe('https://schema.org/');
    expect(document['@context']['@base']).toBeUndefined();
    const ids = document['@graph'].map((node) => String(node['@id']));
    const dataset = fixture();
    const iri = (id: string) => options.baseIri + id;
    const sorted = (list: string[]) => [...list].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const pageGroups = dataset.documents.map((page) =>
      sorted([page.id, ...[...dataset.sections, ...dataset.events, ...dataset.mentions].filter((r) => r.documentId === page.id).map((r) => r.id)].map(iri)),
    );
    const pageIds = new Set(pageGroups.flat());
    const wide = ids.filter((id) => !pageIds.has(id));
    expect(wide.length).toBeGreaterThan(0);
    expect(ids).toEqual([...sorted(wide), ...pageGroups.flat()]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is written one node per line after the context and the graph\'s opening, so that it can be read a node at a time', () => {
    const lines = emitJsonLd(fixture(), options).get(jsonLdPath)!.split('\n');
    expect(lines[0]).toMatch(/^\{"@context":\{.*\},$/);
    expect(lines[1]).toBe('"@graph":[');
    expect(lines.slice(-2)).toEqual([']}', '']);
    const nodes = lines.slice(2, -2);
    expect(nodes.length).toBe(emitted()['@graph'].length);
    nodes.forEach((line, i) => expect(JSON.parse(i < nodes.length - 1 ? line.replace(/,$/, '') : line)).toHaveProperty('@id'));
  });

  it('converts to RDF without ever calling the document loader', async () => {
    const loader = refusingLoader();
    const nquads = await toNQuads(emitted(), loader);
    expect(nquads.length).toBeGreaterThan(0);
    expect(loader).not.toHaveBeenCalled();
  });

  it('answers SPARQL: the organisation that is about the event of 2009-07', async () => {
    const db = await store(emitted());
    const rows = select(
      db,
      `SELECT ?org ?name WHERE {
        ?event a schema:Event ; schema:startDate "2009-07"^^xsd:gYearMonth ; schema:about ?org .
        ?org a schema:GovernmentOrganization ; schema:name ?name .
      }`,
    );
    expect(rows).toEqual([{ org: `${options.baseIri}org/anssi`, name: 'French Network and Information Security Agency' }]);
  });

  it('gives every node of the graph an absolute @id under the base IRI', async () => {
    const document = emitted();
    for (const node of document['@graph']) expect(String(node['@id'])).toMatch(/^https:\/\/data\.example\.org\/cyber\/[a-z0-9]/);
    // And in RDF: every named subject is under the base IRI (the others are blank nodes).
    const db = await store(document);
    const subjects = select(db, 'SELECT DISTINCT ?s WHERE { ?s ?p ?o FILTER(isIRI(?s)) }').map((row) => row['s'] ?? '');
    expect(subjects.length).toBe(document['@graph'].length);
    for (const subject of subjects) expect(subject.startsWith(options.baseIri)).toBe(true);
  });

  it('types dates at their own precision, never as timestamps', async () => {
    const db = await store(emitted());
    const rows = select(
      db,
      'SELECT ?p ?date (DATATYPE(?date) AS ?type) WHERE { ?s ?p ?date FILTER(?p IN (schema:dateModified, schema:startDate, schema:endDate)) } ORDER BY ?date',
    );
    expect(rows.map((row) => [row['date'], row['type']])).toEqual([
      ['2009-07', `${XSD}gYearMonth`],
      ['2012-08', `${XSD}gYearMonth`],
      ['2013', `${XSD}gYear`],
      ['2013-01-15', `${XSD}date`],
      ['2013-06', `${XSD}gYearMonth`],
    ]);
  });

  it('links a mention to its entity, its passage span and its document', async () => {
    const db = await store(emitted());
    const rows = select(
      db,
      `SELECT ?source ?exact ?start ?end ?document WHERE {
        ?mention a oa:Annotation ; oa:hasBody <${options.baseIri}person/ana-exemplo> ; prov:wasDerivedFrom ?document ;
          oa:hasTarget [ a oa:SpecificResource ; oa:hasSource ?source ;
            oa:hasSelector [ a oa:TextQuoteSelector ; oa:exact ?exact ] , [ a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end ] ] .
      }`,
    );
    expect(rows).toEqual([{ source: `${options.baseIri}cyber-security/p/2`, exact: 'Ana Exemplo', start: '64', end: '75', document: `${options.baseIri}cyber-security` }]);
  });

  it('links places, terms, organisations and the page as the brief says', async () => {
    const db = await store(emitted());
    const base = options.baseIri;
    const ask = (pattern: string) => db.query(`PREFIX schema: <https://schema.org/>\nASK { ${pattern} }`);
    expect(ask(`<${base}place/geonames-2988507> a schema:City ; schema:containedInPlace <${base}place/fr> ; schema:sameAs <https://sws.geonames.org/2988507/> .`)).toBe(true);
    expect(ask(`<${base}org/anssi> schema:areaServed <${base}place/fr> ; schema:alternateName "ANSSI" .`)).toBe(true);
    expect(ask(`<${base}org/united-nations> a schema:Organization ; schema:additionalType <http://www.wikidata.org/entity/Q484652> .`)).toBe(true);
    expect(ask(`<${base}term/anssi> a schema:DefinedTerm ; schema:termCode "ANSSI" ; schema:inDefinedTermSet <${base}terms> ; schema:sameAs <${base}org/anssi> . <${base}terms> a schema:DefinedTermSet .`)).toBe(true);
    expect(ask(`<${base}event/cyber-security/3> schema:eventStatus schema:EventScheduled .`)).toBe(true);
    expect(ask(`<${base}event/cyber-security/1> schema:eventStatus ?status .`)).toBe(false);
    expect(ask(`<${base}cyber-security> a schema:WebPage ; schema:license "LicenseRef-All-Rights-Reserved" ; schema:mentions <${base}person/ana-exemplo>, <${base}term/anssi> ; schema:hasPart <${base}cyber-security/s/france-and-cyber-security> .`)).toBe(true);
    expect(ask(`<${base}cyber-security/s/france-and-cyber-security> schema:isPartOf <${base}cyber-security/s/cyber-security> ; schema:position 2 .`)).toBe(true);
    // Passages and sentences are CSV only: referenced, never described.
    expect(ask(`<${base}cyber-security/p/1> ?p ?o .`)).toBe(false);
  });

  it('writes an SPDX list licence as its IRI, and leaves out what the dataset lacks', async () => {
    const dataset = fixture();
    const [document] = dataset.documents;
    if (!document) throw new Error('fixture has a document');
    document.license = 'CC-BY-4.0';
    dataset.places = dataset.places.filter((place) => place.kind === 'City');
    const graph = JSON.parse(emitJsonLd(dataset, options).get(jsonLdPath) ?? '') as Graph;
    const byId = new Map(graph['@graph'].map((node) => [node['@id'], node]));
    expect(byId.get(`${options.baseIri}cyber-security`)?.['license']).toEqual({ '@id': 'https://spdx.org/licenses/CC-BY-4.0' });
    // No France in the places: neither the agency nor Paris may point at a node that is not there.
    expect(byId.get(`${options.baseIri}org/anssi`)).not.toHaveProperty('areaServed');
    expect(byId.get(`${options.baseIri}place/geonames-2988507`)).not.toHaveProperty('containedInPlace');
    // Never an empty list: the planned event has no participants.
    expect(byId.get(`${options.baseIri}event/cyber-security/3`)).not.toHaveProperty('about');
  });

  it('mints every IRI from the base IRI', async () => {
    const other = 'urn:example:other#';
    const a = await toNQuads(emitted());
    const b = await toNQuads(emitted(other));
    expect(b).not.toContain(options.baseIri);
    expect(b.split('\n').length).toBe(a.split('\n').length);
    expect(b).toBe(a.replaceAll(options.baseIri, other));
  });

  it('rejects a base IRI that would mint relative or ambiguous IRIs', () => {
    expect(() => emitJsonLd(fixture(), { baseIri: 'data/' })).toThrow(/base IRI/);
    expect(() => emitJsonLd(fixture(), { baseIri: 'https://data.example.org/cyber' })).toThrow(/base IRI/);
  });
});
