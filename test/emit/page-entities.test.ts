/**
 * Where each page's events go in csv/entities.csv (PageEntitiesWritten): the build leaves the runs of
 * pages checked before out of the check, so each run must be exactly its page's event rows, and the
 * file the same bytes as without the callback.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../pipeline/bench/index.js';
import { build } from '../../pipeline/build/index.js';
import { emitDataset, MemorySink, writeDataset, type PageEntitiesWritten } from '../../pipeline/emit/index.js';
import type { Dataset } from '../../pipeline/model/index.js';
import { options } from './fixture.js';

const scratch = mkdtempSync(join(tmpdir(), 'odp-page-entities-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let dataset: Dataset;
beforeAll(async () => {
  await writeCorpus({ pages: 12, seed: 11 }, scratch);
  dataset = (await build({ source: scratch, cache: false })).dataset!;
}, 120_000);

describe('the runs of page events in the index of entities', () => {
  it('are each exactly the rows of one page’s events, in the order of the file, and cover every event row', async () => {
    const runs: Array<{ page: number; start: number; end: number; rows: number }> = [];
    const onPageEntities: PageEntitiesWritten = (page, rows) => runs.push({ page, ...rows });
    const sink = new MemorySink();
    await writeDataset(sink, dataset, options, undefined, { onPageEntities });
    const text = sink.files.get('csv/entities.csv')!;
    expect(text).toBe((await emitDataset(dataset, options)).get('csv/entities.csv'));

    const bytes = Buffer.from(text, 'utf8');
    let last = 0;
    for (const { page, start, end, rows } of runs) {
      expect(start).toBeGreaterThanOrEqual(last);
      last = end;
      const lines = bytes.subarray(start, end).toString('utf8').split('\r\n');
      expect(lines.pop()).toBe('');
      expect(lines).toHaveLength(rows);
      const events = new Set(dataset.events.filter((event) => event.documentId === dataset.documents[page]!.id).map((event) => event.id));
      for (const line of lines) expect(events.has(line.slice(0, line.indexOf(',')))).toBe(true);
    }
    expect(runs.reduce((sum, run) => sum + run.rows, 0)).toBe(dataset.events.length);
    expect(dataset.events.length).toBeGreaterThan(12);
  });
});
