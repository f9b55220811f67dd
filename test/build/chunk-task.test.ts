/**
 * A page's chunk made in a page worker (runChunkTask): sent back, or, with a cache, kept in the cache's
 * file and read from there, the same chunk either way; never kept when its records fail their schemas.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeChunk } from '../../pipeline/build/lib/chunk-file.js';
import { runChunkTask, type ChunkTask } from '../../pipeline/build/lib/chunk-task.js';
import { resolutionOf } from '../../pipeline/build/lib/chunks.js';
import { runPageTask } from '../../pipeline/build/lib/page-task.js';
import { PagePool } from '../../pipeline/build/lib/pool.js';
import { chunkContext } from '../../pipeline/emit/index.js';
import { CurationIndex, mergeEntities, pageReferences, resolverOf } from '../../pipeline/extract/index.js';
import { chunkAsText, root } from '../helpers.js';

const scratch = mkdtempSync(join(tmpdir(), 'odp-chunk-task-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const relativePath = 'page.md';
const outcome = runPageTask({
  shownPath: relativePath,
  relativePath,
  bytes: readFileSync(join(root, 'test/fixtures/bad-input/clean-page/source/page.md')),
  curation: {},
  maxDepth: 100,
  raiseDepth: '--max-depth',
});
const records = outcome.records!;
const options = { baseIri: 'https://example.org/data#', multiValueSeparator: '|' as const };
const merged = mergeEntities([records], new CurationIndex());
const resolution = resolutionOf(pageReferences(records), resolverOf(records, merged), chunkContext(merged, options));
const task: ChunkTask = { shownPath: relativePath, records: { records }, resolution, baseIri: options.baseIri, separator: options.multiValueSeparator };

describe('a chunk made in a page worker', () => {
  it('is sent back when the build has no cache', async () => {
    const made = await runChunkTask(task);
    expect('chunk' in made && made.messages).toEqual([]);
    expect('chunk' in made && made.chunk.counts.documents).toBe(1);
  });

  it('is kept in the cache, the same chunk, when the build has one', async () => {
    const keepAt = join(scratch, 'kept', 'chunk.chunk');
    const kept = await runChunkTask({ ...task, keepAt });
    expect(kept).toEqual({ keptAt: keepAt, messages: [] });
    const sent = await runChunkTask(task);
    if (!('chunk' in sent)) throw new Error('sent back');
    expect(chunkAsText(decodeChunk(readFileSync(keepAt))!)).toEqual(sent.chunk);
  });

  it('is not kept when its records fail their schemas: it is sent back with their errors', async () => {
    const keepAt = join(scratch, 'invalid', 'chunk.chunk');
    const broken = { ...records, document: { ...records.document, publisher: '' } };
    const made = await runChunkTask({ ...task, records: { records: broken }, keepAt });
    if (!('chunk' in made)) throw new Error('not sent back');
    expect(made.messages.some((message) => message.fatal)).toBe(true);
    expect(existsSync(keepAt)).toBe(false);
  });

  it('says which file of records it cannot read back (damaged, not JSON, not records, gone), and keeps nothing', async () => {
    const keepAt = join(scratch, 'unreadable', 'chunk.chunk');
    const damaged = (name: string, text: string) => {
      const path = join(scratch, name);
      writeFileSync(path, text);
      return path;
    };
    for (const path of [damaged('cut.json', JSON.stringify(records).slice(0, 100)), damaged('empty.json', ''), damaged('other.json', '{"pages": []}'), damaged('null.json', 'null'), join(scratch, 'gone.json')]) {
      expect(await runChunkTask({ ...task, records: { path }, keepAt })).toEqual({ unreadable: path });
    }
    expect(existsSync(keepAt)).toBe(false);
  });
});

describe('a chunk a page worker cannot keep', () => {
  it("fails the build with the system's error code, so that the command says the system refused", async () => {
    const file = join(scratch, 'a-file');
    writeFileSync(file, 'not a folder');
    const pool = new PagePool({ size: 1, timeout: 60_000, maxMemory: 256 });
    try {
      await expect(pool.chunk({ ...task, keepAt: join(file, 'kept', 'chunk.chunk') })).rejects.toMatchObject({ code: 'ENOTDIR', message: expect.stringMatching(/^reading page\.md failed: Error: ENOTDIR: not a directory/) });
    } finally {
      await pool.close();
    }
  });
});

