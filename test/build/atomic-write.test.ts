/**
 * The command line killed (SIGKILL) at each point of writing `--out`, and at times spread over a build:
 * `out` is always the old complete dataset or the new one, never a mix, and the next build repairs and
 * tidies whatever the killed one left beside it.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, watch, writeFileSync, type FSWatcher } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listLeftovers } from '../../pipeline/build/lib/recover.js';
import { killPoints, recoverInterruptedWrite, type KillPoint } from '../../pipeline/build/lib/write.js';
import { root, sourceFolder } from '../helpers.js';
import { snapshot } from '../cli/run.js';

const scratch = mkdtempSync(join(tmpdir(), 'odp-atomic-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The seed source, without the evaluation (its folder is given relative to source/). */
function copySource(folder: string): void {
  cpSync(sourceFolder, folder, { recursive: true });
  const config = join(folder, 'dataset.yml');
  writeFileSync(config, readFileSync(config, 'utf8').replace(/^evaluation:.*$/m, ''));
}
const oldSource = join(scratch, 'old-source');
const newSource = join(scratch, 'new-source');
copySource(oldSource);
copySource(newSource);
appendFileSync(
  join(newSource, 'cyber-security.md'),
  '\nThe International Telecommunication Union (ITU) held a world conference on international telecommunications in Dubai in December 2012.\n',
);

const args = (out: string, source: string) => ['pipeline/run.mjs', 'build', '--source', source, '--out', out];
const env = (point?: KillPoint) => {
  const { OPEN_DATA_PIPELINE_KILL_AT: _unset, ...rest } = process.env;
  return { ...rest, ...(point ? { OPEN_DATA_PIPELINE_KILL_AT: point } : {}), FORCE_COLOR: '0', NO_COLOR: '1' };
};

interface Exit {
  pid: number;
  status: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/**
 * Runs `build --source newSource --out out` as `npm run build` does, killed at `point` when given;
 * `started` gets the child as soon as it runs (to kill it from outside). Asynchronous, so that builds
 * run side by side on the two cores.
 */
function build(out: string, point?: KillPoint, started?: (child: ReturnType<typeof spawn>) => void, source = newSource): Promise<Exit> {
  const child = spawn(process.execPath, args(out, source), { cwd: root, env: env(point), stdio: ['ignore', 'ignore', 'pipe'] });
  started?.(child);
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', (status, signal) => done({ pid: child.pid!, status, signal, stderr }));
  });
}

let oldSnapshot: Record<string, string> = {};
let newSnapshot: Record<string, string> = {};
const oldOut = join(scratch, 'old');
let buildMs = 0;

beforeAll(async () => {
  const old = await build(oldOut, undefined, undefined, oldSource);
  expect(old.stderr).toBe('');
  expect(old.status).toBe(0);
  oldSnapshot = snapshot(oldOut);
  const newOut = join(scratch, 'new');
  const started = performance.now();
  const built = await build(newOut);
  buildMs = performance.now() - started;
  expect(built.stderr).toBe('');
  expect(built.status).toBe(0);
  newSnapshot = snapshot(newOut);
  expect(Object.keys(newSnapshot)).toEqual(Object.keys(oldSnapshot));
  expect(newSnapshot['csv/organizations.csv']).not.toBe(oldSnapshot['csv/organizations.csv']);
}, 60_000);

/** `out` is the old dataset, the new one, missing, or a mix (named by the files that are neither). */
function versionOf(out: string): string {
  if (!existsSync(out)) return 'missing';
  const files = snapshot(out);
  if (isDeepStrictEqual(files, oldSnapshot)) return 'old';
  if (isDeepStrictEqual(files, newSnapshot)) return 'new';
  const paths = [...new Set([...Object.keys(files), ...Object.keys(oldSnapshot)])];
  return `a mix: ${paths.filter((p) => files[p] !== oldSnapshot[p] && files[p] !== newSnapshot[p]).join(', ')}`;
}

/** A fresh `out` holding the old dataset, alone in its folder. */
function oldCopy(name: string): string {
  const out = join(scratch, name, 'dist');
  cpSync(oldOut, out, { recursive: true });
  return out;
}

const besides = (out: string) => readdirSync(dirname(out)).filter((name) => name !== basename(out)).sort();

/** A normal build after the kill succeeds, gives the new dataset and leaves nothing beside `out`. */
async function buildAgain(out: string): Promise<void> {
  const run = await build(out);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  expect(versionOf(out)).toBe('new');
  expect(besides(out)).toEqual([]);
}

// What a kill at each point leaves: `out` (before the marker, the swap has not begun), and beside it.
const expected: Record<KillPoint, { out: string; beside: string[] }> = {
  'staging-first-file': { out: 'old', beside: ['staging'] },
  'staging-written': { out: 'old', beside: ['staging'] },
  'staging-complete': { out: 'old', beside: ['complete', 'staging'] },
  'between-renames': { out: 'missing', beside: ['complete', 'previous', 'staging'] },
  swapped: { out: 'new', beside: ['complete', 'previous'] },
  'previous-deleted': { out: 'new', beside: ['complete'] },
};

describe.concurrent('a build killed at a point of writing --out', () => {
  it('names every kill point of write.ts', () => {
    expect(Object.keys(expected).sort()).toEqual([...killPoints].sort());
  });

  for (const point of killPoints.filter((p) => p !== 'between-renames')) {
    it(`leaves the ${expected[point].out} dataset whole at ${point}, and the next build repairs and tidies up`, async () => {
      const out = oldCopy(point);
      const killed = await build(out, point);
      expect(killed.signal).toBe('SIGKILL');
      expect(versionOf(out)).toBe(expected[point].out);
      expect(besides(out)).toEqual(expected[point].beside.map((kind) => `dist.${kind}-${killed.pid}`));
      await buildAgain(out);
    }, 60_000);
  }

  it('leaves out missing when killed between the renames; recoverInterruptedWrite rolls forward to the new dataset', async () => {
    const out = oldCopy('between-renames');
    const killed = await build(out, 'between-renames');
    expect(killed.signal).toBe('SIGKILL');
    expect(versionOf(out)).toBe('missing');
    expect(besides(out)).toEqual(expected['between-renames'].beside.map((kind) => `dist.${kind}-${killed.pid}`));
    await recoverInterruptedWrite(out);
    expect(versionOf(out)).toBe('new');
    expect(besides(out)).toEqual([]);
    await buildAgain(out);
  }, 60_000);
});

describe('a build killed at a time spread over its run', () => {
  /**
   * Runs the build and kills it `ms` after it starts, or with `afterStaging`, `ms` after its staging
   * folder appears (writing takes some 30 to 100 ms of a build's second or two: a kill timed from the
   * start would hardly ever land in it). Then `out` must be the old or the new dataset once recovered.
   */
  async function killAndCheck(name: string, ms: number, afterStaging: boolean): Promise<void> {
    const out = oldCopy(name);
    let timer: NodeJS.Timeout | undefined;
    let watcher: FSWatcher | undefined;
    const exit = await build(out, undefined, (child) => {
      const kill = () => (timer ??= setTimeout(() => child.kill('SIGKILL'), ms));
      if (!afterStaging) kill();
      else watcher = watch(dirname(out), (_event, file) => file?.startsWith(`${basename(out)}.staging-`) && kill());
    });
    watcher?.close();
    clearTimeout(timer);
    if (exit.signal === null) {
      expect(exit.status).toBe(0);
      expect(versionOf(out)).toBe('new');
    } else {
      expect(exit.signal).toBe('SIGKILL');
      await recoverInterruptedWrite(out);
      expect(['old', 'new']).toContain(versionOf(out));
    }
    expect(await listLeftovers(out)).toEqual([]);
    expect(besides(out)).toEqual([]);
  }

  it('leaves the old or the new dataset whole, after recovery, when killed half-way through a build', async () => {
    await killAndCheck('half-way', Math.round(buildMs / 2), false);
  }, 30_000);

  it.each([0, 15, 35, 60, 100])('leaves the old or the new dataset whole, after recovery, when killed %i ms into writing', async (ms) => {
    await killAndCheck(`writing-${ms}`, ms, true);
  }, 30_000);
});
