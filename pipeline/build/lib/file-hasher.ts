import type { Worker } from 'node:worker_threads';
import type { Fingerprint } from '../../emit/index.js';
import { startModuleWorker } from './pool.js';

/** A file to read on: up to `writtenUpTo` bytes while it is being written, or, without it, to its end and reply. */
export interface HashRequest {
  id: number;
  path: string;
  writtenUpTo?: number;
}

export type HashReply = { id: number; fingerprint: Fingerprint } | { id: number; error: string };

const workerUrl = new URL('./hash-worker.ts', import.meta.url).href;

/**
 * Gives the size and SHA-256 of files once they are written, by reading them back from disk in a
 * thread of its own: the fingerprint is of the bytes on disk, not of what the writer meant to write,
 * and the hashing (gigabytes at 10,000 pages) runs on the other core while the build writes on. The
 * thread starts with the first file and stops at `close`.
 */
export class FileHasher {
  #worker: Worker | undefined;
  #nextId = 0;
  readonly #waiting = new Map<number, { resolve: (fingerprint: Fingerprint) => void; reject: (error: Error) => void }>();

  hash(path: string): Promise<Fingerprint> {
    return this.follow(path).finish();
  }

  /**
   * Follows a file being written: `written` says how many bytes are on disk so far (the thread hashes
   * them meanwhile), `finish`, once the file is whole, gives its fingerprint.
   */
  follow(path: string): { written: (bytes: number) => void; finish: () => Promise<Fingerprint> } {
    const worker = (this.#worker ??= this.#start());
    const id = this.#nextId++;
    return {
      written: (bytes) => worker.postMessage({ id, path, writtenUpTo: bytes } satisfies HashRequest),
      finish: () =>
        new Promise((resolve, reject) => {
          // The thread that followed the file stopped meanwhile (its failure told to those waiting then).
          if (this.#worker !== worker) return reject(new Error('the hashing thread stopped before the file was finished'));
          this.#waiting.set(id, { resolve, reject });
          worker.postMessage({ id, path } satisfies HashRequest);
        }),
    };
  }

  /** Stops the thread; files asked for and not hashed yet fail. */
  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = undefined;
    if (worker) await worker.terminate();
    this.#failAll(new Error('the hashing thread was stopped'));
  }

  #start(): Worker {
    const worker = startModuleWorker(workerUrl);
    worker.on('message', (reply: HashReply) => {
      const waiting = this.#waiting.get(reply.id);
      if (!waiting) return;
      this.#waiting.delete(reply.id);
      if ('error' in reply) waiting.reject(new Error(`could not read back a written file: ${reply.error}`));
      else waiting.resolve(reply.fingerprint);
    });
    worker.on('error', (error) => this.#failAll(error));
    worker.on('exit', (code) => {
      if (this.#worker === worker) this.#worker = undefined;
      this.#failAll(new Error(`the hashing thread stopped (exit code ${code})`));
    });
    return worker;
  }

  #failAll(error: Error): void {
    for (const { reject } of this.#waiting.values()) reject(error);
    this.#waiting.clear();
  }
}
