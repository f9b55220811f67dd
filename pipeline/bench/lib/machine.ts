/** What a benchmark ran on and which code it measured, so that results files can be compared. */
import { spawnSync } from 'node:child_process';
import { arch, cpus, platform, release, totalmem } from 'node:os';

export interface Machine {
  os: string;
  osRelease: string;
  arch: string;
  cpuModel: string;
  cpuCount: number;
  totalMemoryMb: number;
  node: string;
  /** NODE_OPTIONS the measured processes inherited (a raised heap limit changes what a build can hold). */
  nodeOptions: string | null;
}

export interface Revision {
  commit: string;
  /** Whether the working tree had changes to tracked files: the figures are then of uncommitted code. */
  dirty: boolean;
}

export function machine(): Machine {
  const processors = cpus();
  return {
    os: platform(),
    osRelease: release(),
    arch: arch(),
    cpuModel: processors[0]?.model.trim() ?? 'unknown',
    cpuCount: processors.length,
    totalMemoryMb: Math.round(totalmem() / 2 ** 20),
    node: process.version,
    nodeOptions: process.env['NODE_OPTIONS'] || null,
  };
}

/** The checked-out commit of the repository at `cwd`, or undefined outside git. */
export function revision(cwd: string): Revision | undefined {
  const head = spawnSync('git', ['rev-parse', 'HEAD'], { cwd, encoding: 'utf8' });
  if (head.status !== 0 || !head.stdout) return undefined;
  const status = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd, encoding: 'utf8' });
  return { commit: head.stdout.trim(), dirty: status.status === 0 && status.stdout.trim() !== '' };
}
