import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { columnsOf, csvPath, emitCsv, plainDecimal, restoreFormula, splitValues, type Column } from '../../pipeline/emit/index.js';
import { schemaDirectory, tables, type Dataset, type TableName } from '../../pipeline/model/index.js';
import { fixture, options } from './fixture.js';

type Row = Record<string, string>;

function csvOf(dataset: Dataset, table: TableName, separator: '|' | ';' = '|'): string {
  const text = emitCsv(dataset, { multiValueSeparator: separator }).get(csvPath(table));
  if (text === undefined) throw new Error(`no CSV for ${table}`);
  return text;
}

function rowsOf(text: string): Row[] {
  return parse(text, { columns: true, bom: false }) as Row[];
}

/** Reads a cell back into the record's value: the consumer's side of the documented conventions. */
function readCell(cell: string, column: Column, separator: '|' | ';'): unknown {
  if (cell === '') return column.multiValued && column.required ? [] : undefined;
  if (column.type === 'integer' || column.type === 'number') return Number(cell);
  const text = restoreFormula(cell);
  return column.multiValued ? splitValues(text, separator) : text;
}

/** Rebuilds a record from a row, nesting flattened columns back along their path. */
function readRow(row: Row, columns: readonly Column[], separator: '|' | ';'): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const column of columns) {
    const value = readCell(row[column.name] ?? '', column, separator);
    if (value === undefined) continue;
    let target = record;
    for (const key of column.path.slice(0, -1)) target = (target[key] ??= {}) as Record<string, unknown>;
    target[column.path.at(-1) ?? column.name] = value;
  }
  return record;
}

function roundTrip(dataset: Dataset, separator: '|' | ';'): void {
  for (const { name } of tables) {
    const rows = rowsOf(csvOf(dataset, name, separator));
    const records = rows.map((row) => readRow(row, columnsOf(name), separator));
    expect(records, name).toEqual(JSON.parse(JSON.stringify(dataset[name])));
  }
}

describe('CSV files', () => {
  it('writes one file per table, UTF-8 text without BOM, CRLF records, ending with a newline', () => {
    const files = emitCsv(fixture(), options);
    expect([...files.keys()]).toEqual(tables.map(({ name }) => `csv/${name}.csv`));
    for (const text of files.values()) {
      expect(text.charCodeAt(0)).not.toBe(0xfeff);
      expect(text.endsWith('\r\n')).toBe(true);
      // No bare LF between records: the fixture has no line breaks inside values.
      expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    }
  });

  it('orders the header as the schema orders its properties, position flattened in place', () => {
    for (const { name, schema } of tables) {
      const properties = Object.keys((JSON.parse(readFileSync(new URL(schema, schemaDirectory), 'utf8')) as { properties: object }).properties);
      const expected = properties.flatMap((property) =>
        property === 'position' ? ['startLine', 'startColumn', 'startOffset', 'endLine', 'endColumn', 'endOffset'] : [property],
      );
      const header = csvOf(fixture(), name).split('\r\n')[0];
      expect(header, name).toBe(expected.join(','));
    }
  });

  it('reads back into the same records with either separator', () => {
    roundTrip(fixture(), '|');
    roundTrip(fixture(), ';');
  });

  it('round-trips values that contain the separator, the escape character or line breaks', () => {
    const dataset = fixture();
    const [organization] = dataset.organizations;
    const [person] = dataset.people;
    const [passage] = dataset.passages;
    if (!organization || !person || !passage) throw new Error('fixture has records');
    organization.alternateNames = ['A|B', 'C;D', 'back\\slash', 'trailing\\', '|', 'x'];
    person.roles = ['Head of A | B', '=SUM(1)', '-minus first'];
    passage.text = 'one\nline\r\nbreak "quoted", comma';
    const [section, subsection] = dataset.sections;
    if (!section || !subsection) throw new Error('fixture has sections');
    section.title = 'bare\nline feed';
    subsection.title = 'bare\rcarriage return';
    roundTrip(dataset, '|');
    roundTrip(dataset, ';');
    // Quoted, or readers that split records at any line break would break the row in two.
    expect(csvOf(dataset, 'sections')).toContain(',"bare\nline feed",');
    expect(csvOf(dataset, 'sections')).toContain(',"bare\rcarriage return",');
    const cell = rowsOf(csvOf(dataset, 'organizations'))[0]?.['alternateNames'];
    expect(cell).toBe('A\\|B|C;D|back\\\\slash|trailing\\\\|\\||x');
  });

  it('neutralises text cells that a spreadsheet would run as formulas', () => {
    const dataset = fixture();
    const names = ['=HYPERLINK("x")', '+1', '-1', '@x', '\tx', '\rx', "'quoted", 'plain = text'];
    dataset.people = names.map((name, index) => ({ id: `person/p${index}`, name, roles: [], affiliationIds: [] }));
    const cells = rowsOf(csvOf(dataset, 'people')).map((row) => row['name']);
    expect(cells).toEqual(['\'=HYPERLINK("x")', "'+1", "'-1", "'@x", "'\tx", "'\rx", "''quoted", 'plain = text']);
    expect(cells.map((cell) => restoreFormula(cell ?? ''))).toEqual(names);
    // A multi-valued cell is one cell to a spreadsheet: it is neutralised as a whole.
    dataset.people = [{ id: 'person/p', name: 'P', roles: ['-a', 'b'], affiliationIds: [] }];
    expect(rowsOf(csvOf(dataset, 'people'))[0]?.['roles']).toBe("'-a|b");
  });

  it('never neutralises number columns, and writes numbers without exponents', () => {
    const dataset = fixture();
    dataset.places = [
      { id: 'place/geonames-1', name: '-Negative', kind: 'City', countryCode: 'BR', geonamesId: 1, latitude: -22.90278, longitude: -0.0000001 },
      { id: 'place/geonames-2', name: 'Big', kind: 'City', countryCode: 'US', geonamesId: 1e21, latitude: 1e-7, longitude: 179.5 },
    ];
    const rows = rowsOf(csvOf(dataset, 'places'));
    expect(rows.map((row) => [row['name'], row['geonamesId'], row['latitude'], row['longitude']])).toEqual([
      ["'-Negative", '1', '-22.90278', '-0.0000001'],
      ['Big', '1000000000000000000000', '0.0000001', '179.5'],
    ]);
    roundTrip(dataset, '|');
  });

  it('formats numbers in plain decimal notation, whatever their magnitude', () => {
    const cases: Array<[number, string]> = [
      [0, '0'],
      [-0, '0'],
      [46, '46'],
      [-22.90278, '-22.90278'],
      [1.5e-10, '0.00000000015'],
      [-1.234e-7, '-0.0000001234'],
      [2.5e22, '25000000000000000000000'],
      [1.2345e21, '1234500000000000000000'],
    ];
    for (const [value, text] of cases) {
      expect(plainDecimal(value)).toBe(text);
      expect(Number(text)).toBe(value === 0 ? 0 : value);
    }
    expect(() => plainDecimal(Number.NaN)).toThrow();
  });

  it('leaves absent optional values as empty cells', () => {
    const row = rowsOf(csvOf(fixture(), 'sections'))[0];
    expect(row?.['parentId']).toBe('');
    const places = rowsOf(csvOf(fixture(), 'places'));
    expect(places.map((place) => [place['iso3'], place['geonamesId']])).toEqual([
      ['FRA', ''],
      ['', '2988507'],
    ]);
  });

  it('describes every column from the schema', () => {
    for (const { name } of tables) {
      for (const column of columnsOf(name)) {
        expect(column.description.length, `${name}.${column.name}`).toBeGreaterThan(0);
        expect(['string', 'integer', 'number', 'boolean']).toContain(column.type);
      }
    }
    const start = columnsOf('mentions').find((column) => column.name === 'start');
    expect(start).toMatchObject({ type: 'integer', required: true, multiValued: false, description: 'Code-point offset in the passage text where the quote starts.' });
    expect(columnsOf('people').find((column) => column.name === 'roles')).toMatchObject({ type: 'string', multiValued: true });
    expect(columnsOf('sections').find((column) => column.name === 'parentId')).toMatchObject({ required: false });
    expect(columnsOf('sections').find((column) => column.name === 'endOffset')).toMatchObject({ type: 'integer', required: true, path: ['position', 'end', 'offset'] });
  });
});
