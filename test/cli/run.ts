import { spawnSync } from 'node:child_process';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../helpers.js';

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the command line as `npm run build/check` does, from the repository root. */
export function runCli(args: string[], env: Record<string, string> = {}): Run {
  const result = spawnSync(process.execPath, ['pipeline/run.mjs', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env, FORCE_COLOR: '0', NO_COLOR: '1' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Every file under a folder with its bytes, by relative path: what "unchanged" is checked against.
 * Symbolic links are recorded by their target and pipes by their kind, never followed or read.
 */
export function snapshot(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string, prefix: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const stats = lstatSync(path);
      if (stats.isDirectory()) walk(path, `${prefix}${name}/`);
      else if (stats.isSymbolicLink()) files[`${prefix}${name}`] = `symlink to ${readlinkSync(path)}`;
      else if (stats.isFile()) files[`${prefix}${name}`] = readFileSync(path).toString('base64');
      else files[`${prefix}${name}`] = 'not a regular file';
    }
  };
  walk(folder, '');
  return files;
}
