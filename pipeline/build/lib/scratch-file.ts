import { readSync } from 'node:fs';
import { open, rm, type FileHandle } from 'node:fs/promises';
import type { Scratch } from '../../emit/index.js';

/**
 * A scratch (see FileSink.scratch) in a file of its own: on the disk the dataset is written to, not
 * in memory (nor in a temporary folder that may be memory, as /tmp often is). Deleted when closed.
 */
export class FileScratch implements Scratch {
  #bytes = 0;

  private constructor(
    readonly path: string,
    private readonly handle: FileHandle,
  ) {}

  /** A new, empty scratch file at `path` (which must not exist). */
  static async create(path: string): Promise<FileScratch> {
    return new FileScratch(path, await open(path, 'wx+'));
  }

  async append(bytes: Uint8Array): Promise<number> {
    // Its place is taken before the write: appends that overlap do not overlap in the file.
    const offset = this.#bytes;
    this.#bytes += bytes.byteLength;
    // A write may take fewer bytes than it is given.
    for (let done = 0; done < bytes.byteLength; ) done += (await this.handle.write(bytes, done, bytes.byteLength - done, offset + done)).bytesWritten;
    return offset;
  }

  readInto(target: Uint8Array, at: number, offset: number, length: number): void {
    if (offset + length > this.#bytes) throw new RangeError(`scratch: ${length} bytes at ${offset} are past its end (${this.#bytes})`);
    for (let done = 0; done < length; ) {
      const read = readSync(this.handle.fd, target, at + done, length - done, offset + done);
      if (read === 0) throw new Error(`scratch ${this.path} ends at ${offset + done}, before ${offset + length}`);
      done += read;
    }
  }

  async close(): Promise<void> {
    await this.handle.close();
    await rm(this.path, { force: true });
  }
}
