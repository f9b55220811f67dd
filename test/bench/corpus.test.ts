import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { changePage, corpusPools, generateCorpus, measure, measureMethod, parseTimeReport, writeCorpus } from '../../pipeline/bench/index.js';
import { build } from '../../pipeline/build/index.js';

const texts = (pages: number, seed: number) => [...generateCorpus({ pages, seed })].map((page) => `${page.path}\n${page.text}`);

describe('the synthetic corpus', () => {
  it('is the same for the same seed, different for another, and a smaller corpus is the start of a larger', () => {
    const first = texts(40, 1);
    expect(texts(40, 1)).toEqual(first);
    expect(texts(10, 1)).toEqual(first.slice(0, 10));
    const other = texts(40, 2);
    expect(other).not.toEqual(first);
    expect(other.filter((text, i) => text === first[i])).toEqual([]);
  });

  it('writes pages of a few KB in year folders, each with the front matter the pipeline requires', () => {
    const pages = [...generateCorpus({ pages: 60, seed: 7 })];
    expect(new Set(pages.map((p) => p.path)).size).toBe(60);
    for (const { path, text } of pages) {
      expect(path).toMatch(/^20\d\d\/[a-z0-9-]+-\d{5}\.md$/);
      const bytes = Buffer.byteLength(text);
      expect(bytes).toBeGreaterThan(2_500);
      expect(bytes).toBeLessThan(10_000);
      expect(text).toMatch(/^---\ntitle: .+\npublisher: .+\nlanguage: en\ndateModified: .+\nrights: .+\nlicense: LicenseRef-All-Rights-Reserved\n---\n\n# .+\n/);
      expect(text).toMatch(/\n## /);
    }
    const all = pages.map((p) => p.text).join('\n');
    // Acronyms defined in both orders, lists, and the date forms of the genre.
    expect(all).toMatch(/the [A-Z][a-z]+(?: [A-Z][a-z]+)+ \([A-Z]{3,}\)/);
    expect(all).toMatch(/[Tt]he CERT-[A-Z]{2} \(/);
    expect(all).toMatch(/the [A-Z]{3,} \([A-Z][a-z]+ /);
    expect(all).toMatch(/\n- /);
    for (const form of [/ on \d{1,2} [A-Z][a-z]+ \d{4}/, /in the (spring|summer|autumn|winter) of \d{4}/, /from \d{1,2} [A-Z][a-z]+ to \d{1,2} [A-Z][a-z]+ \d{4}/, /between \d{4} and \d{4}/, /(early|late) in \d{4}/, / in [A-Z][a-z]+ \d{4}/, /will be held/]) {
      expect(all).toMatch(form);
    }
  });

  it('draws from hundreds of agencies, each with its own acronym, and hundreds of people', () => {
    const { agencies, people } = corpusPools(1);
    expect(agencies.length).toBeGreaterThanOrEqual(300);
    expect(new Set(agencies.map((a) => a.acronym)).size).toBe(agencies.length);
    expect(new Set(people.map((p) => p.name)).size).toBeGreaterThanOrEqual(300);
  });

  it('adds a sentence with a new agency and a date to a changed page', () => {
    const [page] = generateCorpus({ pages: 1, seed: 1 });
    const changed = changePage(page!.text);
    expect(changed.startsWith(page!.text.trimEnd())).toBe(true);
    expect(changed).toMatch(/\(NQCOO\) was set up in Geneva on 3 March 2016\.\n$/);
  });
});

describe('a build of 20 generated pages', async () => {
  const source = await mkdtemp(join(tmpdir(), 'odp-bench-test-'));
  afterAll(() => rm(source, { recursive: true, force: true }));
  await writeCorpus({ pages: 20, seed: 3 }, source);
  const result = await build({ source, cache: false });

  it('succeeds (warnings allowed)', () => {
    const errors = result.files.flatMap((file) => file.messages.filter((m) => m.fatal).map((m) => `${file.path}: ${m.message}`));
    expect(errors).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('finds organisations, people, places and events, and organisations named on several pages', () => {
    const dataset = result.dataset!;
    expect(dataset.documents).toHaveLength(20);
    expect(dataset.organizations.length).toBeGreaterThan(20);
    expect(dataset.people.length).toBeGreaterThan(5);
    expect(dataset.places.length).toBeGreaterThan(10);
    expect(dataset.events.length).toBeGreaterThan(50);
    const pagesOf = new Map<string, Set<string>>();
    for (const mention of dataset.mentions) {
      if (mention.entityType !== 'organization') continue;
      const pages = pagesOf.get(mention.entityId) ?? new Set<string>();
      pages.add(mention.documentId);
      pagesOf.set(mention.entityId, pages);
    }
    const recurring = [...pagesOf.values()].filter((pages) => pages.size >= 3);
    expect(recurring.length).toBeGreaterThan(5);
  });
});

describe('measure', () => {
  const child = ['-e', 'const b = Buffer.alloc(64 * 2 ** 20, 1); setTimeout(() => b.length, 300)'];

  it('reports the time and the peak resident memory of a child process', async () => {
    const run = await measure(process.execPath, child);
    expect(run.exitCode).toBe(0);
    expect(run.seconds).toBeGreaterThan(0.2);
    if (measureMethod() !== 'wall-only') {
      expect(run.peakRssMb).toBeGreaterThan(64);
      expect(run.cpuSeconds).toBeGreaterThan(0);
    }
  });

  it.runIf(process.platform === 'linux')('reads /proc when GNU time is not there', async () => {
    const run = await measure(process.execPath, child, { method: 'proc' });
    expect(run.peakRssMb).toBeGreaterThan(64);
  });

  it('keeps a failing child\'s exit code and stderr', async () => {
    const run = await measure(process.execPath, ['-e', 'console.error("boom"); process.exit(3)']);
    expect(run.exitCode).toBe(3);
    expect(run.stderr).toContain('boom');
  });

  it('reads the figures GNU time writes after a failure', () => {
    expect(parseTimeReport('Command exited with non-zero status 1\n204800 1.50 0.25\n')).toEqual({ peakRssMb: 200, cpuSeconds: 1.75 });
    expect(parseTimeReport('')).toEqual({ peakRssMb: undefined, cpuSeconds: undefined });
    expect(parseTimeReport('Command terminated by signal 9\n51200 0.50 0.25\n')).toEqual({ peakRssMb: 50, cpuSeconds: 0.75, signal: 'SIGKILL' });
  });
});

// The corpus written to disk is the one generated in memory.
it('writes the corpus it generates', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'odp-bench-test-'));
  try {
    const { paths, bytes } = await writeCorpus({ pages: 3, seed: 5 }, folder);
    const pages = [...generateCorpus({ pages: 3, seed: 5 })];
    expect(paths).toEqual(pages.map((p) => p.path));
    expect(bytes).toBe(pages.reduce((sum, p) => sum + Buffer.byteLength(p.text), 0));
    expect(await readFile(join(folder, paths[0]!), 'utf8')).toBe(pages[0]!.text);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});
