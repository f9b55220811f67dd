import { readFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import jsonld from 'jsonld';
import type { Heading, ListItem, Root, Table } from 'mdast';
import oxigraph from 'oxigraph';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../pipeline/build/index.js';
import { columnsOf, restoreFormula, splitValues } from '../../pipeline/emit/index.js';
import { tables, type Dataset } from '../../pipeline/model/index.js';
import { seedPage, sourceFolder } from '../helpers.js';

interface Gold {
  organizations: Array<{ name: string; acronym?: string; category?: string; countryCode?: string; alternateNames?: string[] }>;
  people: Array<{ name: string; roles: string[]; affiliations: string[] }>;
  places: Array<{ name: string; kind: string; countryCode: string }>;
  terms: Array<{ acronym: string; expansion: string }>;
  events: Array<{ date: string; qualifier?: string; status?: string; location?: string; participants: string[] }>;
}
const gold = JSON.parse(readFileSync(new URL('../fixtures/seed/gold.json', import.meta.url), 'utf8')) as Gold;

let dataset: Dataset;
let outputs: Map<string, string>;
beforeAll(async () => {
  const result = await build({ source: sourceFolder });
  expect(result.ok).toBe(true);
  dataset = result.dataset!;
  outputs = result.outputs!;
});

const valueAt = (record: object, path: readonly string[]): unknown =>
  path.reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], record);

const nameOf = (id: string) =>
  [...dataset.organizations, ...dataset.people, ...dataset.places].find((record) => record.id === id)?.name ?? id;

describe('the seed page, end to end', () => {
  it('yields exactly the organisations a reader finds, typed and named', () => {
    expect(dataset.organizations.map((o) => o.name).sort()).toEqual(gold.organizations.map((o) => o.name).sort());
    for (const expected of gold.organizations) {
      const found = dataset.organizations.find((o) => o.name === expected.name)!;
      if (expected.acronym) expect(found.acronym, expected.name).toBe(expected.acronym);
      if (expected.category) expect(found.category, expected.name).toBe(expected.category);
      if (expected.countryCode) expect(found.countryCode, expected.name).toBe(expected.countryCode);
      for (const alternate of expected.alternateNames ?? []) expect(found.alternateNames).toContain(alternate);
    }
  });

  it('yields the people with their posts and organisations', () => {
    expect(dataset.people.map((p) => ({ name: p.name, roles: p.roles, affiliations: p.affiliationIds.map(nameOf) }))).toEqual(gold.people);
  });

  it('yields the countries and cities, matched to the gazetteers', () => {
    expect(dataset.places.map((p) => ({ name: p.name, kind: p.kind, countryCode: p.countryCode }))).toEqual(
      expect.arrayContaining(gold.places),
    );
    expect(dataset.places).toHaveLength(gold.places.length);
    for (const city of dataset.places.filter((p) => p.kind === 'City')) expect(city.geonamesId).toBeGreaterThan(0);
  });

  it('yields the acronyms the page defines', () => {
    expect(dataset.terms.map((t) => ({ acronym: t.acronym, expansion: t.expansion }))).toEqual(gold.terms);
  });

  it('yields every dated event, at the precision written, with its place and participants', () => {
    expect(dataset.events).toHaveLength(gold.events.length);
    gold.events.forEach((expected, index) => {
      const event = dataset.events[index]!;
      const label = `${expected.date}: ${event.name}`;
      expect(event.date, label).toBe(expected.date);
      expect(event.dateQualifier, label).toBe(expected.qualifier);
      expect(event.status, label).toBe(expected.status ?? 'past');
      expect(event.locationId ? nameOf(event.locationId) : undefined, label).toBe(expected.location);
      expect(event.participantIds.map(nameOf), label).toEqual(expect.arrayContaining(expected.participants));
    });
  });

  it('places every mention exactly: its quote is the passage text at its code-point offsets, and the source at its position', () => {
    const source = readFileSync(seedPage, 'utf8');
    const passages = new Map(dataset.passages.map((p) => [p.id, p]));
    expect(dataset.mentions.length).toBeGreaterThan(50);
    for (const mention of dataset.mentions) {
      const text = Array.from(passages.get(mention.passageId)!.text);
      expect(text.slice(mention.start, mention.end).join(''), mention.id).toBe(mention.quote);
      expect(source.slice(mention.position.start.offset, mention.position.end.offset), mention.id).toBe(mention.quote);
    }
  });

  it('places every sentence in the source file', () => {
    const source = readFileSync(seedPage, 'utf8');
    for (const sentence of dataset.sentences) {
      expect(source.slice(sentence.position.start.offset, sentence.position.end.offset), sentence.id).toBe(sentence.text);
    }
  });
});

describe('the JSON-LD, read by independent consumers', () => {
  let store: oxigraph.Store;
  beforeAll(async () => {
    const loads: string[] = [];
    const documentLoader = async (url: string) => {
      loads.push(url);
      throw new Error(`no remote document may be loaded: ${url}`);
    };
    const document = JSON.parse(outputs.get('dataset.jsonld')!) as object;
    const nquads = (await jsonld.toRDF(document, { format: 'application/n-quads', safe: true, documentLoader } as jsonld.Options.ToRdf)) as unknown as string;
    expect(loads).toEqual([]);
    store = new oxigraph.Store();
    store.load(nquads, { format: 'application/n-quads' });
  });

  it('finds with SPARQL the agency set up in July 2009', () => {
    const rows = store.query(`
      PREFIX schema: <https://schema.org/>
      PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
      SELECT ?name ?acronym WHERE {
        ?event a schema:Event ; schema:startDate "2009-07"^^xsd:gYearMonth ; schema:about ?agency .
        ?agency a schema:GovernmentOrganization ; schema:name ?name ; schema:alternateName ?acronym .
      }`) as Array<Map<string, oxigraph.Term>>;
    expect(rows.map((row) => [row.get('name')?.value, row.get('acronym')?.value])).toEqual([
      ['French Network and Information Security Agency', 'ANSSI'],
    ]);
  });

  it('finds the events held in a city, with the city and its country', () => {
    const rows = store.query(`
      PREFIX schema: <https://schema.org/>
      SELECT ?date ?city ?country WHERE {
        ?event a schema:Event ; schema:startDate ?date ; schema:location ?place .
        ?place a schema:City ; schema:name ?city ; schema:containedInPlace ?c .
        ?c schema:name ?country .
      } ORDER BY ?date`) as Array<Map<string, oxigraph.Term>>;
    expect(rows.map((row) => `${row.get('date')?.value} ${row.get('city')?.value} (${row.get('country')?.value})`)).toEqual([
      '2011 Deauville (France)',
      '2011-11 London (United Kingdom)',
    ]);
  });

  it('links the page to everything it mentions', () => {
    const [row] = store.query(`
      PREFIX schema: <https://schema.org/>
      SELECT (COUNT(DISTINCT ?thing) AS ?n) WHERE { ?page a schema:WebPage ; schema:mentions ?thing }`) as Array<Map<string, oxigraph.Term>>;
    const mentioned = new Set(dataset.mentions.map((m) => m.entityId));
    expect(Number(row!.get('n')!.value)).toBe(mentioned.size);
  });
});

describe('the CSV tables, read back with csv-parse', () => {
  it('give back every record of every table, column by column', () => {
    for (const { name } of tables) {
      const csv = outputs.get(`csv/${name}.csv`)!;
      const rows = parseCsv(csv, { columns: true, bom: false }) as Array<Record<string, string>>;
      const records = dataset[name] as unknown as object[];
      expect(rows, name).toHaveLength(records.length);
      const columns = columnsOf(name);
      expect(Object.keys(rows[0] ?? {})).toEqual(records.length ? columns.map((c) => c.name) : []);
      rows.forEach((row, index) => {
        for (const column of columns) {
          const value = valueAt(records[index]!, column.path);
          const cell = row[column.name]!;
          if (value === undefined) expect(cell, `${name}.${column.name}`).toBe('');
          else if (column.multiValued) expect(splitValues(restoreFormula(cell), '|'), `${name}.${column.name}`).toEqual(value);
          else if (column.type === 'string') expect(restoreFormula(cell), `${name}.${column.name}`).toBe(value);
          else expect(Number(cell), `${name}.${column.name}`).toBe(value);
        }
      });
    }
  });
});

describe('the Markdown, read back with remark', () => {
  const parse = (text: string) => unified().use(remarkParse).use(remarkGfm).parse(text) as Root;

  it('has a dataset card with the source, rights, counts and data dictionary', () => {
    const tree = parse(outputs.get('README.md')!);
    const headings: string[] = [];
    visit(tree, 'heading', (node: Heading) => {
      headings.push(node.children.map((c) => ('value' in c ? c.value : '')).join(''));
    });
    expect(headings[0]).toBe('France and cyber security (2013)');
    const card = outputs.get('README.md')!;
    expect(card).toContain('All rights reserved - French Ministry of Foreign Affairs and International Development - 2015');
    expect(card).toContain('LicenseRef-All-Rights-Reserved');
    let tableCount = 0;
    visit(tree, 'table', (_node: Table) => {
      tableCount++;
    });
    expect(tableCount).toBeGreaterThanOrEqual(tables.length);
  });

  it('has a timeline with one entry per event, in date order', () => {
    const tree = parse(outputs.get('timeline.md')!);
    const list = tree.children.find((node) => node.type === 'list');
    const items = (list?.children ?? []) as ListItem[];
    expect(items).toHaveLength(dataset.events.length);
    const text = outputs.get('timeline.md')!;
    expect(text.indexOf('2008')).toBeLessThan(text.indexOf('2009'));
    expect(text.indexOf('2009')).toBeLessThan(text.indexOf('2013-10') >= 0 ? text.indexOf('2013-10') : text.indexOf('October 2013'));
  });
});
