/**
 * One benchmark run: for each size, a synthetic corpus, then on that same corpus the bare floor (parse
 * only), a cold build, a warm rebuild after one page changed and one after nothing changed, each a
 * measured child process. Sizes run in the order given, one after the other, on a quiet machine.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { changePage, writeCorpus } from './corpus.js';
import { machine, revision, type Machine, type Revision } from './machine.js';
import { measure, measureMethod, type Measurement, type MeasureMethod } from './measure.js';
import { checkTargets, type TargetCheck } from './targets.js';
import { cacheVariable } from '../../build/lib/cache.js';
import { projectRoot } from '../../model/lib/project.js';


/**
 * The variable that names the build's page cache folder (default node_modules/.cache/open-data-pipeline).
 * The bench points it at a folder of its own, so that it never touches the project's cache, and deletes
 * that folder before each cold build, so that "cold" is cold; the warm rebuilds keep it.
 */
export { cacheVariable };

export interface BenchOptions {
  /** Page counts, run in this order. */
  sizes: readonly number[];
  seed: number;
  /** Keep the temporary corpora and datasets (their folder is printed). */
  keep?: boolean;
  /** Progress lines (to stderr by the command line). */
  log?: (line: string) => void;
}

/** Time, throughput and memory of one measured process. MB and MiB alike are 2^20 bytes. */
export interface Phase {
  seconds: number;
  /** User + system CPU seconds (more than `seconds` when several threads worked at once). */
  cpuSeconds: number | null;
  pagesPerSecond: number;
  mbPerSecond: number;
  peakRssMb: number | null;
}

export interface SizeResult {
  pages: number;
  bytes: number;
  /** Seconds spent writing the corpus (not part of any phase). */
  generateSeconds: number;
  /** The floor, with the time spent reading and parsing as the floor process measured it itself. */
  floor: Phase & { parseSeconds: number };
  cold: Phase;
  /** The median of the rebuilds after one page changed (see warmOneChangedRuns). */
  warmOneChanged: Phase;
  /**
   * Each rebuild after one page changed, in the order run: one per page of `changedPages`, each after
   * the build before it. Single runs of a large rebuild vary by a few seconds (the first comes while the
   * cold build's cache files are still being written back to disk): the median is the figure.
   */
  warmOneChangedRuns: Phase[];
  warmUnchanged: Phase;
  ratios: {
    fullOverFloor: number;
    /** The same, once each process's fixed start-up cost (measured on one page) is taken off both. */
    fullOverFloorAfterStartup: number | null;
    warmOneChangedOverCold: number;
    warmUnchangedOverCold: number;
  };
  /** The pages the warm rebuilds changed, one each, relative to the corpus. */
  changedPages: string[];
  /**
   * Pages each warm rebuild says it took from the cache (from its summary line; null when it does not
   * say). Fewer than expected means the cache was not reused: a change to the pipeline's code while the
   * bench ran starts a new cache.
   */
  reusedFromCache: { warmOneChanged: number | null; warmUnchanged: number | null };
  /** Each build's summary line ("Built … from N pages: … organizations, … (12.3 s, 999 unchanged from the cache)"). */
  summaries: { cold: string; warmOneChanged: string; warmUnchanged: string };
  /** Lines the cold build wrote to stderr (its warnings). */
  warningLines: number;
}

export interface Scaling {
  from: number;
  to: number;
  pagesRatio: number;
  floorTimeRatio: number;
  coldTimeRatio: number;
  warmOneChangedTimeRatio: number;
  coldPeakRssRatio: number | null;
}

export interface BenchResult {
  tool: 'npm run bench';
  machine: Machine;
  git: Revision | null;
  seed: number;
  measuredWith: MeasureMethod;
  units: { mb: string; seconds: string };
  /** Fixed costs: the floor and a cold build of a one-page corpus (process start-up, loading code and gazetteers); null when the run failed before. */
  startup: { floor: Phase; build: Phase } | null;
  sizes: SizeResult[];
  /** Between each size and the next. */
  scaling: Scaling[];
  /** The issue's targets, checked at the largest size. */
  targets: TargetCheck[];
  /** The phase that failed and stopped the run, if one did: the sizes before it are complete. */
  failure: Failure | null;
}

export interface Failure {
  pages: number | null;
  phase: string;
  exitCode: number | null;
  signal: string | null;
  /** How long it ran, and its peak memory, before it failed (a build out of memory shows it here). */
  seconds: number;
  peakRssMb: number | null;
  /** The last lines of its stderr. */
  stderrTail: string;
  /** The phases of the failed size that finished before it (the floor, say, when the cold build failed). */
  completed: Partial<Pick<SizeResult, 'floor' | 'cold' | 'warmOneChanged'>> & { bytes?: number };
}

/** A phase that failed: the message ends with the end of its stderr; `result` holds what was measured before. */
export class BenchError extends Error {
  result?: BenchResult;

  constructor(
    message: string,
    readonly failure?: Failure,
  ) {
    super(message);
  }
}

const mebibyte = 2 ** 20;

export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const log = options.log ?? (() => {});
  const work = await mkdtemp(join(tmpdir(), 'odp-bench-'));
  const cache = join(work, 'cache');
  const env = { ...process.env, [cacheVariable]: cache, FORCE_COLOR: '0', NO_COLOR: '1' };
  let failed = false;
  const sizes: SizeResult[] = [];
  let startup: BenchResult['startup'] | undefined;
  let current: number | null = null;
  let completed: Failure['completed'] = {};
  const result = (failure: Failure | null): BenchResult => {
    const ratios = scaling(sizes);
    return {
      tool: 'npm run bench',
      machine: machine(),
      git: revision(projectRoot) ?? null,
      seed: options.seed,
      measuredWith: measureMethod(),
      units: { mb: 'MB and MiB are 2^20 bytes (throughput is bytes of Markdown read)', seconds: 'wall-clock seconds of the whole child process, start-up included' },
      startup: startup ?? null,
      sizes,
      scaling: ratios,
      targets: checkTargets(sizes, ratios),
      failure,
    };
  };
  try {
    log(`working in ${work}`);
    // Start-up: a one-page corpus, built once unmeasured (the pipeline's code is compiled to bundles once,
    // see pipeline/compile.mjs; the OS caches node_modules), then measured as the fixed cost every build pays.
    const one = join(work, 'one-page');
    const onePage = await writeCorpus({ pages: 1, seed: options.seed }, join(one, 'corpus'));
    log('warming up (compiling the pipeline once)');
    await build(join(one, 'corpus'), join(one, 'dist'), env, cache, 'warm-up build');
    startup = {
      floor: phase(await floor(join(one, 'corpus'), env), 1, onePage.bytes),
      build: phase(await build(join(one, 'corpus'), join(one, 'dist'), env, cache, 'one-page build', true), 1, onePage.bytes),
    };
    log(`start-up: floor ${startup.floor.seconds.toFixed(2)} s, build ${startup.build.seconds.toFixed(2)} s`);

    for (const pages of options.sizes) {
      current = pages;
      completed = {};
      const folder = join(work, String(pages));
      const corpus = join(folder, 'corpus');
      const out = join(folder, 'dist');
      log(`${pages} pages: generating the corpus`);
      const generated = process.hrtime.bigint();
      const { paths, bytes } = await writeCorpus({ pages, seed: options.seed }, corpus);
      const generateSeconds = Number(process.hrtime.bigint() - generated) / 1e9;

      log(`${pages} pages (${(bytes / mebibyte).toFixed(1)} MB): floor`);
      completed.bytes = bytes;
      const floorRun = await floor(corpus, env);
      const inner = JSON.parse(floorRun.stdout.trim().split('\n').pop() ?? '{}') as { pages?: number; seconds?: number };
      if (inner.pages !== pages) throw new BenchError(`the floor parsed ${inner.pages} pages, not ${pages}`);

      log(`${pages} pages: cold build`);
      const floorPhase = { ...phase(floorRun, pages, bytes), parseSeconds: inner.seconds ?? NaN };
      completed.floor = floorPhase;
      const coldRun = await build(corpus, out, env, cache, 'cold build', true);
      const coldPhase = phase(coldRun, pages, bytes);
      completed.cold = coldPhase;

      const changedPages = pagesToChange(paths);
      const oneChangedRuns: Measurement[] = [];
      for (const changedPage of changedPages) {
        const changedPath = join(corpus, changedPage);
        await writeFile(changedPath, changePage(await readFile(changedPath, 'utf8')));
        log(`${pages} pages: warm rebuild, ${changedPage} changed`);
        oneChangedRuns.push(await build(corpus, out, env, cache, 'warm rebuild (one page changed)'));
      }
      const oneChangedRun = medianRun(oneChangedRuns);
      const oneChangedPhase = phase(oneChangedRun, pages, bytes);
      completed.warmOneChanged = oneChangedPhase;
      log(`${pages} pages: warm rebuild, nothing changed`);
      const unchangedRun = await build(corpus, out, env, cache, 'warm rebuild (nothing changed)');
      const summaries = { cold: lastLine(coldRun.stdout), warmOneChanged: lastLine(oneChangedRun.stdout), warmUnchanged: lastLine(unchangedRun.stdout) };

      const result: SizeResult = {
        pages,
        bytes,
        generateSeconds,
        floor: floorPhase,
        cold: coldPhase,
        warmOneChanged: oneChangedPhase,
        warmOneChangedRuns: oneChangedRuns.map((run) => phase(run, pages, bytes)),
        warmUnchanged: phase(unchangedRun, pages, bytes),
        ratios: {
          fullOverFloor: coldRun.seconds / floorRun.seconds,
          fullOverFloorAfterStartup: afterStartup(coldRun.seconds, startup.build.seconds, floorRun.seconds, startup.floor.seconds),
          warmOneChangedOverCold: oneChangedRun.seconds / coldRun.seconds,
          warmUnchangedOverCold: unchangedRun.seconds / coldRun.seconds,
        },
        changedPages,
        reusedFromCache: { warmOneChanged: reused(summaries.warmOneChanged), warmUnchanged: reused(summaries.warmUnchanged) },
        summaries,
        warningLines: coldRun.stderr.split('\n').filter((line) => /\bwarning\b/.test(line)).length,
      };
      if (result.reusedFromCache.warmUnchanged !== null && result.reusedFromCache.warmUnchanged < pages) {
        log(`warning: the rebuild with nothing changed took ${result.reusedFromCache.warmUnchanged} of ${pages} pages from the cache: did the pipeline's code change during the run?`);
      }
      sizes.push(result);
      log(`${pages} pages: floor ${result.floor.seconds.toFixed(1)} s, cold ${result.cold.seconds.toFixed(1)} s, warm ${result.warmOneChanged.seconds.toFixed(1)} s / ${result.warmUnchanged.seconds.toFixed(1)} s`);
      if (!options.keep) await rm(folder, { recursive: true, force: true });
    }

    return result(null);
  } catch (error) {
    failed = true;
    if (error instanceof BenchError) error.result = result(error.failure ? { ...error.failure, pages: current, completed } : null);
    throw error;
  } finally {
    if (options.keep || failed) log(`kept ${work}`);
    else await rm(work, { recursive: true, force: true });
  }
}

/** How many rebuilds after one page changed are run per size (the median is the figure). */
export const oneChangedRebuilds = 3;

/** The pages the rebuilds change, one each: spread over the corpus (a quarter, half, three quarters into it), distinct. */
export function pagesToChange(paths: readonly string[]): string[] {
  const places = Array.from({ length: oneChangedRebuilds }, (_, index) => Math.floor((paths.length * (index + 1)) / (oneChangedRebuilds + 1)));
  return [...new Set(places)].map((place) => paths[place]!);
}

/** The run of median time (of an even number, the faster of the two in the middle). */
export function medianRun<T extends { seconds: number }>(runs: readonly T[]): T {
  if (runs.length === 0) throw new Error('medianRun: no runs');
  return [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor((runs.length - 1) / 2)]!;
}

/** Runs the floor on a corpus; throws a BenchError when it fails. */
async function floor(corpus: string, env: NodeJS.ProcessEnv): Promise<Measurement> {
  const run = await measure(process.execPath, ['--import', 'tsx', 'pipeline/bench/floor.ts', corpus], { cwd: projectRoot, env });
  check(run, 'floor');
  return run;
}

/**
 * Runs `build --source corpus --out out` as the command line does; `cold` first deletes the output and
 * the cache folder. Throws a BenchError when the build fails.
 */
async function build(corpus: string, out: string, env: NodeJS.ProcessEnv, cache: string, what: string, cold = false): Promise<Measurement> {
  if (cold) {
    await rm(out, { recursive: true, force: true });
    await rm(cache, { recursive: true, force: true });
  }
  await mkdir(cache, { recursive: true });
  const run = await measure(process.execPath, [...(await buildCommand()), '--source', corpus, '--out', out], { cwd: projectRoot, env });
  check(run, what);
  return run;
}

/**
 * Node's arguments for `npm run build`, from package.json's script: the bench measures the build as a
 * publisher runs it, node's options (the young generation's size) included.
 */
export async function buildCommand(): Promise<string[]> {
  const { scripts } = JSON.parse(await readFile(join(projectRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const [command, ...words] = (scripts['build'] ?? '').trim().split(/\s+/);
  if (command !== 'node') throw new Error(`package.json's build script does not run node: ${JSON.stringify(scripts['build'])}`);
  return words;
}

function check(run: Measurement, what: string): void {
  if (run.exitCode === 0) return;
  const how = run.signal ? `was killed by ${run.signal}` : `exited with code ${run.exitCode}`;
  const tail = run.stderr.trimEnd().split('\n').slice(-30).join('\n');
  throw new BenchError(`${what} ${how} after ${run.seconds.toFixed(1)} s${run.peakRssMb === undefined ? '' : ` (peak RSS ${run.peakRssMb.toFixed(0)} MB)`}; the end of its stderr:\n${tail}`, {
    pages: null,
    phase: what,
    exitCode: run.exitCode ?? null,
    signal: run.signal ?? null,
    seconds: run.seconds,
    peakRssMb: run.peakRssMb ?? null,
    stderrTail: tail,
    completed: {},
  });
}

/** "… (5.8 s, 999 unchanged from the cache)" → 999; a summary that names no time at all → null. */
function reused(summary: string): number | null {
  const count = /(\d+) unchanged from the cache/.exec(summary);
  if (count) return Number(count[1]);
  return /\(\d+(?:\.\d+)? s\)$/.test(summary) ? 0 : null;
}

function lastLine(text: string): string {
  return text.trim().split('\n').pop() ?? '';
}

function phase(run: Measurement, pages: number, bytes: number): Phase {
  return {
    seconds: run.seconds,
    cpuSeconds: run.cpuSeconds ?? null,
    pagesPerSecond: pages / run.seconds,
    mbPerSecond: bytes / mebibyte / run.seconds,
    peakRssMb: run.peakRssMb ?? null,
  };
}

function afterStartup(build: number, buildStartup: number, floor: number, floorStartup: number): number | null {
  const work = build - buildStartup;
  const floorWork = floor - floorStartup;
  return work > 0 && floorWork > 0 ? work / floorWork : null;
}

/** Ratios of each size to the previous one: 10× the pages should take about 10× the time, and less than 10× the memory. */
export function scaling(sizes: readonly SizeResult[]): Scaling[] {
  const ratios: Scaling[] = [];
  for (let i = 1; i < sizes.length; i++) {
    const a = sizes[i - 1]!;
    const b = sizes[i]!;
    ratios.push({
      from: a.pages,
      to: b.pages,
      pagesRatio: b.pages / a.pages,
      floorTimeRatio: b.floor.seconds / a.floor.seconds,
      coldTimeRatio: b.cold.seconds / a.cold.seconds,
      warmOneChangedTimeRatio: b.warmOneChanged.seconds / a.warmOneChanged.seconds,
      coldPeakRssRatio: a.cold.peakRssMb && b.cold.peakRssMb ? b.cold.peakRssMb / a.cold.peakRssMb : null,
    });
  }
  return ratios;
}
