import { once } from 'node:events';
import { startModuleWorker } from './pool.js';

const workerUrl = new URL('./prefetch-worker.ts', import.meta.url).href;

/** What the reading thread says once every file is read: the priority it ran at (see prefetch-worker.ts). */
export interface PrefetchRead {
  priority?: number;
}

export interface Prefetch {
  /** Resolves once every file is read through, or undefined when the reading stopped before (or failed). */
  read: Promise<PrefetchRead | undefined>;
  /** Stops the reading; resolves once it is stopped. */
  stop(): Promise<void>;
}

/**
 * Reads `paths` through in a thread of low priority, so that the system has them in memory when they
 * are read: a rebuild starts reading the chunks of the last build's pages seconds before it writes
 * them, while it hashes the pages and merges what they name, and the disk is idle. Where the system
 * lets go of files not read for a while (some virtual machines page out a file's memory after a
 * minute), a rebuild of 10,000 pages otherwise read its 2 GB of chunks from disk as it wrote them.
 */
export function prefetch(paths: readonly string[]): Prefetch {
  if (paths.length === 0) return { read: Promise.resolve({}), stop: () => Promise.resolve() };
  const worker = startModuleWorker(workerUrl, {}, { paths });
  // The build does not wait for it: the process may end before every file is read.
  worker.unref();
  const read = Promise.race([
    once(worker, 'message').then(([message]) => message as PrefetchRead),
    // A thread that fails, or is stopped, is a prefetch lost, nothing more.
    once(worker, 'error').then(() => undefined),
    once(worker, 'exit').then(() => undefined),
  ]).catch(() => undefined);
  return { read, stop: async () => void (await worker.terminate()) };
}
