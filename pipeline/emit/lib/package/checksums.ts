import { checksumsPath } from '../files.js';
import { fingerprint } from './resources.js';

/** SHA256SUMS in the format `sha256sum -c` reads: one `<hex>  <path>` line per file, sorted by path. */
export function emitChecksums(files: ReadonlyMap<string, string>): Map<string, string> {
  const lines = [...files.entries()]
    .filter(([path]) => path !== checksumsPath)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([path, contents]) => `${fingerprint(contents).sha256}  ${path}`);
  return new Map([[checksumsPath, `${lines.join('\n')}\n`]]);
}
