/**
 * The bare floor: what reading and parsing every page costs with remark-parse alone, in one process on
 * one thread, with nothing else (no front matter plugin, no worker, no extraction, no output). A build
 * cannot be faster than this; `pipeline/bench/floor.ts` runs it as a child process so that its time and
 * memory are measured as a build's are.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

export interface FloorResult {
  pages: number;
  bytes: number;
  /** Time spent listing, reading and parsing, inside the process (without its start-up), in seconds. */
  seconds: number;
}

/** The Markdown pages under a folder, relative, sorted (as the build lists them: `.md`, any depth). */
export async function listMarkdown(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** Reads and parses every page under `folder`, one after the other; each tree is dropped once made. */
export async function parseFloor(folder: string): Promise<FloorResult> {
  const started = process.hrtime.bigint();
  const processor = unified().use(remarkParse);
  let pages = 0;
  let bytes = 0;
  let nodes = 0;
  for (const path of await listMarkdown(folder)) {
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
