import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { VFile } from 'vfile';
import { fileWithError, hasErrors } from '../../model/lib/diagnostics.js';
import { pipelineVersion } from './cache.js';
import type { PageOutcome } from './page-task.js';

/** A part of the corpus: shard `index` (1-based) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/** What a shard build writes: the outcome of each of its pages, for the merge. */
export interface ShardOutput {
  format: 'open-data-pipeline-shard';
  /** The pipeline's version (pipelineVersion): shards of different code are never merged. */
  pipeline: string;
  shard: Shard;
  pages: Array<{ relativePath: string; outcome: PageOutcome }>;
}

export const shardFile = 'shard.json';

/** The shard a page belongs to: a hash of its path, so the split is the same on every machine and run. */
export function shardOf(relativePath: string, count: number): number {
  return (createHash('sha256').update(relativePath).digest().readUInt32BE(0) % count) + 1;
}

/** The files of a shard's output folder: shard.json and its checksum. */
export async function shardFiles(shard: Shard, pages: ShardOutput['pages']): Promise<Map<string, string>> {
  const output: ShardOutput = { format: 'open-data-pipeline-shard', pipeline: await pipelineVersion(), shard, pages };
  const text = `${JSON.stringify(output)}\n`;
  return new Map([
    [shardFile, text],
    ['SHA256SUMS', `${createHash('sha256').update(text).digest('hex')}  ${shardFile}\n`],
  ]);
}

/**
 * Reads shard outputs for the merge: they must be of this pipeline's version, one of each index of the
 * same count, and together hold exactly the pages of the source folder. Problems are errors on `files`.
 */
export async function readShards(folders: readonly string[], expected: readonly string[], files: VFile[]): Promise<Map<string, PageOutcome> | undefined> {
  const version = await pipelineVersion();
  const outcomes = new Map<string, PageOutcome>();
  const seen = new Map<number, string>();
  let count: number | undefined;
  const problem = (path: string, reason: string) => files.push(fileWithError(path, reason, 'shard'));
  for (const folder of folders) {
    const path = join(folder, shardFile);
    let output: ShardOutput;
    try {
      output = JSON.parse(await readFile(path, 'utf8')) as ShardOutput;
    } catch (error) {
      problem(path, `Cannot read shard output: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      continue;
    }
    if (output.format !== 'open-data-pipeline-shard') {
      problem(path, 'Not a shard output of this pipeline');
      continue;
    }
    if (output.pipeline !== version) {
      problem(path, 'Shard was built by another version of the pipeline: build every shard with the same code');
      continue;
    }
    count ??= output.shard.count;
    if (output.shard.count !== count) problem(path, `Shard is one of ${output.shard.count}, the others of ${count}`);
    const earlier = seen.get(output.shard.index);
    if (earlier) problem(path, `Shard ${output.shard.index}/${output.shard.count} is given twice (also ${earlier})`);
    seen.set(output.shard.index, path);
    for (const { relativePath, outcome } of output.pages) outcomes.set(relativePath, outcome);
  }
  if (count !== undefined) {
    const missing = Array.from({ length: count }, (_, i) => i + 1).filter((index) => !seen.has(index));
    if (missing.length > 0) problem(folders[0] ?? '.', `Shards ${missing.map((i) => `${i}/${count}`).join(', ')} are missing`);
  }
  const inSource = new Set(expected);
  const unknown = [...outcomes.keys()].filter((path) => !inSource.has(path));
  const absent = expected.filter((path) => !outcomes.has(path));
  if (unknown.length > 0) problem(folders[0] ?? '.', `Shards hold pages the source folder does not: ${unknown.slice(0, 5).join(', ')}: rebuild the shards from this source`);
  if (absent.length > 0) problem(folders[0] ?? '.', `Shards lack pages of the source folder: ${absent.slice(0, 5).join(', ')}: rebuild the shards from this source`);
  return hasErrors(files) ? undefined : outcomes;
}
