/**
 * The bare floor: what reading and parsing every page costs with remark-parse alone, in one process on
 * one thread, with nothing else (no front matter plugin, no worker, no extraction, no output). A build
 * cannot be faster than this; `pipeline/bench/floor.ts` runs it as a child process so that its time and
 * memory are measured as a build's are.
 */
import { readFile } from 'node:fs/promises';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { limitOptions } from '../../build/lib/options.js';
import { listPages } from '../../build/lib/sources.js';

export interface FloorResult {
  pages: number;
  bytes: number;
  /** Time spent listing, reading and parsing, inside the process (without its start-up), in seconds. */
  seconds: number;
}

/** Reads and parses every page under `folder`, one after the other; each tree is dropped once made. */
export async function parseFloor(folder: string): Promise<FloorResult> {
  const started = process.hrtime.bigint();
  const processor = unified().use(remarkParse);
  let pages = 0;
  let bytes = 0;
  let nodes = 0;
  // The pages the build would read, listed as the build lists them.
  const { pages: listed } = await listPages(folder, { maxFiles: Number.POSITIVE_INFINITY, raise: limitOptions.maxFiles });
  for (const { path } of listed) {
    const data = await readFile(path);
    bytes += data.length;
    const tree = processor.parse(data.toString('utf8'));
    // Touch the result, so that no engine could skip the work.
    nodes += tree.children.length;
    pages++;
  }
  if (pages > 0 && nodes === 0) throw new Error('remark-parse returned empty trees');
  return { pages, bytes, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}
