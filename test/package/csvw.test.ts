import { parse as parseCsv } from 'csv-parse/sync';
import jsonld from 'jsonld';
import oxigraph from 'oxigraph';
import { parseTemplate } from 'url-template';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../pipeline/build/index.js';
import { sourceFolder } from '../helpers.js';

interface CsvwColumn {
  name: string;
  datatype: string;
  propertyUrl?: string;
  valueUrl?: string;
  separator?: string;
  suppressOutput?: boolean;
  virtual?: boolean;
}
interface CsvwTable {
  url: string;
  tableSchema: { columns: CsvwColumn[]; aboutUrl?: string };
}

const xsd = 'http://www.w3.org/2001/XMLSchema#';
const rdfType = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

/**
 * CSV to RDF by the CSVW templates (minimal mode), for the columns the metadata maps: the subject from
 * aboutUrl, the property from propertyUrl, a node from valueUrl or else a literal of the datatype.
 */
function csvwTriples(table: CsvwTable, csv: string): Array<{ s: string; p: string; o: oxigraph.Term }> {
  const rows = parseCsv(csv, { columns: true }) as Array<Record<string, string>>;
  const triples: Array<{ s: string; p: string; o: oxigraph.Term }> = [];
  const expand = (template: string, row: Record<string, string>) => parseTemplate(template).expand(row);
  for (const row of rows) {
    const subject = expand(table.tableSchema.aboutUrl!, row);
    for (const column of table.tableSchema.columns) {
      if (column.suppressOutput || !column.propertyUrl) continue;
      const property = column.propertyUrl === 'rdf:type' ? rdfType : column.propertyUrl;
      if (column.virtual) {
        triples.push({ s: subject, p: property, o: oxigraph.namedNode(column.valueUrl!) });
        continue;
      }
      const cell = row[column.name] ?? '';
      if (cell === '') continue;
      for (const value of column.separator ? cell.split(column.separator) : [cell]) {
        const object = column.valueUrl
          ? oxigraph.namedNode(expand(column.valueUrl, { ...row, [column.name]: value }))
          : column.datatype === 'integer'
            ? oxigraph.literal(value, oxigraph.namedNode(`${xsd}integer`))
            : oxigraph.literal(value);
        triples.push({ s: subject, p: property, o: object });
      }
    }
  }
  return triples;
}

describe('csv-metadata.json (CSV on the Web)', () => {
  let outputs: Map<string, string>;
  let metadata: { tables: CsvwTable[] };
  let store: oxigraph.Store;
  beforeAll(async () => {
    outputs = (await build({ source: sourceFolder }))!.outputs!;
    metadata = JSON.parse(outputs.get('csv-metadata.json')!);
    const documentLoader = async (url: string) => {
      throw new Error(`no remote document may be loaded: ${url}`);
    };
    const nquads = (await jsonld.toRDF(JSON.parse(outputs.get('dataset.jsonld')!), { format: 'application/n-quads', safe: true, documentLoader } as jsonld.Options.ToRdf)) as unknown as string;
    store = new oxigraph.Store();
    store.load(nquads, { format: 'application/n-quads' });
  });

  it('describes every CSV file, with its columns in order', () => {
    const csvFiles = [...outputs.keys()].filter((path) => path.endsWith('.csv')).sort();
    expect(metadata.tables.map((t) => t.url).sort()).toEqual(csvFiles);
    for (const table of metadata.tables) {
      const header = outputs.get(table.url)!.split('\r\n')[0]!.split(',');
      expect(table.tableSchema.columns.filter((c) => !c.virtual).map((c) => c.name)).toEqual(header);
    }
  });

  it.each(['documents', 'sections', 'organizations', 'people', 'places', 'events', 'terms', 'participants', 'affiliations', 'mentions'])(
    'turns the rows of %s into triples the JSON-LD graph states too',
    (name) => {
      const table = metadata.tables.find((t) => t.url === `csv/${name}.csv`)!;
      const triples = csvwTriples(table, outputs.get(table.url)!);
      expect(triples.length).toBeGreaterThan(0);
      const missing = triples.filter(({ s, p, o }) => store.match(oxigraph.namedNode(s), oxigraph.namedNode(p), o, null).length === 0);
      expect(missing.map(({ s, p, o }) => `<${s}> <${p}> ${o.toString()}`)).toEqual([]);
    },
  );

  it('gives a row the same IRI as its node in the JSON-LD', () => {
    const events = metadata.tables.find((t) => t.url === 'csv/events.csv')!;
    const subjects = new Set(csvwTriples(events, outputs.get(events.url)!).map((t) => t.s));
    const graphIds = new Set((JSON.parse(outputs.get('dataset.jsonld')!)['@graph'] as Array<{ '@id': string; '@type': string }>).filter((n) => n['@type'] === 'Event').map((n) => n['@id']));
    expect(subjects).toEqual(graphIds);
  });
});
