/** A worker thread that reads written files back from disk and gives their size and SHA-256, for FileHasher. */
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import type { HashReply, HashRequest } from './file-hasher.js';

/** Bytes read at once; one buffer, reused (files come one at a time). */
const blockSize = 1 << 20;
const block = Buffer.allocUnsafeSlow(blockSize);

async function fingerprintOf(path: string): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  const handle = await open(path, 'r');
  try {
    for (let read = (await handle.read(block, 0, blockSize, null)).bytesRead; read > 0; read = (await handle.read(block, 0, blockSize, null)).bytesRead) {
      hash.update(block.subarray(0, read));
      bytes += read;
    }
  } finally {
    await handle.close();
  }
  return { bytes, sha256: hash.digest('hex') };
}

// One file after another: requests wait in a chain, so the one buffer is never read into twice at once.
let queue = Promise.resolve();
parentPort?.on('message', ({ id, path }: HashRequest) => {
  queue = queue.then(async () => {
    let reply: HashReply;
    try {
      reply = { id, fingerprint: await fingerprintOf(path) };
    } catch (error) {
      reply = { id, error: error instanceof Error ? error.message : String(error) };
    }
    parentPort?.postMessage(reply);
  });
});
