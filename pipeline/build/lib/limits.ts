import type { VFile } from 'vfile';
import { fileWithError } from '../../model/lib/diagnostics.js';
import { limitOptions, type Limits } from './options.js';

/** The error for a file over the size limit, which is then not read at all. */
export function tooLarge(path: string, size: number, limits: Pick<Limits, 'maxFileSize'>): VFile {
  return fileWithError(
    path,
    `File is ${formatBytes(size)}, larger than the limit of ${formatBytes(limits.maxFileSize)}: split it, or raise the limit with ${limitOptions.maxFileSize}`,
    'limit-file-size',
  );
}

/** A size as a person reads it: 512 B, 3.2 KiB, 20.0 MiB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
}
