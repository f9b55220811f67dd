import { readSync } from 'node:fs';
import { open, rm, type FileHandle } from 'node:fs/promises';
import type { Scratch } from '../../emit/index.js';
import { writeAll } from './files.js';

/** Bytes gathered before a write to the file. */
const blockSize = 1 << 20;

/**
 * A scratch (see FileSink.scratch) in a file of its own: on the disk the dataset is written to, not
 * in memory (nor in a temporary folder that may be memory, as /tmp often is). Deleted when closed.
 * Appends are gathered into blocks of a megabyte, each written while the next fills: a build appends
 * each page's events (10,000 appends of a few kilobytes at 10,000 pages), and a write each, waited
 * for, was most of what a page's events cost the main thread. Bytes not written yet are read from memory.
 */
export class FileScratch implements Scratch {
  /** Bytes appended in all: where the next append goes. */
  #bytes = 0;
  /** The block being filled, with where its bytes go in the file. */
  #block: Buffer | undefined;
  #blockStart = 0;
  #used = 0;
  /** A block whose write is done, to be filled again. */
  #spare: Buffer | undefined;
  /** Bytes being written, by where they go: read from here until written. */
  readonly #writing = new Map<number, Uint8Array>();
  /** The writes, one after another. */
  #writes: Promise<void> = Promise.resolve();
  #failed: unknown;

  private constructor(
    readonly path: string,
    private readonly handle: FileHandle,
  ) {}

  /** A new, empty scratch file at `path` (which must not exist). */
  static async create(path: string): Promise<FileScratch> {
    return new FileScratch(path, await open(path, 'wx+'));
  }

  async append(bytes: Uint8Array): Promise<number> {
    this.#throwIfFailed();
    // Its place is taken at once: appends that overlap do not overlap in the file.
    const offset = this.#bytes;
    this.#bytes += bytes.byteLength;
    if (bytes.byteLength >= blockSize) {
      // A large one is written as it is, after what is gathered, and waited for: its giver may reuse it then.
      this.#flush();
      this.#write(offset, bytes);
      await this.#writes;
      this.#throwIfFailed();
      return offset;
    }
    if (this.#block && this.#used + bytes.byteLength > this.#block.byteLength) this.#flush();
    if (!this.#block) {
      this.#block = this.#spare ?? Buffer.allocUnsafeSlow(blockSize);
      this.#spare = undefined;
      this.#blockStart = offset;
      this.#used = 0;
    }
    // A copy: the giver may reuse its bytes (as a FileWriter's giver may).
    this.#block.set(bytes, this.#used);
    this.#used += bytes.byteLength;
    // No more than one block waits for the disk beside the one filled.
    if (this.#writing.size > 1) await this.#writes;
    this.#throwIfFailed();
    return offset;
  }

  readInto(target: Uint8Array, at: number, offset: number, length: number): void {
    this.#throwIfFailed();
    if (offset + length > this.#bytes) throw new RangeError(`scratch: ${length} bytes at ${offset} are past its end (${this.#bytes})`);
    // Most reads (the timeline's 259,000 at 10,000 pages) lie before every byte still in memory.
    if (offset + length <= this.#onDiskBelow()) {
      this.#readFromFile(target, at, offset, length);
      return;
    }
    const inMemory: Array<[number, Uint8Array]> = [...this.#writing];
    if (this.#block) inMemory.push([this.#blockStart, this.#block.subarray(0, this.#used)]);
    for (let done = 0; done < length; ) {
      const position = offset + done;
      const held = inMemory.find(([start, bytes]) => position >= start && position < start + bytes.byteLength);
      if (held) {
        const [start, bytes] = held;
        const count = Math.min(length - done, start + bytes.byteLength - position);
        target.set(bytes.subarray(position - start, position - start + count), at + done);
        done += count;
        continue;
      }
      // From the file, up to the next bytes held in memory.
      const next = Math.min(offset + length, ...inMemory.map(([start]) => start).filter((start) => start > position));
      this.#readFromFile(target, at + done, position, next - position);
      done += next - position;
    }
  }

  /** Where the bytes still in memory (being written, or gathered) begin: every byte before is in the file. */
  #onDiskBelow(): number {
    let below = this.#block ? this.#blockStart : this.#bytes;
    for (const start of this.#writing.keys()) below = Math.min(below, start);
    return below;
  }

  #readFromFile(target: Uint8Array, at: number, offset: number, length: number): void {
    for (let done = 0; done < length; ) {
      const read = readSync(this.handle.fd, target, at + done, length - done, offset + done);
      if (read === 0) throw new Error(`scratch ${this.path} ends at ${offset + done}, before ${offset + length}`);
      done += read;
    }
  }

  async close(): Promise<void> {
    await this.#writes;
    await this.handle.close();
    await rm(this.path, { force: true });
  }

  /** Writes the block being filled, and starts another at the next append. */
  #flush(): void {
    if (!this.#block || this.#used === 0) return;
    const block = this.#block;
    this.#write(this.#blockStart, block.subarray(0, this.#used), () => {
      this.#spare = block;
    });
    this.#block = undefined;
  }

  #write(at: number, bytes: Uint8Array, written?: () => void): void {
    this.#writing.set(at, bytes);
    this.#writes = this.#writes.then(async () => {
      if (this.#failed !== undefined) return;
      try {
        await writeAll(this.handle, bytes, at);
      } catch (error) {
        this.#failed = error;
        return;
      }
      this.#writing.delete(at);
      written?.();
    });
  }

  #throwIfFailed(): void {
    if (this.#failed !== undefined) throw this.#failed;
  }
}
