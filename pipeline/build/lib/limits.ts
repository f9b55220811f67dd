import { VFile } from 'vfile';
import { reportError } from '../../model/lib/diagnostics.js';
import { limitOptions, type Limits } from './options.js';

/** The error for a file over the size limit, which is then not read at all. */
export function tooLarge(path: string, size: number, limits: Pick<Limits, 'maxFileSize'>): VFile {
  const file = new VFile({ path });
  reportError(
    file,
    `File is ${mebibytes(size)}, larger than the limit of ${mebibytes(limits.maxFileSize)}: split it, or raise the limit with ${limitOptions.maxFileSize}`,
    undefined,
    'limit-file-size',
  );
  return file;
}

function mebibytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
