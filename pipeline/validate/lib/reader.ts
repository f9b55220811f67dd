import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
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
  };
}

export function folderReader(folder: string, paths: readonly string[]): OutputReader {
  const listed = new Set(paths);
  return {
    paths,
    has: (path) => listed.has(path),
    text: (path) => readFile(join(folder, path), 'utf8'),
    chunks: (path) => createReadStream(join(folder, path), { highWaterMark: chunkSize }),
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
