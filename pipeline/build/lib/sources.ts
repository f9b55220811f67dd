import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { VFile } from 'vfile';
import { fileWithError } from '../../model/lib/diagnostics.js';
import { closeFile, openFile, readInto } from './files.js';

/** A page found in the source folder, with its size in bytes and when it was last modified (milliseconds since 1970). */
export interface PageSource {
  path: string;
  size: number;
  modified?: number;
  /**
   * Which file the page is, as it was when listed: its device and inode, size, and the times it was
   * last modified and last changed, in nanoseconds (see ContentHashes). None for a file changed less
   * than `settledAfter` before it was listed: a file system's clock moves in ticks, and a page written
   * twice within one, the second time after it was read, would look unchanged.
   */
  identity?: string;
}

/** How long ago a page must have last changed, when listed, to have an identity (see PageSource.identity). */
export const settledAfter = 2_000;

/** What listing a source folder found: its pages in a stable order, and files with problems. */
export interface SourceListing {
  pages: PageSource[];
  problems: VFile[];
}

const pageName = /\.(md|markdown)$/i;

/**
 * The pages of a source folder: every .md or .markdown file under it, by path, in a stable order.
 * A symbolic link is followed only when it stays inside the folder; one that leads out of it, a page
 * that is not a regular file (a FIFO would block the build), and more pages than `maxFiles` are errors.
 */
export async function listPages(source: string, limits: { maxFiles: number; raise: string; listedAt?: number }): Promise<SourceListing> {
  const pages: PageSource[] = [];
  const listedAt = limits.listedAt ?? Date.now();
  const measure = (path: string) => statPage(path, listedAt);
  const problems: VFile[] = [];
  const problem = (path: string, reason: string, ruleId: string) => problems.push(fileWithError(displayPath(path), reason, ruleId));
  let root: string;
  try {
    root = await realpath(source);
    if (!(await stat(root)).isDirectory()) {
      problem(source, 'Source is not a folder: give --source the folder that holds the pages', 'source-folder');
      return { pages, problems };
    }
  } catch (error) {
    problem(source, `Cannot read source folder: ${describe(error)}`, 'source-folder');
    return { pages, problems };
  }
  const visited = new Set<string>([root]);
  let tooMany = false;

  const walk = async (folder: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      problem(folder, `Cannot read folder: ${describe(error)}`, 'source-folder');
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    // The folder's pages are measured all at once, not one after another: a corpus of 10,000 pages waited
    // 10,000 times on a thread of libuv's pool.
    const measured = new Map(
      await Promise.all(
        entries
          .filter((entry) => entry.isFile() && pageName.test(entry.name))
          // No more than the limit lets be read (a folder of a million pages is refused, not measured).
          .slice(0, limits.maxFiles - pages.length + 1)
          .map(async (entry) => [entry.name, await measure(join(folder, entry.name)).catch(() => undefined)] as const),
      ),
    );
    for (const entry of entries) {
      if (tooMany) return;
      const path = join(folder, entry.name);
      let target = path;
      let kind: { isDirectory(): boolean; isFile(): boolean } = entry;
      if (entry.isSymbolicLink()) {
        try {
          target = await realpath(path);
        } catch (error) {
          if (pageName.test(entry.name)) problem(path, `Symbolic link leads nowhere (${describe(error)}): remove it or point it at a page`, 'symlink-broken');
          continue;
        }
        if (target !== root && !target.startsWith(root + sep)) {
          problem(path, `Symbolic link leads out of the source folder, to ${target}: copy the page into the source folder instead`, 'symlink-outside');
          continue;
        }
        kind = await lstat(target);
      }
      if (kind.isDirectory()) {
        if (visited.has(target)) continue;
        visited.add(target);
        await walk(path);
      } else if (pageName.test(entry.name)) {
        if (!kind.isFile()) {
          problem(path, 'Page is not a regular file (a pipe, socket or device): replace it with the file itself', 'not-a-file');
          continue;
        }
        if (pages.length >= limits.maxFiles) {
          tooMany = true;
          problem(source, `Source folder holds more than ${limits.maxFiles} pages, the limit: split the corpus, or raise the limit with ${limits.raise}`, 'limit-files');
          return;
        }
        pages.push({ path, ...(measured.get(entry.name) ?? (await measure(target))) });
      }
    }
  };
  await walk(source);
  pages.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { pages, problems };
}

/** A page's size, when it was last modified, and its identity (see PageSource.identity) when it last changed before `listedAt - settledAfter`. */
async function statPage(path: string, listedAt: number): Promise<Omit<PageSource, 'path'>> {
  const { dev, ino, size, mtimeNs, ctimeNs } = await stat(path, { bigint: true });
  const settled = ctimeNs <= BigInt(listedAt - settledAfter) * 1_000_000n;
  return { size: Number(size), modified: Number(mtimeNs / 1_000_000n), ...(settled ? { identity: `${dev}:${ino}:${size}:${mtimeNs}:${ctimeNs}` } : {}) };
}

/** Path of a page relative to the source folder, with '/' separators whatever the system. */
export function relativePath(source: string, path: string): string {
  return relative(source, path).split(sep).join('/');
}

/** A path as the user would type it: relative to the working folder. */
export function displayPath(path: string): string {
  return relativePath(process.cwd(), path) || '.';
}

/** A page's bytes as they are now; `size`, what it measured when listed, saves measuring it again. */
export async function readBytes(path: string, size?: number): Promise<Uint8Array> {
  if (size === undefined) return new Uint8Array(await readFile(path));
  // One byte more than the page had when listed: a read that gets them all finds it grew since, and the
  // page is read whole as it is now. One that gets fewer has reached the page's end (a regular file).
  const bytes = new Uint8Array(size + 1);
  const fd = await openFile(path, 'r');
  try {
    const { bytesRead } = await readInto(fd, bytes, 0, bytes.byteLength, 0);
    if (bytesRead > size) return new Uint8Array(await readFile(path));
    return bytes.subarray(0, bytesRead);
  } finally {
    await closeFile(fd);
  }
}

function describe(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}
