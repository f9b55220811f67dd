/**
 * Listing the source folder measures every page (its size, for the size limit and to read it in one
 * go; its identity, for a rebuild to know it unchanged without reading it), and reading a page with the size it was listed with gives its bytes as they are when read, even
 * when it changed in between.
 */
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listPages, readBytes, settledAfter } from '../../pipeline/build/lib/sources.js';

const scratch = mkdtempSync(join(tmpdir(), 'odp-sources-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const limits = { maxFiles: 100, raise: '--max-files' };

describe('listPages', () => {
  it('gives every page of every folder with its size and time of change, in path order', async () => {
    const source = join(scratch, 'listed');
    mkdirSync(join(source, 'b'), { recursive: true });
    mkdirSync(join(source, 'a'), { recursive: true });
    const written = ['b/two.md', 'a/one.md', 'a/three.markdown', 'top.md'].map((path, index) => {
      writeFileSync(join(source, path), 'x'.repeat(10 * (index + 1)));
      return join(source, path);
    });
    writeFileSync(join(source, 'a', 'notes.txt'), 'not a page');
    const { pages, problems } = await listPages(source, limits);
    expect(problems).toEqual([]);
    // Written just now: none has settled long enough to have an identity (see PageSource.identity).
    expect(pages).toEqual([...written].sort().map((path) => ({ path, size: statSync(path).size, modified: Number(statSync(path, { bigint: true }).mtimeNs / 1_000_000n) })));
  });

  it('gives a page that last changed long enough before it was listed its identity: device, inode, size, and times of modification and change in nanoseconds', async () => {
    const source = join(scratch, 'settled');
    mkdirSync(source);
    const path = join(source, 'page.md');
    writeFileSync(path, '# Page');
    const { dev, ino, size, mtimeNs, ctimeNs } = statSync(path, { bigint: true });
    const listedAt = Number(ctimeNs / 1_000_000n) + settledAfter + 1;
    expect((await listPages(source, { ...limits, listedAt })).pages[0]?.identity).toBe(`${dev}:${ino}:${size}:${mtimeNs}:${ctimeNs}`);
    expect((await listPages(source, { ...limits, listedAt: listedAt - 2 })).pages[0]?.identity).toBeUndefined();
  });

  it('gives a page edited with its size and time of modification kept another identity (its time of change moved)', async () => {
    const source = join(scratch, 'edited');
    mkdirSync(source);
    const path = join(source, 'page.md');
    writeFileSync(path, '# Page one');
    const old = new Date('2020-01-01T00:00:00Z');
    utimesSync(path, old, old);
    const later = Date.now() + 60_000;
    const before = (await listPages(source, { ...limits, listedAt: later })).pages[0]!;
    // The change time has a tick of its own: the edit comes after the next one.
    const changed = statSync(path, { bigint: true }).ctimeNs;
    while (statSync(path, { bigint: true }).ctimeNs === changed) {
      writeFileSync(path, '# Page two');
      utimesSync(path, old, old);
    }
    const after = (await listPages(source, { ...limits, listedAt: later })).pages[0]!;
    expect([after.size, after.modified]).toEqual([before.size, before.modified]);
    expect(before.identity).toBeDefined();
    expect(after.identity).toBeDefined();
    expect(after.identity).not.toBe(before.identity);
  });

  it('refuses a folder of more pages than the limit', async () => {
    const source = join(scratch, 'many');
    mkdirSync(source);
    for (let page = 0; page < 5; page++) writeFileSync(join(source, `${page}.md`), '# Page');
    const { problems } = await listPages(source, { ...limits, maxFiles: 3 });
    expect(problems.map((file) => file.messages[0]?.ruleId)).toEqual(['limit-files']);
  });
});

describe('readBytes with the size a page was listed with', () => {
  const page = join(scratch, 'page.md');

  it('gives the page’s bytes', async () => {
    writeFileSync(page, 'Le ministère de l’Europe et des Affaires étrangères.\n');
    expect(Buffer.from(await readBytes(page, statSync(page).size))).toEqual(readFileSync(page));
  });

  it('gives the whole page when it grew after it was listed', async () => {
    writeFileSync(page, 'First line.\n');
    const listed = statSync(page).size;
    appendFileSync(page, 'A line added after the listing, longer than the page was.\n');
    expect(Buffer.from(await readBytes(page, listed)).toString()).toBe(readFileSync(page, 'utf8'));
  });

  it('gives what is left of a page cut short after it was listed', async () => {
    writeFileSync(page, 'A page of two lines.\nThe second.\n');
    const listed = statSync(page).size;
    truncateSync(page, 10);
    expect(Buffer.from(await readBytes(page, listed)).toString()).toBe('A page of ');
  });
});
