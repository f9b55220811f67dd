import { mkdir, open, readFile, rename, rm, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { threadId } from 'node:worker_threads';

/**
 * The page summaries of the last build in one file, so that a rebuild of 10,000 pages opens one file
 * and not 10,000 (the opens were a third of its time reading them). One line per page: its cache key,
 * a tab, its summary as JSON. Only an index: a key it lacks is looked up in the page's own file, and a
 * line that is not of this shape ends what is read of it (a file cut short loses only its end).
 */
export class SummaryPack {
  private constructor(
    private readonly bytes: Buffer,
    private readonly lines: ReadonlyMap<string, { start: number; end: number }>,
  ) {}

  static empty(): SummaryPack {
    return new SummaryPack(Buffer.alloc(0), new Map());
  }

  /** The pack at `path`; an empty one when there is none or it cannot be read. */
  static async read(path: string): Promise<SummaryPack> {
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch {
      return SummaryPack.empty();
    }
    const lines = new Map<string, { start: number; end: number }>();
    for (let start = 0; start < bytes.byteLength; ) {
      const end = bytes.indexOf(newlineByte, start);
      const tab = bytes.indexOf(tabByte, start);
      if (end < 0 || tab < 0 || tab > end || tab - start !== keyLength) break;
      lines.set(bytes.toString('latin1', start, tab), { start: tab + 1, end });
      start = end + 1;
    }
    return new SummaryPack(bytes, lines);
  }

  get size(): number {
    return this.lines.size;
  }

  /** The JSON text of the summary kept under `key`, as bytes, or none. */
  text(key: string): Buffer | undefined {
    const line = this.lines.get(key);
    return line && this.bytes.subarray(line.start, line.end);
  }
}

/** Keys are SHA-256 in hex. */
const keyLength = 64;
const newlineByte = 0x0a;
const tabByte = 0x09;
const newline = Buffer.from('\n');

/** Bytes gathered before a write. */
const writeSize = 1 << 20;

/**
 * Writes a new pack beside `path` as summaries come, each key once, and puts it in place at `finish`
 * (a reader sees the old pack or the new one, never half of one).
 */
export class SummaryPackWriter {
  readonly #partial: string;
  readonly #keys = new Set<string>();
  #handle: Promise<FileHandle> | undefined;
  #pending: Uint8Array[] = [];
  #pendingBytes = 0;
  #writes: Promise<void> = Promise.resolve();
  #finished = false;

  constructor(private readonly path: string) {
    this.#partial = `${path}.${process.pid}.${threadId}.partial`;
  }

  /** How many summaries were added. */
  get size(): number {
    return this.#keys.size;
  }

  /** Adds a summary; one given as bytes is kept as they are (a view of the last pack), not copied, until written. */
  add(key: string, json: string | Uint8Array): void {
    if (this.#keys.has(key) || key.length !== keyLength) return;
    this.#keys.add(key);
    const parts = typeof json === 'string' ? [Buffer.from(`${key}\t${json}\n`, 'utf8')] : [Buffer.from(`${key}\t`, 'latin1'), json, newline];
    for (const part of parts) {
      this.#pending.push(part);
      this.#pendingBytes += part.byteLength;
    }
    if (this.#pendingBytes >= writeSize) this.#flush();
  }

  async finish(): Promise<void> {
    this.#flush();
    const handle = await this.#open();
    await this.#writes;
    await handle.close();
    await rename(this.#partial, this.path);
    this.#finished = true;
  }

  /** Leaves the pack in place as it was, and deletes what was written of the new one; after finish, does nothing. */
  async abandon(): Promise<void> {
    if (this.#finished) return;
    this.#pending = [];
    this.#pendingBytes = 0;
    await this.#writes.catch(() => undefined);
    if (this.#handle) await (await this.#handle.catch(() => undefined))?.close().catch(() => undefined);
    await rm(this.#partial, { force: true });
  }

  #open(): Promise<FileHandle> {
    this.#handle ??= mkdir(dirname(this.#partial), { recursive: true }).then(() => open(this.#partial, 'w'));
    return this.#handle;
  }

  #flush(): void {
    if (this.#pendingBytes === 0) return;
    const parts = this.#pending;
    this.#pending = [];
    this.#pendingBytes = 0;
    // Writes one after another, in the order added; a failure is thrown by finish. The parts are joined
    // only when their turn comes: a rebuild of 10,000 pages adds their summaries (views of the last
    // pack) in a second or two, and copies made at once waited for the disk all together (140 MB).
    this.#writes = this.#writes.then(async () => {
      const bytes = Buffer.concat(parts);
      const handle = await this.#open();
      for (let offset = 0; offset < bytes.byteLength; ) offset += (await handle.write(bytes, offset)).bytesWritten;
    });
    this.#writes.catch(() => undefined);
  }
}
