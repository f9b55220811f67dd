import { createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';

/**
 * The emitted files as a consumer meets them: whole, for the small ones, or as a stream of byte chunks
 * or lines, for the data files that grow with the corpus. Two kinds: files held in memory (a build with
 * no output folder, tests) and files in a folder (a build's staging folder, read back from disk).
 */
export interface OutputReader {
  /** Every file, by path relative to the package, in the order written. */
  readonly paths: readonly string[];
  has(path: string): boolean;
  text(path: string): Promise<string>;
  chunks(path: string): AsyncIterable<Uint8Array>;
  /** A file opened to read parts of it, wherever they are. */
  open(path: string): Promise<FileParts>;
}

/** A file read a part at a time: up to `length` bytes from `start` (fewer at its end, none past it). */
export interface FileParts {
  read(start: number, length: number): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** Bytes read at once from a file. */
const chunkSize = 1 << 20;

export function memoryReader(files: ReadonlyMap<string, string>): OutputReader {
  return {
    paths: [...files.keys()],
    has: (path) => files.has(path),
    text: async (path) => files.get(path) ?? '',
    async *chunks(path) {
      const buffer = Buffer.from(files.get(path) ?? '', 'utf8');
      for (let start = 0; start < buffer.byteLength; start += chunkSize) yield buffer.subarray(start, start + chunkSize);
    },
    open: async (path) => {
      const buffer = Buffer.from(files.get(path) ?? '', 'utf8');
      return { read: async (start, length) => buffer.subarray(start, start + length), close: async () => undefined };
    },
  };
}

export function folderReader(folder: string, paths: readonly string[]): OutputReader {
  const listed = new Set(paths);
  return {
    paths,
    has: (path) => listed.has(path),
    text: (path) => readFile(join(folder, path), 'utf8'),
    chunks: (path) => createReadStream(join(folder, path), { highWaterMark: chunkSize }),
    open: async (path) => {
      const handle = await open(join(folder, path), 'r');
      return {
        read: async (start, length) => {
          const buffer = Buffer.allocUnsafe(length);
          const { bytesRead } = await handle.read(buffer, 0, length, start);
          return buffer.subarray(0, bytesRead);
        },
        close: () => handle.close(),
      };
    },
  };
}

/** Bytes decoded at once: text of this size stays a small object, collected young, where a megabyte would not. */
const textPieceBytes = 1 << 16;

/** UTF-8 chunks as text, a small piece at a time (a character cut between two chunks is whole in the next piece). */
export async function* textPieces(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) {
    for (let at = 0; at < chunk.byteLength; at += textPieceBytes) {
      const text = decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset + at, Math.min(textPieceBytes, chunk.byteLength - at)));
      if (text !== '') yield text;
    }
  }
  const rest = decoder.end();
  if (rest !== '') yield rest;
}

/** The lines of UTF-8 chunks, without their line ends ("\n" or "\r\n"); a last line with no end is a line too. */
export async function* linesOf(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  let rest = '';
  for await (const piece of textPieces(chunks)) {
    rest += piece;
    let end = rest.indexOf('\n');
    let start = 0;
    while (end >= 0) {
      yield rest.slice(start, end > start && rest[end - 1] === '\r' ? end - 1 : end);
      start = end + 1;
      end = rest.indexOf('\n', start);
    }
    rest = rest.slice(start);
  }
  if (rest !== '') yield rest;
}

/**
 * Rows or lines of a file known to pass their checks already: a run of whole rows (or lines), by its
 * bytes in the file (from `start`, up to `end` excluded), written and checked before (a page's rows or
 * graph nodes, written again from an earlier build: see PageChunk). Their bytes are counted and hashed
 * with the file's, their values are not read again: a run's rows name their own page's records and the
 * dataset's entities as they did when checked, and their keys are under their page's id, which no other
 * page shares.
 */
export interface KnownRows {
  start: number;
  end: number;
  /** How many rows (or lines) the run is. */
  rows: number;
}

/** What stands for a run of known rows in what a check reads: a value no table or graph has (a NUL first), and the count. */
const skippedMark = '\u0000skipped ';

/** How many rows the mark `value` stands for, or undefined when it is no mark. */
export function skippedCount(value: string): number | undefined {
  return value.startsWith(skippedMark) ? Number.parseInt(value.slice(skippedMark.length), 10) : undefined;
}

/**
 * A file's chunks as a check reads them: each run of known rows (in file order, not overlapping) left
 * out and a mark put in its place, which says how many rows it stood for; `ending` follows the count
 * (a CSV mark is a row, its line end included; a graph's run leaves the line end to the file).
 */
export async function* skipping(chunks: AsyncIterable<Uint8Array>, runs: readonly KnownRows[], ending: (rows: number) => string): AsyncGenerator<Uint8Array> {
  if (runs.length === 0) return yield* chunks;
  let offset = 0;
  let next = 0;
  for await (const chunk of chunks) {
    const end = offset + chunk.byteLength;
    let from = offset;
    while (from < end) {
      const run = runs[next];
      if (run === undefined || run.start >= end) {
        yield chunk.subarray(from - offset);
        break;
      }
      if (run.start > from) yield chunk.subarray(from - offset, run.start - offset);
      if (run.start >= from) yield Buffer.from(`${skippedMark}${ending(run.rows)}`);
      from = Math.max(from, Math.min(run.end, end));
      if (run.end <= end) next++;
    }
    offset = end;
  }
}

/**
 * A file as a check reads it, its known runs left out (as skipping gives it), read in parts: only the
 * bytes between the runs are read at all. For a check that does not hash the file (its fingerprint
 * known otherwise): a rebuild's tables are gigabytes, nearly all of them in runs checked before.
 */
export async function* readSkipping(reader: OutputReader, path: string, runs: readonly KnownRows[], ending: (rows: number) => string): AsyncGenerator<Uint8Array> {
  const file = await reader.open(path);
  try {
    // The bytes from `from` up to `to` (the file's end when not given), a chunk at a time.
    const part = async function* (from: number, to = Number.POSITIVE_INFINITY) {
      for (let at = from; at < to; ) {
        const chunk = await file.read(at, Math.min(chunkSize, to - at));
        if (chunk.byteLength === 0) return;
        at += chunk.byteLength;
        yield chunk;
      }
    };
    let from = 0;
    for (const run of runs) {
      if (run.start > from) yield* part(from, run.start);
      yield Buffer.from(`${skippedMark}${ending(run.rows)}`);
      from = Math.max(from, run.end);
    }
    yield* part(from);
  } finally {
    await file.close();
  }
}
