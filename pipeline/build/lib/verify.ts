import { once } from 'node:events';
import type { PackageProblem } from '../../validate/index.js';
import { startModuleWorker } from './pool.js';

const workerUrl = new URL('./jsonld-worker.ts', import.meta.url).href;

/**
 * Converts a JSON-LD file of `folder` to RDF in a worker thread of its own, so that the conversion (the
 * slowest check of a large dataset) runs beside the check of the CSV files on the other core.
 */
export async function verifyJsonLdInWorker(folder: string, path: string): Promise<PackageProblem[]> {
  const worker = startModuleWorker(workerUrl, {}, { folder, path });
  try {
    const [message] = (await Promise.race([
      once(worker, 'message'),
      once(worker, 'error').then(([error]) => Promise.reject(error as Error)),
      // A thread that ends without a word (killed, out of memory) must not leave the build waiting.
      once(worker, 'exit').then(([code]) => Promise.reject(new Error(`the checking thread stopped (exit code ${String(code)})`))),
    ])) as [PackageProblem[]];
    return message;
  } finally {
    await worker.terminate();
  }
}
