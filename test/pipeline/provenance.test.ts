import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../pipeline/build/index.js';
import type { Dataset } from '../../pipeline/model/index.js';
import { seedPage, sourceFolder } from '../helpers.js';

type Node = Record<string, unknown> & { '@id': string; '@type': string | string[] };

describe('provenance of every fact', () => {
  let dataset: Dataset;
  let graph: Node[];
  const base = 'https://example.org/open-data/france-cyber-security/';
  beforeAll(async () => {
    const result = await build({ source: sourceFolder });
    dataset = result.dataset!;
    graph = (JSON.parse(result.outputs!.get('dataset.jsonld')!) as { '@graph': Node[] })['@graph'];
  });

  it('gives every organisation, person, place, term and event at least one mention', () => {
    const mentioned = new Set(dataset.mentions.map((m) => m.entityId));
    const facts = [...dataset.organizations, ...dataset.people, ...dataset.places, ...dataset.terms, ...dataset.events].map((r) => r.id);
    expect(facts.filter((id) => !mentioned.has(id))).toEqual([]);
  });

  it('states each mention in JSON-LD as a Web Annotation derived from its page, whose selectors find the quote in the source', () => {
    const source = readFileSync(seedPage, 'utf8');
    const passages = new Map(dataset.passages.map((p) => [`${base}${p.id}`, p]));
    const annotations = graph.filter((node) => node['@type'] === 'oa:Annotation');
    expect(annotations).toHaveLength(dataset.mentions.length);
    for (const annotation of annotations) {
      const target = annotation['oa:hasTarget'] as { 'oa:hasSource': string; 'oa:hasSelector': Array<Record<string, unknown>> };
      const quote = target['oa:hasSelector'].find((s) => s['@type'] === 'oa:TextQuoteSelector')!['oa:exact'] as string;
      const position = target['oa:hasSelector'].find((s) => s['@type'] === 'oa:TextPositionSelector')!;
      const passage = passages.get(target['oa:hasSource'])!;
      expect(Array.from(passage.text).slice(position['oa:start'] as number, position['oa:end'] as number).join(''), annotation['@id']).toBe(quote);
      expect(source, annotation['@id']).toContain(quote);
      expect(annotation['prov:wasDerivedFrom']).toBe(`${base}${passage.documentId}`);
    }
  });

  it('dates every event with the quote of its date, and keeps the qualifier in EDTF', () => {
    for (const event of dataset.events) {
      const mention = dataset.mentions.find((m) => m.entityId === event.id)!;
      expect(mention.quote, event.id).toBe(event.dateText);
    }
    const early = graph.find((node) => node['@type'] === 'Event' && (node['dcterms:date'] as { '@value': string })['@value'] === '2011-40~');
    expect(early?.['startDate']).toEqual({ '@value': '2011', '@type': 'xsd:gYear' });
  });
});
