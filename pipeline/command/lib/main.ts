/**
 * The command line: `build` writes the dataset, `check` only validates. Problems are printed by
 * vfile-reporter as file:line:column with a rule id; the exit code is 0 on success, 1 when the input has
 * an error, 2 on a usage mistake, 74 when the system refused a file operation (a disk full, a folder
 * that cannot be written) and 70 on a fault of the pipeline itself. A user's mistake never prints a
 * stack trace.
 */
import { reporter } from 'vfile-reporter';
import { build, type DatasetCounts } from '../../build/index.js';
import { formatBytes } from '../../build/lib/limits.js';
import { defaultLimits, limitOptions, type BuildOptions, type Limits } from '../../build/lib/options.js';
import { readCommandLine, usageExitCode } from './arguments.js';
import { parseCount, parseDuration, parseSize } from './units.js';

/** Where the command writes: the process's streams, or a test's buffers. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Environment variables (DEBUG shows the stack of an internal error). */
  env?: Record<string, string | undefined>;
  /** Whether stderr is an interactive terminal: only then is progress shown as pages are read. */
  interactive?: boolean;
}

// 74 and 70 are sysexits.h's EX_IOERR and EX_SOFTWARE.
export const exitCodes = { ok: 0, inputError: 1, usage: usageExitCode, system: 74, internal: 70 } as const;

const usage = `Usage:
  npm run build -- [--source DIR] [--out DIR] [--base-iri IRI] [--strict] [--shard I/N] [limits]
  npm run check -- [--source DIR] [--strict] [limits]
  npm run merge -- [--source DIR] [--out DIR] [--base-iri IRI] [--strict] SHARD_DIR...

  --source DIR           folder of Markdown pages (default: source)
  --out DIR              folder to write the dataset to (default: dist; build only)
  --base-iri IRI         base of every record's @id (default: dataset.yml's baseIri)
  --strict               treat warnings as errors
  --shard I/N            read only part I of N of the pages (split by a hash of each path) and write
                         their outcomes to --out, for merge; merge builds --out from all N parts
                         exactly as one build of every page would
  --no-cache             read every page again (default: reuse what unchanged pages gave;
                         OPEN_DATA_PIPELINE_CACHE sets the cache folder)

Limits (exceeding one is an error that names it):
  ${`${limitOptions.maxFileSize} SIZE`.padEnd(22)} largest page or YAML file (default: ${formatBytes(defaultLimits.maxFileSize)}; units B, KB, MB, KiB, MiB)
  ${`${limitOptions.maxFiles} N`.padEnd(22)} most pages in the source folder (default: ${defaultLimits.maxFiles})
  ${`${limitOptions.maxDepth} N`.padEnd(22)} deepest Markdown nesting, in syntax-tree levels (default: ${defaultLimits.maxDepth})
  ${`${limitOptions.parseTimeout} TIME`.padEnd(22)} longest time to read (parse, extract) one page (default: ${defaultLimits.parseTimeout / 1000}s; units s, ms)`;

/** Runs the command line with `argv` (without node and the script) and returns the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    // Not a problem with the input: the machine refused, or a fault of the pipeline itself.
    const refused = systemRefusal(error);
    if (refused !== undefined) {
      io.stderr(`${refused}\n`);
      return exitCodes.system;
    }
    const detail = error instanceof Error ? error.message : String(error);
    io.stderr(`internal error: ${detail}\n(set DEBUG=1 for details; please report it)\n`);
    if (io.env?.['DEBUG'] && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    return exitCodes.internal;
  }
}

/** What to do about each error of the system a build may meet: its cause lies outside the pipeline. */
const systemErrors: Record<string, string> = {
  ENOSPC: 'the disk is full: free some space and run it again',
  EDQUOT: 'the disk quota is used up: free some space and run it again',
  EROFS: 'the file system is read-only: choose a path that can be written',
  EACCES: 'permission denied: check the permissions of that path',
  EPERM: 'operation not permitted: check the permissions of that path',
  ENOTDIR: 'a part of the path is a file, not a folder: choose another path',
  EMFILE: 'too many files open at once: raise the limit (ulimit -n) and run it again',
  ENFILE: 'too many files open on the system: run it again when fewer are',
  EIO: 'the disk reported an input/output error',
};

/** The message for an error the system raised (see systemErrors); none for any other error. */
function systemRefusal(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (!(error instanceof Error) || typeof code !== 'string' || !Object.hasOwn(systemErrors, code)) return undefined;
  // A worker's fault carries its stack after the message: its first line says what failed.
  const what = error.message.split('\n')[0];
  return `stopped: ${what}\n${systemErrors[code]}; the output folder was left as it was`;
}

async function run(argv: string[], io: Io): Promise<number> {
  const parsed = readCommandLine(
    {
      args: argv,
      allowPositionals: true,
      options: {
        source: { type: 'string', default: 'source' },
        out: { type: 'string', default: 'dist' },
        'base-iri': { type: 'string' },
        strict: { type: 'boolean', default: false },
        'no-cache': { type: 'boolean', default: false },
        shard: { type: 'string' },
        'max-file-size': { type: 'string' },
        'max-files': { type: 'string' },
        'max-depth': { type: 'string' },
        'parse-timeout': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    },
    usage,
    { stderr: io.stderr, help: io.stderr },
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const command = positionals[0];
  const shardFolders = positionals.slice(1);
  if ((command !== 'build' && command !== 'check' && command !== 'merge') || (command === 'merge' ? shardFolders.length === 0 : shardFolders.length > 0)) {
    io.stderr(`${usage}\n`);
    return exitCodes.usage;
  }
  const baseIri = values['base-iri'];
  if (baseIri !== undefined && !/^https?:\/\/\S+[/#]$/.test(baseIri)) {
    io.stderr(`--base-iri must be an http(s) IRI that ends with '/' or '#', got ${JSON.stringify(baseIri)}\n`);
    return exitCodes.usage;
  }
  let shard: BuildOptions['shard'];
  if (values.shard !== undefined) {
    const match = /^(\d+)\/(\d+)$/.exec(values.shard);
    const [index, count] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
    if (command !== 'build' || index < 1 || index > count) {
      io.stderr(`--shard must be I/N with 1 ≤ I ≤ N, with build, got ${JSON.stringify(values.shard)}\n`);
      return exitCodes.usage;
    }
    shard = { index, count };
  }
  const limits: Partial<Limits> = {};
  const readers: Array<[keyof Limits, (text: string) => number | undefined, string]> = [
    ['maxFileSize', parseSize, 'a size such as 4MiB'],
    ['maxFiles', parseCount, 'a whole number'],
    ['maxDepth', parseCount, 'a whole number'],
    ['parseTimeout', parseDuration, 'a duration such as 20s'],
  ];
  for (const [limit, read, expected] of readers) {
    const option = limitOptions[limit];
    const text = values[option.slice(2) as 'max-file-size' | 'max-files' | 'max-depth' | 'parse-timeout'];
    if (text === undefined) continue;
    const value = read(text);
    if (value === undefined) {
      io.stderr(`${option} must be ${expected}, got ${JSON.stringify(text)}\n`);
      return exitCodes.usage;
    }
    limits[limit] = value;
  }

  const started = performance.now();
  const progress = io.interactive ? progressLine(io, started) : undefined;
  const result = await build({
    source: values.source,
    ...(command !== 'check' ? { out: values.out } : {}),
    ...(shard ? { shard } : {}),
    ...(command === 'merge' ? { shards: shardFolders } : {}),
    ...(baseIri !== undefined ? { baseIri } : {}),
    strict: values.strict,
    ...(values['no-cache'] ? { cache: false as const } : {}),
    limits,
    ...(progress ? { progress: progress.update } : {}),
    // The command reports counts, never records: they may go once written.
    keepDataset: false,
    // One build per process: the page workers are not needed once the pages are read.
    keepWorkers: false,
  });
  progress?.clear();
  const report = reporter(result.files, { quiet: true });
  if (report !== '') io.stderr(`${report}\n`);
  if (!result.ok || (!result.counts && !shard)) {
    io.stderr(`${command} failed: nothing was written\n`);
    return exitCodes.inputError;
  }
  const seconds = (performance.now() - started) / 1000;
  if (shard) {
    const read = result.pages?.read ?? 0;
    io.stdout(`Built shard ${shard.index}/${shard.count} into ${values.out}/: ${read} page${read === 1 ? '' : 's'} (${seconds.toFixed(1)} s)\n`);
    return exitCodes.ok;
  }
  const recorded = result.counts!;
  const pages = recorded.documents;
  const what = command === 'check' ? 'Checked' : `Built ${values.out}/ (${result.written?.size ?? 0} files)`;
  const cached = result.pages && result.pages.fromCache > 0 ? `, ${result.pages.fromCache} unchanged from the cache` : '';
  const kept = result.reused ? `; ${values.out}/ already held this output and was kept` : '';
  io.stdout(`${what} from ${pages} page${pages === 1 ? '' : 's'}: ${counts(recorded)} (${seconds.toFixed(1)} s${cached}${kept})\n`);
  return exitCodes.ok;
}

/**
 * Progress on an interactive terminal: pages done, rate and time left, redrawn at most ten times a second
 * on one line that is cleared before the report.
 */
function progressLine(io: Io, started: number): { update: (done: number, total: number) => void; clear: () => void } {
  let drawn = 0;
  let shown = false;
  return {
    update: (done, total) => {
      const now = performance.now();
      if (now - drawn < 100 && done < total) return;
      drawn = now;
      shown = true;
      const rate = done / Math.max((now - started) / 1000, 0.001);
      const left = rate > 0 ? (total - done) / rate : 0;
      io.stderr(`\r\u001b[KReading pages: ${done}/${total} (${Math.round(rate)} pages/s, ${Math.ceil(left)} s left)`);
    },
    clear: () => {
      if (shown) io.stderr('\r\u001b[K');
    },
  };
}

function counts(recorded: DatasetCounts): string {
  const parts: Array<[number, string, string]> = [
    [recorded.organizations, 'organization', 'organizations'],
    [recorded.people, 'person', 'people'],
    [recorded.places, 'place', 'places'],
    [recorded.events, 'event', 'events'],
    [recorded.terms, 'term', 'terms'],
    [recorded.mentions, 'mention', 'mentions'],
  ];
  return parts.map(([n, one, many]) => `${n} ${n === 1 ? one : many}`).join(', ');
}
