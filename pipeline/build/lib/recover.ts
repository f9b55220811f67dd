import { lstat, open, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * The folders and the marker a write of `out` by process `pid` leaves beside `out`, in the order they
 * appear and disappear:
 *
 * 1. `staging`: the new dataset, being written; every file and folder in it is synced before 2.
 * 2. `complete`: a file beside `staging` (never in it), written and synced once `staging` is complete.
 * 3. `out` is renamed to `previous`, then 4. `staging` is renamed to `out`.
 * 5. `previous` is deleted, and only then 6. `complete`.
 *
 * So the leftovers of a process killed at any point say how far it went: `staging` without `complete`
 * is incomplete; `staging` with `complete` is complete; `complete` without `staging` means the swap was
 * done, and `previous`, if any, is the old dataset, possibly half deleted. Tidying up keeps these
 * meanings: `previous` goes before `complete`, and `complete` before `staging`.
 */
export interface WritePaths {
  target: string;
  staging: string;
  complete: string;
  previous: string;
}

export function writePaths(out: string, pid: number): WritePaths {
  const target = resolve(out);
  return {
    target,
    staging: `${target}.staging-${pid}`,
    complete: `${target}.complete-${pid}`,
    previous: `${target}.previous-${pid}`,
  };
}

const leftoverName = /^(staging|complete|previous)-([1-9]\d*)$/;

/** Whether a process is running: signal 0 checks without sending anything; EPERM means it runs as another user. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/**
 * Repairs what a write of `out` killed part-way left behind, then deletes the leftovers. When `out` is
 * missing (a kill between the two renames), it rolls forward to a complete staging folder, or failing
 * that rolls back to a previous folder that is known to be whole; with several candidates, the most
 * recently changed wins. Folders of a process that is still running are never touched, so that two
 * builds into the same `out` do not undo each other's work.
 */
export async function recoverInterruptedWrite(out: string): Promise<void> {
  await recover(out, false);
}

/**
 * `recoverInterruptedWrite`, and with `ownPidIsDead` the leftovers named with this process's id count
 * as a dead process's too: in a container a build often gets the same pid as the one that was killed.
 * Only `writeAtomically` sets it, once no write of `out` is running in this process.
 */
export async function recover(out: string, ownPidIsDead: boolean): Promise<void> {
  const target = resolve(out);
  const found = new Map<number, Set<string>>();
  for (const { kind, pid } of await leftovers(target)) {
    if (pid === process.pid ? !ownPidIsDead : isAlive(pid)) continue;
    const kinds = found.get(pid) ?? new Set<string>();
    kinds.add(kind);
    found.set(pid, kinds);
  }
  if (found.size === 0) return;

  const dead = [...found].map(([pid, kinds]) => ({
    paths: writePaths(target, pid),
    staging: kinds.has('staging'),
    complete: kinds.has('complete'),
    previous: kinds.has('previous'),
  }));
  if (!(await exists(target))) {
    // Roll forward to a complete new dataset; else roll back to an old one, unless the swap was done
    // (marker but no staging), as the old one may then be half deleted.
    const forward = await newest(dead.filter((d) => d.staging && d.complete).map((d) => d.paths.staging));
    const back = forward ? undefined : await newest(dead.filter((d) => d.previous && !(d.complete && !d.staging)).map((d) => d.paths.previous));
    const restore = forward ?? back;
    if (restore) {
      try {
        await rename(restore, target);
        await syncFolder(dirname(target));
      } catch (error) {
        // Another process repairing at the same time was first: `restore` is gone or `out` is back.
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'ENOENT' && code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
      }
    }
  }
  for (const { paths } of dead) {
    // The marker goes after the previous folder (until then, it tells a half-deleted one from a whole
    // one) and before the staging folder (so that a half-deleted one never looks complete).
    // Retries let two processes delete the same folder at once.
    await rm(paths.previous, { recursive: true, force: true, maxRetries: 3 });
    await rm(paths.complete, { force: true });
    await rm(paths.staging, { recursive: true, force: true, maxRetries: 3 });
  }
}

/** Of these paths, the one changed last (renaming a folder changes its ctime), or undefined. */
async function newest(paths: string[]): Promise<string | undefined> {
  let best: { path: string; time: number } | undefined;
  for (const path of paths) {
    const time = await lstat(path).then(
      (stats) => stats.ctimeMs,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined; // repaired meanwhile by another process
        throw error;
      },
    );
    if (time !== undefined && (!best || time > best.time)) best = { path, time };
  }
  return best?.path;
}

export async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** Flushes a folder's entries (the names created, renamed or deleted in it) to disk. */
export async function syncFolder(folder: string): Promise<void> {
  // Windows cannot open a folder for syncing; its renames are journalled by NTFS.
  if (process.platform === 'win32') return;
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The leftovers beside `out` of writes by any process, by name: what a test checks is empty. */
export async function listLeftovers(out: string): Promise<string[]> {
  return (await leftovers(resolve(out))).map(({ path }) => path).sort();
}

/** The folders and markers beside `target` named like a write's (see WritePaths), with their kind and process. */
async function leftovers(target: string): Promise<Array<{ path: string; kind: string; pid: number }>> {
  const prefix = `${basename(target)}.`;
  let names: string[];
  try {
    names = await readdir(dirname(target));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names.flatMap((name) => {
    const match = name.startsWith(prefix) ? leftoverName.exec(name.slice(prefix.length)) : null;
    return match ? [{ path: join(dirname(target), name), kind: match[1]!, pid: Number(match[2]) }] : [];
  });
}
