import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

/**
 * Writes the files into a fresh folder beside `out`, then swaps it in: a reader of `out` sees the old
 * dataset or the new one, never a mix, and a failure part-way leaves the old one untouched.
 */
export async function writeAtomically(out: string, files: ReadonlyMap<string, string>): Promise<void> {
  const target = resolve(out);
  const staging = `${target}.staging-${process.pid}`;
  const previous = `${target}.previous-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  try {
    for (const [path, contents] of files) {
      const destination = join(staging, path);
      await mkdir(dirname(destination), { recursive: true });
      await writeFile(destination, contents, 'utf8');
    }
    await mkdir(dirname(target), { recursive: true });
    let hadPrevious = true;
    try {
      await rename(target, previous);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      hadPrevious = false;
    }
    await rename(staging, target);
    if (hadPrevious) await rm(previous, { recursive: true, force: true });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
