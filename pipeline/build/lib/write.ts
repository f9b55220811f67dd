import { lstat, mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { FileSink, FileWriter, Fingerprint, Scratch } from '../../emit/index.js';
import { FileHasher } from './file-hasher.js';
import { FileScratch } from './scratch-file.js';
import { exists, recover, syncFolder, writePaths, type WritePaths } from './recover.js';
import { writeAll } from './files.js';

export { recoverInterruptedWrite } from './recover.js';

/**
 * Test hook: when OPEN_DATA_PIPELINE_KILL_AT names one of these points, the build sends itself SIGKILL
 * there, so that a test can check that `out` survives a crash at that very point. Unset, it costs one
 * string comparison per point.
 */
export const killPoints = [
  'staging-first-file', // the first file is written and synced
  'staging-written', // every file and folder is written and synced, the marker is not written yet
  'staging-complete', // the marker is written, `out` is not moved yet
  'between-renames', // the old `out` is moved aside, the new one is not in place yet
  'swapped', // the new `out` is in place, the old one is not deleted yet
  'previous-deleted', // the old one is deleted, the marker is not yet
] as const;
export type KillPoint = (typeof killPoints)[number];

function killPoint(point: KillPoint): void {
  if (process.env['OPEN_DATA_PIPELINE_KILL_AT'] === point) process.kill(process.pid, 'SIGKILL');
}

/**
 * What to write: files as strings, or a writer that writes them into the staging folder through a
 * sink (a piece at a time) and may read them back from there; a writer that throws abandons the write.
 */
export type Contents = ReadonlyMap<string, string> | ((sink: FileSink, folder: string) => Promise<void>);

/** Writes of each `out` in this process, one after another: a write's folders are named by the pid. */
const running = new Map<string, Promise<Written>>();

/** What a write put in `out`: each file's path, size and SHA-256, in the order written. */
export type Written = Map<string, Fingerprint>;

/**
 * Writes the files into a fresh folder beside `out`, then swaps it in: a reader of `out` sees the old
 * dataset or the new one, never a mix, and a failure part-way leaves the old one untouched. Every file
 * and folder is synced before the swap, so a crash after it never exposes a truncated file, and a
 * process killed at any point leaves what the next write (or `recoverInterruptedWrite`) repairs: see
 * `WritePaths` for the protocol.
 */
export async function writeAtomically(out: string, files: Contents): Promise<Written> {
  const target = resolve(out);
  const before = running.get(target) ?? Promise.resolve();
  const write = before.catch(() => undefined).then(() => writeNow(target, files));
  running.set(target, write);
  try {
    return await write;
  } finally {
    if (running.get(target) === write) running.delete(target);
  }
}

async function writeNow(target: string, files: Contents): Promise<Written> {
  // No other write of `target` runs in this process now: leftovers named with its pid are a dead one's.
  await recover(target, true);
  const paths = writePaths(target, process.pid);
  await mkdir(dirname(target), { recursive: true });
  let movedAside = false;
  let written: Written;
  try {
    written = await writeStaging(paths.staging, files);
    killPoint('staging-written');
    await writeMarker(paths);
    killPoint('staging-complete');
    movedAside = await swap(paths);
    killPoint('swapped');
  } catch (error) {
    // Should tidying up fail too, the next write repairs what is left: the first error is the one to report.
    await abandon(paths, movedAside).catch(() => undefined);
    throw error;
  }
  // Done: the old dataset goes first, the marker last (see WritePaths).
  await rm(paths.previous, { recursive: true, force: true });
  killPoint('previous-deleted');
  await rm(paths.complete, { force: true });
  return written;
}

async function writeStaging(staging: string, files: Contents): Promise<Written> {
  await mkdir(staging);
  const hasher = new FileHasher();
  try {
    const sink = new FolderSink(staging, hasher);
    if (typeof files === 'function') await files(sink, staging);
    else for (const [path, contents] of files) await sink.write(path, [contents]);
    await sink.synced();
    // Deepest first, so each folder's entry in its parent is synced after its own entries.
    for (const folder of [...sink.folders].sort((a, b) => b.length - a.length)) await syncFolder(folder);
    return await sink.finished();
  } finally {
    await hasher.close();
  }
}

/** Bytes written between two words to the hashing thread of how far a file is written. */
const hashStep = 8 << 20;

/** Bytes gathered before a write to the file: few system calls, little memory. */
const writeSize = 1 << 20;

const encoder = new TextEncoder();

/**
 * Writes each file into the staging folder as its pieces come and syncs it; its size and SHA-256 are
 * those of the file read back from disk (see FileHasher).
 */
class FolderSink implements FileSink {
  /** The folders written into, the staging folder included, to be synced once every file is in. */
  readonly folders: Set<string>;
  /** The files in the order they were opened (a Map keeps it), and each one's fingerprint once it is closed. */
  readonly #fingerprints = new Map<string, Promise<Fingerprint> | undefined>();
  readonly #syncs: Array<Promise<void>> = [];
  /**
   * The last sync begun: files are synced one after another. Each fsync holds one of the four threads
   * of libuv's pool until the disk has the file (seconds, for a gigabyte); thirteen at once held all
   * four, and the next file's open and writes, the hashing thread's reads and the check's waited.
   */
  #lastSync: Promise<void> = Promise.resolve();

  constructor(
    readonly staging: string,
    private readonly hasher: FileHasher,
  ) {
    this.folders = new Set([staging]);
  }

  /** Every file is read back (writeDataset awaited their fingerprints): the hashing thread is stopped, its memory given back. */
  async done(): Promise<void> {
    await this.finished();
    await this.hasher.close();
  }

  #scratches = 0;

  /** A scratch file in the staging folder, named as no emitted file is; deleted when closed, and with the folder should the write fail. */
  scratch(): Promise<Scratch> {
    return FileScratch.create(join(this.staging, `.scratch-${++this.#scratches}`));
  }

  /** Every file closed is on disk (synced). */
  async synced(): Promise<void> {
    await Promise.all(this.#syncs);
  }

  /** What was written, in the order the files were opened, once every file is read back. */
  async finished(): Promise<Written> {
    return new Map(await Promise.all([...this.#fingerprints].map(async ([path, fingerprint]) => [path, await (fingerprint ?? Promise.reject(new Error(`${path} was opened and never closed`)))] as const)));
  }

  async write(path: string, pieces: Iterable<string>): Promise<Fingerprint> {
    const writer = await this.open(path);
    try {
      for (const piece of pieces) await writer.write(piece);
    } catch (error) {
      await writer.abandon();
      throw error;
    }
    return writer.close();
  }

  async open(path: string): Promise<FileWriter> {
    const destination = join(this.staging, path);
    this.#fingerprints.set(path, undefined);
    for (let folder = dirname(destination); folder.length > this.staging.length; folder = dirname(folder)) this.folders.add(folder);
    await mkdir(dirname(destination), { recursive: true });
    const handle = await open(destination, 'wx');
    // Read back as it is written, a few megabytes behind: the hashing ends soon after the file does.
    const hashing = this.hasher.follow(destination);
    let onDisk = 0;
    let told = 0;
    // Pieces are copied (text encoded) into one block of the file's own, written when full and then
    // reused: at 10,000 pages the files are gigabytes, and a buffer per piece left that much garbage
    // outside the heap for the collector, which held it for long (the build's resident memory doubled).
    let block: Buffer | undefined;
    let used = 0;
    const writeOut = async (bytes: Uint8Array) => {
      await writeAll(handle, bytes);
      onDisk += bytes.byteLength;
      if (onDisk - told >= hashStep) {
        hashing.written(onDisk);
        told = onDisk;
      }
    };
    const flush = async () => {
      if (used === 0) return;
      await writeOut(block!.subarray(0, used));
      used = 0;
    };
    let fingerprint: Promise<Fingerprint> | undefined;
    return {
      write: async (piece) => {
        if (typeof piece !== 'string' && piece.byteLength >= writeSize) {
          // A large piece of bytes goes as it is, after what is gathered.
          await flush();
          await writeOut(piece);
          return;
        }
        block ??= Buffer.allocUnsafeSlow(writeSize);
        if (typeof piece !== 'string') {
          if (used + piece.byteLength > writeSize) await flush();
          block.set(piece, used);
          used += piece.byteLength;
          return;
        }
        // Text is encoded straight into the block, as much as fits (whole characters), the rest after a write.
        for (let rest = piece; ; ) {
          const { read, written } = encoder.encodeInto(rest, block.subarray(used));
          used += written;
          if (read === rest.length) return;
          rest = rest.slice(read);
          await flush();
        }
      },
      close: () => {
        fingerprint ??= (async () => {
          try {
            await flush();
          } catch (error) {
            await handle.close();
            throw error;
          }
          // Synced in its own time: the fingerprint (of the bytes read back, which the page cache holds)
          // and the check do not wait for the disk; the swap does (see synced).
          // Syncs run in the order they are begun: the first begun is the first on disk.
          const first = this.#syncs.length === 0;
          const synced = this.#lastSync.then(async () => {
            try {
              await handle.sync();
            } finally {
              await handle.close();
            }
            if (first) killPoint('staging-first-file');
          });
          synced.catch(() => undefined);
          this.#syncs.push(synced);
          // The next file's sync follows this one's end, whatever it was (its failure is the swap's business).
          this.#lastSync = synced.catch(() => undefined);
          return hashing.finish();
        })();
        this.#fingerprints.set(path, fingerprint);
        return fingerprint;
      },
      abandon: async () => {
        // The hashing thread lets go of the file too.
        hashing.finish().catch(() => undefined);
        await handle.close();
      },
    };
  }
}

async function writeMarker(paths: WritePaths): Promise<void> {
  const handle = await open(paths.complete, 'wx');
  try {
    await handle.writeFile(`${paths.staging} is complete: every file in it is written and synced.\n`, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await syncFolder(dirname(paths.target));
}

/**
 * Moves `out` aside and the staging folder into its place; says whether there was an `out` to move.
 * When another build puts its own `out` in place between the two renames (the rename then fails as
 * the place is taken), that newer dataset is moved aside in turn, a few times at most.
 */
async function swap(paths: WritePaths): Promise<boolean> {
  let movedAside = false;
  for (let attempt = 1; ; attempt++) {
    try {
      await rename(paths.target, paths.previous);
      movedAside = true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    killPoint('between-renames');
    try {
      await rename(paths.staging, paths.target);
      await syncFolder(dirname(paths.target));
      return movedAside;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (attempt >= 3 || (code !== 'ENOTEMPTY' && code !== 'EEXIST')) throw error;
      // The dataset moved aside is older than the one now in place: it may go.
      await rm(paths.previous, { recursive: true, force: true });
      movedAside = false;
    }
  }
}

/**
 * After a failure: puts the old `out` back if it was moved aside and nothing took its place, then
 * tidies up, the marker before the staging folder so that a half-deleted one never looks complete.
 */
async function abandon(paths: WritePaths, movedAside: boolean): Promise<void> {
  if (movedAside && !(await exists(paths.target))) {
    await rename(paths.previous, paths.target);
    await syncFolder(dirname(paths.target));
  }
  await rm(paths.previous, { recursive: true, force: true });
  await rm(paths.complete, { force: true });
  await rm(paths.staging, { recursive: true, force: true });
}

const checksumLine = /^[0-9a-f]{64} [ *](.+)$/;

/**
 * Why the build must not replace `out`, or undefined when it may: `out` does not exist, is an empty
 * folder, or holds only what a build wrote (every file, at any depth, is SHA256SUMS or listed in it).
 * The message names the first other file, in sorted order. Hashes are not checked: a file a build
 * wrote and someone edited is still the build's.
 */
export async function checkReplaceable(out: string): Promise<string | undefined> {
  const target = resolve(out);
  let stats;
  try {
    stats = await lstat(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if (stats.isSymbolicLink()) return `--out ${out} is a symbolic link: the build would replace the link, not what it points to; give the folder itself`;
  if (!stats.isDirectory()) return `--out ${out} is a file, not a folder: move it away or choose another --out`;

  const found: string[] = [];
  const walk = async (folder: string, prefix: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      if (entry.isDirectory()) await walk(join(folder, entry.name), `${prefix}${entry.name}/`);
      else found.push(`${prefix}${entry.name}`);
    }
  };
  await walk(target, '');
  if (found.length === 0) return undefined;

  const listed = new Set<string>(['SHA256SUMS']);
  if (found.includes('SHA256SUMS')) {
    const sums = await readFile(join(target, 'SHA256SUMS'), 'utf8');
    for (const line of sums.split('\n')) {
      const path = checksumLine.exec(line)?.[1];
      if (path !== undefined) listed.add(path);
    }
  }
  const unexpected = found.sort().find((path) => !listed.has(path));
  return unexpected === undefined ? undefined : `--out ${out} holds ${unexpected}, which no build wrote: move it away or choose another --out`;
}
