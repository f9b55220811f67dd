import { closeSync, openSync, readSync } from 'node:fs';
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { threadId } from 'node:worker_threads';
import { writeAll } from './files.js';

/**
 * The page summaries of the last builds in one file, so that a rebuild of 10,000 pages opens one file
 * and not 10,000 (the opens were a third of its time reading them). One line per page: its cache key,
 * a tab, its summary as JSON. Only an index: a key it lacks is looked up in the page's own file, and a
 * line that is not of this shape ends what is read of it (a file cut short loses only its end). A
 * build appends the summaries the pack lacks, so a key may have several lines: the last one counts
 * (a summary is a pure function of its key, so they are the same anyway). The file is read through once
 * to index it, and a summary's text is read when asked for, a few megabytes at a time: a rebuild of
 * 10,000 pages held the whole pack (130 MB) while it parsed the summaries, its peak of memory.
 */
export class SummaryPack {
  /** The bytes of the file read last, and where they start in it. */
  #block: Buffer | undefined;
  #blockStart = 0;
  #blockEnd = 0;

  private constructor(
    private readonly fd: number | undefined,
    private readonly lines: ReadonlyMap<string, { start: number; end: number }>,
    /** Lines read, a key's older lines included. */
    readonly lineCount: number,
    /** Whether every byte of the file is in a whole line (none cut short or damaged). */
    readonly whole: boolean,
  ) {}

  static empty(): SummaryPack {
    return new SummaryPack(undefined, new Map(), 0, true);
  }

  /** The pack at `path`; an empty one when there is none or it cannot be read. */
  static async read(path: string): Promise<SummaryPack> {
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch {
      return SummaryPack.empty();
    }
    try {
      const lines = new Map<string, { start: number; end: number }>();
      let lineCount = 0;
      // Read a block at a time; a line that runs past a block's end is read again from its start.
      const block = Buffer.allocUnsafeSlow(readSize);
      let position = 0;
      for (;;) {
        const length = readSync(fd, block, 0, block.byteLength, position);
        if (length === 0) return new SummaryPack(fd, lines, lineCount, true);
        let start = 0;
        for (;;) {
          const end = block.indexOf(newlineByte, start);
          if (end < 0 || end >= length) break;
          const tab = block.indexOf(tabByte, start);
          if (tab < 0 || tab > end || tab - start !== keyLength) return new SummaryPack(fd, lines, lineCount, false);
          lines.set(block.toString('latin1', start, tab), { start: position + tab + 1, end: position + end });
          lineCount++;
          start = end + 1;
        }
        // No whole line in a full block: a line longer than a block, read it alone.
        if (start === 0 && length === block.byteLength) {
          const line = readLine(fd, position);
          if (!line) return new SummaryPack(fd, lines, lineCount, false);
          lines.set(line.key, { start: position + keyLength + 1, end: position + line.length - 1 });
          lineCount++;
          position += line.length;
          continue;
        }
        // What follows the last whole line is read again with the next block; at the end, it is a line cut short.
        if (length < block.byteLength && start < length) return new SummaryPack(fd, lines, lineCount, false);
        position += start;
      }
    } catch {
      closeSync(fd);
      return SummaryPack.empty();
    }
  }

  get size(): number {
    return this.lines.size;
  }

  has(key: string): boolean {
    return this.lines.has(key);
  }

  /** Where the summary kept under `key` starts in the file (to read many in the file's order). */
  startOf(key: string): number | undefined {
    return this.lines.get(key)?.start;
  }

  /**
   * The JSON text of the summary kept under `key`, as bytes, or none. The bytes are a view of what was
   * read from the file, good until the next call: use them at once.
   */
  text(key: string): Buffer | undefined {
    const line = this.lines.get(key);
    if (!line || this.fd === undefined) return undefined;
    if (this.#block && line.start >= this.#blockStart && line.end <= this.#blockEnd) return this.#block.subarray(line.start - this.#blockStart, line.end - this.#blockStart);
    const length = line.end - line.start;
    // Summaries are asked for in about the order they were written: one that follows the block read
    // last starts the next block, which serves the ones after it. One elsewhere (a summary appended at
    // the end by a later build) is read alone.
    const next = this.#block !== undefined && line.start >= this.#blockEnd && line.start < this.#blockEnd + readSize;
    if (!next && this.#block !== undefined) {
      const alone = Buffer.allocUnsafe(length);
      return readSync(this.fd, alone, 0, length, line.start) === length ? alone : undefined;
    }
    const size = Math.max(readSize, length);
    if (!this.#block || this.#block.byteLength < size) this.#block = Buffer.allocUnsafeSlow(size);
    const read = readSync(this.fd, this.#block, 0, size, line.start);
    this.#blockStart = line.start;
    this.#blockEnd = line.start + read;
    if (line.end > this.#blockEnd) return undefined;
    return this.#block.subarray(0, length);
  }

  /** Lets go of the file. */
  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.#block = undefined;
  }
}

/** A line longer than a block, read alone from `position`: its key and its length, newline included. */
function readLine(fd: number, position: number): { key: string; length: number } | undefined {
  let size = readSize * 2;
  for (;;) {
    const bytes = Buffer.allocUnsafe(size);
    const length = readSync(fd, bytes, 0, size, position);
    const end = bytes.indexOf(newlineByte);
    if (end >= 0 && end < length) {
      if (bytes.indexOf(tabByte) !== keyLength) return undefined;
      return { key: bytes.toString('latin1', 0, keyLength), length: end + 1 };
    }
    if (length < size) return undefined;
    size *= 2;
  }
}

/** Keys are SHA-256 in hex. */
const keyLength = 64;
const newlineByte = 0x0a;
const tabByte = 0x09;

/** Bytes read from the pack at once. */
const readSize = 4 << 20;

/** Bytes gathered before a write. */
const writeSize = 1 << 20;

/**
 * Adds to the pack at `path` the summaries it lacks, as they come, each key once: appended to the last
 * pack when there is one in good shape, else (no pack, one damaged or cut short, or one that holds many
 * lines no build looked up any more) written into a new pack beside it that takes its place at
 * `finish` (a reader sees the old pack or the new one, never half of one). A summary the last pack
 * holds, when it is appended to, is only counted as used: a rebuild appends the few that changed.
 */
export class SummaryPackWriter {
  readonly #partial: string;
  /** Every key added, in that order: what a new pack holds. */
  readonly #keys = new Set<string>();
  #last: SummaryPack = SummaryPack.empty();
  #appending = false;
  #handle: Promise<FileHandle> | undefined;
  #pending: Uint8Array[] = [];
  #pendingBytes = 0;
  #writes: Promise<void> = Promise.resolve();
  #finished = false;

  constructor(private readonly path: string) {
    this.#partial = `${path}.${process.pid}.${threadId}.partial`;
  }

  /**
   * The last pack, read from `path`: summaries it holds need not be written again, and new ones are
   * appended to it if it is whole. Given before any summary is added.
   */
  startFrom(last: SummaryPack): void {
    this.#last = last;
    this.#appending = last.size > 0 && last.whole;
  }

  /** Adds a summary this build used, from the last pack or not (one the pack holds, when it is appended to, is not written again). */
  add(key: string, json: string): void {
    if (this.#keys.has(key) || key.length !== keyLength) return;
    this.#keys.add(key);
    if (this.#appending && this.#last.has(key)) return;
    const line = Buffer.from(`${key}\t${json}\n`, 'utf8');
    this.#pending.push(line);
    this.#pendingBytes += line.byteLength;
    if (this.#pendingBytes >= writeSize) this.#flush();
  }

  async finish(): Promise<void> {
    this.#flush();
    // The last write may be the one that opens the file: whether there is one to close is known once
    // every write is done (a build that added less than a write's worth left its file open).
    try {
      await this.#writes;
    } finally {
      if (this.#handle) await (await this.#handle.catch(() => undefined))?.close();
    }
    // A pack appended to stays where it is, unless most of its lines are of pages no build reads any more.
    if (this.#appending && this.#last.lineCount <= 2 * this.#keys.size) {
      this.#finished = true;
      return;
    }
    if (this.#appending) await this.#compact();
    else if (this.#handle) await rename(this.#partial, this.path);
    this.#finished = true;
  }

  /** Leaves the pack in place as it was (but for summaries appended), and deletes what was written of a new one; after finish, does nothing. */
  async abandon(): Promise<void> {
    if (this.#finished) return;
    this.#pending = [];
    this.#pendingBytes = 0;
    await this.#writes.catch(() => undefined);
    if (this.#handle) await (await this.#handle.catch(() => undefined))?.close().catch(() => undefined);
    if (!this.#appending) await rm(this.#partial, { force: true });
  }

  /** A new pack of the keys this build used, from the pack as it is now (appended to), in place of it. */
  async #compact(): Promise<void> {
    const now = await SummaryPack.read(this.path);
    try {
      await mkdir(dirname(this.#partial), { recursive: true });
      const handle = await open(this.#partial, 'w');
      try {
        let gathered: Buffer[] = [];
        let bytes = 0;
        const write = async () => {
          await writeAll(handle, Buffer.concat(gathered));
          gathered = [];
          bytes = 0;
        };
        // In the file's order: each block of it is read once.
        const inFile = [...this.#keys].flatMap((key) => {
          const start = now.startOf(key);
          return start === undefined ? [] : [{ key, start }];
        });
        for (const { key } of inFile.sort((a, b) => a.start - b.start)) {
          const text = now.text(key);
          if (text === undefined) continue;
          // Copied: the view is good until the next read of the pack.
          const line = Buffer.concat([Buffer.from(`${key}\t`, 'latin1'), text, newline]);
          gathered.push(line);
          bytes += line.byteLength;
          if (bytes >= writeSize) await write();
        }
        await write();
      } finally {
        await handle.close();
      }
      await rename(this.#partial, this.path);
    } catch (error) {
      await rm(this.#partial, { force: true });
      throw error;
    } finally {
      now.close();
    }
  }

  #open(): Promise<FileHandle> {
    // Appended to with O_APPEND: each write lands whole at the end, whoever else appends.
    this.#handle ??= mkdir(dirname(this.#partial), { recursive: true }).then(() => open(this.#appending ? this.path : this.#partial, this.#appending ? 'a' : 'w'));
    return this.#handle;
  }

  #flush(): void {
    if (this.#pendingBytes === 0) return;
    const parts = this.#pending;
    this.#pending = [];
    this.#pendingBytes = 0;
    // Writes one after another, in the order added; a failure is thrown by finish.
    this.#writes = this.#writes.then(async () => {
      await writeAll(await this.#open(), Buffer.concat(parts));
    });
    this.#writes.catch(() => undefined);
  }
}

const newline = Buffer.from('\n');
