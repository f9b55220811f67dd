/**
 * npm run bench -- [--sizes 100,1000,10000] [--seed N] [--out FILE] [--keep]
 *
 * Generates a synthetic corpus in the seed page's genre for each size and measures, on the same corpus:
 * the bare floor (remark-parse alone), a cold build, a warm rebuild after one page changed and after
 * nothing changed. Prints a table and writes the figures as JSON so runs can be compared. Exit code 0 on
 * success, 1 when a phase fails (with the end of its stderr), 2 on a wrong command line.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { readCommandLine } from '../command/index.js';
import { BenchError, formatReport, projectRoot, runBench, type BenchResult } from './index.js';

const usage = `Usage:
  npm run bench -- [--sizes 100,1000,10000] [--seed N] [--out FILE] [--keep]

  --sizes LIST   page counts, comma-separated, run in this order (default: 100,1000,10000)
  --seed N       seed of the synthetic corpus: the same seed gives the same pages (default: 1)
  --out FILE     where the JSON figures are written
                 (default: .cache/bench/results-seed<N>-<sizes>.json)
  --keep         keep the temporary corpora and datasets, and print where they are`;

async function main(argv: string[]): Promise<number> {
  const parsed = readCommandLine(
    {
      args: argv,
      allowPositionals: false,
      options: {
        sizes: { type: 'string', default: '100,1000,10000' },
        seed: { type: 'string', default: '1' },
        out: { type: 'string' },
        keep: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    },
    usage,
    { stderr: (text) => process.stderr.write(text), help: (text) => process.stdout.write(text) },
  );
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const sizes = values.sizes.split(',').map((size) => size.trim().replace(/_/g, ''));
  if (sizes.some((size) => !/^[1-9]\d{0,6}$/.test(size))) {
    process.stderr.write(`--sizes must be page counts from 1 to 9999999, comma-separated; got ${JSON.stringify(values.sizes)}\n\n${usage}\n`);
    return 2;
  }
  if (!/^-?\d{1,10}$/.test(values.seed)) {
    process.stderr.write(`--seed must be a whole number; got ${JSON.stringify(values.seed)}\n\n${usage}\n`);
    return 2;
  }
  const seed = Number(values.seed);
  const pageCounts = sizes.map(Number);
  const out = resolve(values.out ?? `${projectRoot}/.cache/bench/results-seed${seed}-${pageCounts.join('-')}.json`);

  try {
    await report(await runBench({ sizes: pageCounts, seed, keep: values.keep, log: (line) => process.stderr.write(`bench: ${line}\n`) }), out);
    return 0;
  } catch (error) {
    if (!(error instanceof BenchError)) throw error;
    // What was measured before the failure is still written, with the failure (its time and peak memory).
    if (error.result) await report(error.result, out);
    process.stderr.write(`bench failed: ${error.message}\n`);
    return 1;
  }
}

async function report(result: BenchResult, out: string): Promise<void> {
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(formatReport(result));
  const shown = relative(process.cwd(), out);
  process.stdout.write(`\nWrote ${shown.startsWith('..') ? out : shown}\n`);
}

process.exitCode = await main(process.argv.slice(2));
