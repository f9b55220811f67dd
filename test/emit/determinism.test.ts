import { describe, expect, it, vi } from 'vitest';
import { emitDataset } from '../../pipeline/emit/index.js';
import { tables, type Dataset } from '../../pipeline/model/index.js';
import { fixture, options } from './fixture.js';

describe('emitDataset', () => {
  it('returns every file: the data, then the metadata that describes it, then the checksums', async () => {
    const files = await emitDataset(fixture(), options);
    expect([...files.keys()]).toEqual(['dataset.jsonld', ...tables.map(({ name }) => `csv/${name}.csv`), 'README.md', 'timeline.md', 'quality.json', 'quality.md', 'csv-metadata.json', 'catalog.jsonld', 'schema-org.jsonld', 'datapackage.json', 'SHA256SUMS']);
    for (const [path, text] of files) {
      expect(text.endsWith('\n'), path).toBe(true);
      expect(/\p{Cs}/u.test(text), `${path} has a lone surrogate`).toBe(false);
    }
  });

  it('gives the same bytes every time', async () => {
    const first = await emitDataset(fixture(), options);
    const second = await emitDataset(fixture(), options);
    expect([...second]).toEqual([...first]);
  });

  it('does not depend on the clock or the time zone', async () => {
    const reference = await emitDataset(fixture(), options);
    const zone = process.env['TZ'];
    vi.useFakeTimers({ now: new Date('2031-02-03T04:05:06Z') });
    process.env['TZ'] = 'Pacific/Kiritimati';
    try {
      const later = await emitDataset(fixture(), options);
      expect([...later]).toEqual([...reference]);
    } finally {
      vi.useRealTimers();
      if (zone === undefined) delete process.env['TZ'];
      else process.env['TZ'] = zone;
    }
  });

  it('never writes the current date', async () => {
    const now = new Date();
    const stamps = [now.toISOString().slice(0, 10), now.toISOString().slice(0, 7).replace('-', '/'), `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`];
    for (const [path, text] of await emitDataset(fixture(), options)) for (const stamp of stamps) expect(text, path).not.toContain(stamp);
  });

  it('emits an empty dataset: headers only, an empty graph, no timeline entries', async () => {
    const empty = Object.fromEntries(tables.map(({ name }) => [name, []])) as unknown as Dataset;
    const files = await emitDataset(empty, options);
    expect((JSON.parse(files.get('dataset.jsonld') ?? '') as { '@graph': unknown[] })['@graph']).toEqual([]);
    expect(files.get('csv/people.csv')).toBe('id,name,roles,affiliationIds,sameAs\r\n');
    expect(files.get('timeline.md')).toBe('# Timeline\n\nThe pages report no dated events.\n');
  });

  it('leaves its input untouched', async () => {
    const dataset = fixture();
    await emitDataset(dataset, options);
    expect(dataset).toEqual(fixture());
  });
});
