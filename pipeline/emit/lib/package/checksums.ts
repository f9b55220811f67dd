import { checksumsPath } from '../files.js';
import type { Fingerprint } from '../sink.js';

/** SHA256SUMS in the format `sha256sum -c` reads: one `<hex>  <path>` line per file, sorted by path. */
export function emitChecksums(files: ReadonlyMap<string, Fingerprint>): Map<string, string> {
  const lines = [...files.entries()]
    .filter(([path]) => path !== checksumsPath)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([path, { sha256 }]) => `${sha256}  ${path}`);
  return new Map([[checksumsPath, `${lines.join('\n')}\n`]]);
}
