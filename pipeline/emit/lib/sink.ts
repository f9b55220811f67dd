import { createHash } from 'node:crypto';

/** A written file's size in bytes and SHA-256 (hex), as catalogues and SHA256SUMS state them. */
export interface Fingerprint {
  bytes: number;
  sha256: string;
}

/** A file to publish, made on demand as UTF-8 text pieces (a batch of rows, a run of graph nodes). */
export interface EmittedFile {
  path: string;
  pieces: () => Iterable<string>;
}

/** Files each as one string, in order: for small outputs and for tests. */
export function joined(files: readonly EmittedFile[]): Map<string, string> {
  return new Map(files.map(({ path, pieces }) => [path, [...pieces()].join('')]));
}

/**
 * Where emitted files go, a piece at a time: an emitter hands over a file as a sequence of UTF-8 text
 * pieces (a batch of rows, a graph node), so no file of the dataset is ever held whole. The sink says
 * what it wrote; metadata written later (the package descriptor, SHA256SUMS) is made from that.
 */
export interface FileSink {
  write(path: string, pieces: Iterable<string>): Promise<Fingerprint>;
  /** Opens a file to be written a piece at a time, beside others: the files of the pages' records are written together. */
  open(path: string): Promise<FileWriter>;
  /** Every file is written and closed, and no other will be: the sink may let go of what it holds for writing. */
  done?(): Promise<void>;
  /**
   * Where the emission sets bytes aside to read them back later, none of them published (what a file
   * written last needs of every page): on disk beside the files, for a sink that writes to a folder.
   * A sink with none has them kept in memory (MemoryScratch).
   */
  scratch?(): Promise<Scratch>;
}

/** Bytes set aside (see FileSink.scratch): appended, then read back in any order, then let go. */
export interface Scratch {
  /** Appends `bytes`, to be read back at the offset it resolves to. */
  append(bytes: Uint8Array): Promise<number>;
  /**
   * Copies `length` bytes from `offset` into `target` at `at`. Synchronous: the bytes are read back
   * in many small pieces (an event's timeline item), each waited for, and the data was just written.
   */
  readInto(target: Uint8Array, at: number, offset: number, length: number): void;
  /** Lets the bytes go (deletes the file). */
  close(): Promise<void>;
}

/** A scratch held in memory: for sinks that hold their files in memory anyway. */
export class MemoryScratch implements Scratch {
  #pieces: Uint8Array[] = [];
  #bytes = 0;
  /** The pieces as one buffer, made at the first read after an append. */
  #whole: Buffer | undefined;

  async append(bytes: Uint8Array): Promise<number> {
    const offset = this.#bytes;
    // A copy: the giver may reuse its bytes (as a FileWriter's giver may).
    this.#pieces.push(Uint8Array.prototype.slice.call(bytes));
    this.#bytes += bytes.byteLength;
    this.#whole = undefined;
    return offset;
  }

  readInto(target: Uint8Array, at: number, offset: number, length: number): void {
    if (offset + length > this.#bytes) throw new RangeError(`scratch: ${length} bytes at ${offset} are past its end (${this.#bytes})`);
    if (!this.#whole) {
      this.#whole = Buffer.concat(this.#pieces);
      this.#pieces = [this.#whole];
    }
    target.set(this.#whole.subarray(offset, offset + length), at);
  }

  async close(): Promise<void> {
    this.#pieces = [];
    this.#whole = undefined;
    this.#bytes = 0;
  }
}

/** A file being written: pieces in order, then close, which says what was written. */
export interface FileWriter {
  /** A piece of text, or of its UTF-8 bytes (text kept from an earlier build, say): once the write resolves, the sink holds no reference to them, so their giver may reuse the bytes. */
  write(piece: string | Uint8Array): Promise<void>;
  close(): Promise<Fingerprint>;
  /** Lets the file go unfinished (the emission failed): what the sink does with it is the sink's business. */
  abandon(): Promise<void>;
}

/** Hashes and counts text as it goes by, the way it is written: UTF-8. */
export class FingerprintBuilder {
  #hash = createHash('sha256');
  #bytes = 0;

  add(piece: string | Uint8Array): void {
    const buffer = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
    this.#hash.update(buffer);
    this.#bytes += buffer.byteLength;
  }

  finish(): Fingerprint {
    return { bytes: this.#bytes, sha256: this.#hash.digest('hex') };
  }
}

/** A file's fingerprint from its whole text. */
export function fingerprint(contents: string): Fingerprint {
  const builder = new FingerprintBuilder();
  builder.add(contents);
  return builder.finish();
}

/** Keeps every file as one string: for checks without an output folder, and for tests. */
export class MemorySink implements FileSink {
  readonly files = new Map<string, string>();

  async write(path: string, pieces: Iterable<string>): Promise<Fingerprint> {
    const writer = await this.open(path);
    for (const piece of pieces) await writer.write(piece);
    return writer.close();
  }

  async open(path: string): Promise<FileWriter> {
    const pieces: string[] = [];
    return {
      write: async (piece) => {
        pieces.push(typeof piece === 'string' ? piece : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength).toString('utf8'));
      },
      close: async () => {
        const contents = pieces.join('');
        this.files.set(path, contents);
        return fingerprint(contents);
      },
      abandon: async () => {
        pieces.length = 0;
      },
    };
  }
}
