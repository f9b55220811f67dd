import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** The smallest buffer lent: most pages' chunks fit one, so few are ever replaced. */
const smallest = 1 << 20;

/**
 * Buffers lent to read files into and given back once their bytes are used. A build that reads
 * thousands of files one after another (the pages' chunks) reuses the few it has in hand at once
 * instead of leaving one per file for the collector: at 10,000 pages that was gigabytes of garbage
 * outside the heap, which the collector let pile up.
 */
export class LentBuffers {
  readonly #free: Buffer[] = [];

  /** A buffer of at least `size` bytes, to be given back (giveBack) once its bytes are used. */
  borrow(size: number): Buffer {
    const fitting = this.#free.findIndex((buffer) => buffer.byteLength >= size);
    if (fitting >= 0) return this.#free.splice(fitting, 1)[0]!;
    // None is large enough: a new one takes the place of the smallest, so that no more are kept than are ever lent at once.
    if (this.#free.length > 0) this.#free.splice(this.#free.indexOf(this.#free.reduce((a, b) => (a.byteLength <= b.byteLength ? a : b))), 1);
    return Buffer.allocUnsafeSlow(Math.max(size, smallest));
  }

  giveBack(buffer: Buffer): void {
    this.#free.push(buffer);
  }

  /**
   * A file's bytes, read into a borrowed buffer (`buffer`, to give back; `bytes` is its start). The file
   * is not measured first: most fit the buffer lent, and a read that does not fill it has reached the
   * file's end (a rebuild reads 10,000 chunks, and measuring each took half a second of the main
   * thread). One that fills it is measured then, and read on into a larger buffer. A reader of a file
   * that may change meanwhile checks that what it got is whole (as decodeChunk does). Read at once, not
   * through libuv's threads: the chunks a rebuild reads are in memory (see prefetch), and a read at
   * once costs the main thread a fifth of what three callbacks a file did (10,000 chunks: 0.17 s
   * against 0.8 s; a 10,000-page rebuild 0.3 s sooner).
   */
  read(path: string): { buffer: Buffer; bytes: Buffer } {
    const fd = openSync(path, 'r');
    try {
      let buffer = this.borrow(0);
      let done = 0;
      try {
        for (;;) {
          const bytesRead = readSync(fd, buffer, done, buffer.byteLength - done, done);
          done += bytesRead;
          if (bytesRead === 0 || done < buffer.byteLength) break;
          const { size } = fstatSync(fd);
          if (size <= done) break;
          // One byte more than the file holds: the read that takes its end does not fill the buffer.
          // The buffer outgrown is not given back: the larger one takes its place.
          const larger = this.borrow(size + 1);
          buffer.copy(larger, 0, 0, done);
          buffer = larger;
        }
      } catch (error) {
        this.giveBack(buffer);
        throw error;
      }
      return { buffer, bytes: buffer.subarray(0, done) };
    } finally {
      closeSync(fd);
    }
  }
}
