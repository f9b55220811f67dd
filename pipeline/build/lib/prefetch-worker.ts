/**
 * A worker thread that reads files through and forgets them, so that the system holds them in memory
 * by the time the build reads them (see prefetch.ts). It runs at the lowest priority it can set: it
 * only uses what the build's own threads leave, and stops when told or when every file is read.
 */
import { closeSync, openSync, readlinkSync, readSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';

const { paths } = workerData as { paths: string[] };

const priority = lowerPriority();
const block = Buffer.allocUnsafeSlow(1 << 20);
for (const path of paths) {
  try {
    const fd = openSync(path, 'r');
    try {
      while (readSync(fd, block, 0, block.byteLength, null) === block.byteLength);
    } finally {
      closeSync(fd);
    }
  } catch {
    // A file gone or unreadable is the build's business when it reads it, not this thread's.
  }
}
parentPort?.postMessage({ ...(priority !== undefined ? { priority } : {}) });

/**
 * On Linux a thread has a priority of its own: this one's is lowered to the least, and told. Elsewhere
 * (no /proc/thread-self) it keeps the build's, and none is told.
 */
function lowerPriority(): number | undefined {
  try {
    const thread = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(thread) || thread <= 0) return undefined;
    setPriority(thread, 19);
    return getPriority(thread);
  } catch {
    return undefined;
  }
}
