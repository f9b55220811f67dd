/**
 * The pool of page workers: a page's time limit counts the page's own work, not the start of the
 * worker that reads it (loading the pipeline's code takes a second or more, several on a busy machine).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runPageTask, summaryOf } from '../../pipeline/build/lib/page-task.js';
import { PagePool } from '../../pipeline/build/lib/pool.js';
import { sourceFolder } from '../helpers.js';

const pools: PagePool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()));
});

// Front matter that fails its schema: the page stops before extraction, so its own work is a few milliseconds.
const page = new TextEncoder().encode('---\ntitle: A page\n---\n\nSome text.\n');
const task = { shownPath: 'page.md', relativePath: 'page.md', bytes: page, curation: {}, maxDepth: 100, raiseDepth: '--max-depth' };

describe('a page worker', () => {
  it("starts before its first page's time does", async () => {
    // Well under what starting a worker takes on the machines this runs on (about 1.5 s), well over
    // what this page takes: counted from the worker's start, the page timed out.
    const pool = new PagePool({ size: 1, timeout: 750, maxMemory: 256 });
    pools.push(pool);
    const outcome = await pool.run(task);
    expect(outcome).not.toHaveProperty('failure');
    expect(outcome).toHaveProperty(['summary', 'messages'], expect.arrayContaining([expect.objectContaining({ fatal: true })]));
  });

  it('still stops a page that takes longer than the limit once the worker is ready', async () => {
    const pool = new PagePool({ size: 1, timeout: 1, maxMemory: 256 });
    pools.push(pool);
    expect(await pool.run(task)).toEqual({ failure: 'timeout' });
  });

  it('is started ahead by warm, once, and reads the first page sent to it', async () => {
    const pool = new PagePool({ size: 2, timeout: 60_000, maxMemory: 256 });
    pools.push(pool);
    expect(pool.running).toBe(0);
    pool.warm();
    pool.warm();
    expect(pool.running).toBe(1);
    expect(await pool.run(task)).not.toHaveProperty('failure');
    expect(pool.running).toBe(1);
  });
});

describe('recycling a pool', () => {
  it('stops its idle workers, and the next page starts a new one', async () => {
    const pool = new PagePool({ size: 2, timeout: 60_000, maxMemory: 256 });
    pools.push(pool);
    await Promise.all([pool.run(task), pool.run(task)]);
    expect(pool.running).toBe(2);
    await pool.recycle();
    expect(pool.running).toBe(0);
    expect(await pool.run(task)).not.toHaveProperty('failure');
    expect(pool.running).toBe(1);
  });

  it('leaves a worker busy with a page to it', async () => {
    const pool = new PagePool({ size: 2, timeout: 60_000, maxMemory: 256 });
    pools.push(pool);
    pool.warm();
    const reading = pool.run(task);
    await pool.recycle();
    expect(pool.running).toBe(1);
    expect(await reading).not.toHaveProperty('failure');
  });

  it("sends a page's records back as the JSON the cache keeps, beside its summary", async () => {
    const name = readdirSync(sourceFolder).find((file) => file.endsWith('.md'))!;
    const seed = { ...task, shownPath: name, relativePath: name, bytes: readFileSync(join(sourceFolder, name)) };
    const pool = new PagePool({ size: 1, timeout: 60_000, maxMemory: 256 });
    pools.push(pool);
    const read = await pool.run(seed);
    if ('failure' in read) throw new Error(`the page failed: ${read.failure}`);
    const direct = runPageTask(seed);
    expect(direct.records?.mentions.length).toBeGreaterThan(0);
    expect(new TextDecoder().decode(read.recordsJson)).toBe(JSON.stringify(direct.records));
    expect(read.summary).toEqual(summaryOf(direct));
  });
});
