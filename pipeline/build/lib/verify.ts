import { once } from 'node:events';
import type { ConvertedParts, PackageProblem } from '../../validate/index.js';
import { startModuleWorker } from './pool.js';

const workerUrl = new URL('./jsonld-worker.ts', import.meta.url).href;

/**
 * Converts a JSON-LD file of `folder` to RDF in a worker thread of its own, so that the conversion (the
 * slowest check of a large dataset) runs beside the check of the CSV files on the other core.
 */
export async function verifyJsonLdInWorker(folder: string, path: string, parts: ConvertedParts = {}): Promise<PackageProblem[]> {
  const worker = startModuleWorker(workerUrl, {}, { folder, path, known: [...(parts.known ?? [])] });
  try {
    const [message] = (await Promise.race([
      once(worker, 'message'),
      once(worker, 'error').then(([error]) => Promise.reject(error as Error)),
      // A thread that ends without a word (killed, out of memory) must not leave the build waiting.
      once(worker, 'exit').then(([code]) => Promise.reject(new Error(`the checking thread stopped (exit code ${String(code)})`))),
    ])) as [{ problems: PackageProblem[]; passed: string[] }];
    if (parts.passed) for (const hash of message.passed) parts.passed(hash);
    return message.problems;
  } finally {
    await worker.terminate();
  }
}
