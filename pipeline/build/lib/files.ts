import { mkdir, readdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';

/** Every file under `folder`, at any depth, as absolute paths in path order; none when the folder is missing. */
export async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name)).sort();
}

/** Writes a file beside its place and renames it there: a reader never sees half of it. */
export async function writeWhole(path: string, text: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  // Named by process and thread: page workers keep files too.
  const partial = `${path}.${process.pid}.${threadId}.partial`;
  await writeFile(partial, text);
  await rename(partial, path);
}
