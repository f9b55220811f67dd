import { createHash } from 'node:crypto';
import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ReleaseError } from './errors.js';

/** SHA-256 of bytes, lowercase hex. */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Code point order of paths, the same on every machine and locale. */
export function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Every regular file under a folder, as '/'-separated paths relative to it, sorted. A symbolic link or
 * any other special file is refused: what is released must be plain files.
 */
export function listFiles(folder: string): string[] {
  const files: string[] = [];
  const walk = (dir: string, prefix: string): void => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      const relative = `${prefix}${entry}`;
      const stat = lstatSync(path);
      if (stat.isDirectory()) walk(path, `${relative}/`);
      else if (stat.isFile()) files.push(relative);
      else throw new ReleaseError(`${path} is not a regular file or folder (a symbolic link?): it cannot be released`);
    }
  };
  walk(folder, '');
  return files.sort(byPath);
}

/**
 * Whether a '/'-separated path stays inside the folder it is relative to: not absolute, no `..`, no
 * empty or `.` segment, no backslash or drive letter.
 */
export function isSafeRelativePath(path: string): boolean {
  if (path === '' || path.startsWith('/') || path.includes('\\') || /^[A-Za-z]:/.test(path) || path.includes('\0')) return false;
  return path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}
