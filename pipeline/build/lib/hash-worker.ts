/**
 * A worker thread that reads written files back from disk and gives their size and SHA-256, for
 * FileHasher. A file may be read while it is still being written: told how far it is written, the
 * worker hashes up to there, and on `finish` reads the rest and replies.
 */
import { createHash, type Hash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import type { HashReply, HashRequest } from './file-hasher.js';

/** Bytes read at once; one buffer, reused (the files are read one step at a time). */
const blockSize = 1 << 20;
const block = Buffer.allocUnsafeSlow(blockSize);

interface Reading {
  handle: FileHandle;
  hash: Hash;
  bytes: number;
}

const reading = new Map<number, Promise<Reading>>();

/** Hashes the file from where it was left up to `upTo` bytes, or to its end. */
async function readOn(file: Reading, upTo = Number.POSITIVE_INFINITY): Promise<void> {
  while (file.bytes < upTo) {
    const { bytesRead } = await file.handle.read(block, 0, Math.min(blockSize, upTo - file.bytes), file.bytes);
    if (bytesRead === 0) return;
    file.hash.update(block.subarray(0, bytesRead));
    file.bytes += bytesRead;
  }
}

async function step(request: HashRequest): Promise<HashReply | undefined> {
  const { id } = request;
  let file = reading.get(id);
  if (!file) {
    file = open(request.path, 'r').then((handle) => ({ handle, hash: createHash('sha256'), bytes: 0 }));
    reading.set(id, file);
  }
  const opened = await file;
  if (request.writtenUpTo !== undefined) {
    await readOn(opened, request.writtenUpTo);
    return undefined;
  }
  reading.delete(id);
  try {
    await readOn(opened);
  } finally {
    await opened.handle.close();
  }
  return { id, fingerprint: { bytes: opened.bytes, sha256: opened.hash.digest('hex') } };
}

// One step after another: requests wait in a chain, so the one buffer is never read into twice at once.
let queue = Promise.resolve();
parentPort?.on('message', (request: HashRequest) => {
  queue = queue.then(async () => {
    let reply: HashReply | undefined;
    try {
      reply = await step(request);
    } catch (error) {
      const file = reading.get(request.id);
      reading.delete(request.id);
      await file?.then(({ handle }) => handle.close()).catch(() => undefined);
      reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
    }
    if (reply) parentPort?.postMessage(reply);
  });
});
