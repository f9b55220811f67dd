import { once } from 'node:events';
import type { ConvertedParts, PackageProblem } from '../../validate/index.js';
import { startModuleWorker } from './pool.js';

const workerUrl = new URL('./jsonld-worker.ts', import.meta.url).href;

/**
 * Converts a JSON-LD file of `folder` to RDF in a worker thread of its own, so that the conversion (the
 * slowest check of a large dataset) runs beside the check of the CSV files on the other core; with
 * `parts.share`, only that share of its parts (see verifyJsonLdInWorkers).
 */
export async function verifyJsonLdInWorker(folder: string, path: string, parts: ConvertedParts = {}): Promise<PackageProblem[]> {
  const worker = startModuleWorker(workerUrl, {}, { folder, path, known: [...(parts.known ?? [])], knownLines: parts.knownLines ?? [], ...(parts.share ? { share: parts.share } : {}) });
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

/**
 * Converts a JSON-LD file in `count` worker threads, each its share of the parts: the conversion is the
 * check's longest task, and the thread checking the tables is done long before it. A problem both
 * threads find (the file's layout) is told once.
 */
export async function verifyJsonLdInWorkers(folder: string, path: string, count: number, parts: ConvertedParts = {}): Promise<PackageProblem[]> {
  const shares = await Promise.all(Array.from({ length: count }, (_, index) => verifyJsonLdInWorker(folder, path, { ...parts, share: { index, count } })));
  const seen = new Set<string>();
  return shares.flat().filter((problem) => {
    const key = `${problem.path}\u0000${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
