/**
 * A rebuild reads the last build's chunks through in a thread of the lowest priority before it writes
 * them (see prefetch): the thread reads every file it is given, missing ones aside, and stops when told.
 * The chunks are listed in the order the last build wrote them, which is the order they are read in.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { platform, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readChecked, writeChecked } from '../../pipeline/build/lib/checked.js';
import { prefetch } from '../../pipeline/build/lib/prefetch.js';

const folder = mkdtempSync(join(tmpdir(), 'odp-prefetch-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('prefetch', () => {
  it('reads every file through, a missing one aside, in a thread of the lowest priority', async () => {
    const paths = ['a', 'b', 'c'].map((name, index) => {
      const path = join(folder, name);
      writeFileSync(path, Buffer.alloc((index + 1) * 1_500_000, name));
      return path;
    });
    const { read, stop } = prefetch([paths[0]!, join(folder, 'missing'), ...paths.slice(1)]);
    const done = await read;
    expect(done).toBeDefined();
    // Linux gives each thread a priority of its own; elsewhere the thread keeps the build's and tells none.
    if (platform() === 'linux') expect(done!.priority).toBe(19);
    await stop();
  });

  it('stops when told, before every file is read', async () => {
    const path = join(folder, 'large');
    writeFileSync(path, Buffer.alloc(4_000_000));
    const { read, stop } = prefetch(Array.from({ length: 5_000 }, () => path));
    await stop();
    expect(await read).toBeUndefined();
  });

  it('does nothing for no files', async () => {
    const { read, stop } = prefetch([]);
    expect(await read).toEqual({});
    await stop();
  });
});

describe('the chunks checked by the last build', () => {
  it('are kept in the order they were written, each once', async () => {
    await writeChecked(folder, 'chunks', ['c3', 'a1', 'c3', 'b2']);
    expect([...(await readChecked(folder, 'chunks'))]).toEqual(['c3', 'a1', 'b2']);
  });
});
