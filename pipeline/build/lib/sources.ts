import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { VFile } from 'vfile';
import { reportError } from '../../model/lib/diagnostics.js';

/** The pages of a source folder: every .md or .markdown file under it, by path, in a stable order. */
export async function listPages(source: string): Promise<{ pages: string[]; problems: VFile[] }> {
  const pages: string[] = [];
  const problems: VFile[] = [];
  const walk = async (folder: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      const file = new VFile({ path: folder });
      reportError(file, `Cannot read source folder: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, undefined, 'source-folder');
      problems.push(file);
      return;
    }
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile() && /\.(md|markdown)$/i.test(entry.name)) pages.push(path);
    }
  };
  await walk(source);
  pages.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { pages, problems };
}

/** Path of a page relative to the source folder, with '/' separators whatever the system. */
export function relativePath(source: string, path: string): string {
  return relative(source, path).split(sep).join('/');
}

export async function readBytes(path: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(path));
}
