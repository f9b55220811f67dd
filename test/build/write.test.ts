import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAlive, listLeftovers, writePaths } from '../../pipeline/build/lib/recover.js';
import { checkReplaceable, recoverInterruptedWrite, writeAtomically } from '../../pipeline/build/lib/write.js';
import { root } from '../helpers.js';
import { snapshot } from '../cli/run.js';

const scratch = mkdtempSync(join(tmpdir(), 'odp-write-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let counter = 0;
/** A fresh `out` path in its own folder, so that leftovers of one test never meet another's. */
function freshOut(): string {
  const parent = join(scratch, `case-${++counter}`);
  mkdirSync(parent);
  return join(parent, 'dist');
}

/** A dataset folder whose every file says which version it is. */
function dataset(folder: string, version: string): void {
  mkdirSync(join(folder, 'csv'), { recursive: true });
  writeFileSync(join(folder, 'README.md'), `${version}\n`);
  writeFileSync(join(folder, 'csv', 'table.csv'), `${version}\r\n`);
}
const versionOf = (version: string) => ({
  'README.md': Buffer.from(`${version}\n`).toString('base64'),
  'csv/table.csv': Buffer.from(`${version}\r\n`).toString('base64'),
});

/** The id of a process that has run and been reaped: certainly dead (pids are not reused that fast). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  expect(child.status).toBe(0);
  expect(isAlive(child.pid)).toBe(false);
  return child.pid;
}

/** Names beside `out` (other than `out` itself), sorted. */
function besides(out: string): string[] {
  const name = out.split('/').pop()!;
  return readdirSync(join(out, '..')).filter((entry) => entry !== name).sort();
}

describe('recoverInterruptedWrite', () => {
  let pid = 0;
  beforeAll(() => {
    pid = deadPid();
  });

  it('deletes an incomplete staging folder and keeps the old dataset (killed while writing)', async () => {
    const out = freshOut();
    const paths = writePaths(out, pid);
    dataset(out, 'old');
    mkdirSync(paths.staging);
    writeFileSync(join(paths.staging, 'README.md'), 'new\n');
    await recoverInterruptedWrite(out);
    expect(snapshot(out)).toEqual(versionOf('old'));
    expect(besides(out)).toEqual([]);
  });

  it('deletes an incomplete staging folder when there was no dataset yet, and leaves none', async () => {
    const out = freshOut();
    const paths = writePaths(out, pid);
    dataset(paths.staging, 'new');
    await recoverInterruptedWrite(out);
    expect(existsSync(out)).toBe(false);
    expect(besides(out)).toEqual([]);
  });

  it('keeps the old dataset when the staging folder was complete but not yet swapped in', async () => {
    const out = freshOut();
    const paths = writePaths(out, pid);
    dataset(out, 'old');
    dataset(paths.staging, 'new');
    writeFileSync(paths.complete, '');
    await recoverInterruptedWrite(out);
    expect(snapshot(out)).toEqual(versionOf('old'));
    expect(besides(out)).toEqual([]);
  });

  it('rolls forward to the complete staging folder when killed between the two renames', async () => {
    const out = freshOut();
    const paths = writePaths(out, pid);
    dataset(paths.previous, 'old');
    dataset(paths.staging, 'new');
    writeFileSync(paths.complete, '');
    await recoverInterruptedWrite(out);
    expect(snapshot(out)).toEqual(versionOf('new'));
    expect(besides(out)).toEqual([]);
  });

  it('rolls forward on a first build killed after its staging folder was complete', async () => {
    const out = freshOut();
    const paths = writePaths(out, pid);
    dataset(paths.staging, 'new');
    writeFileSync(paths.complete, '');
    await recoverInterruptedWrite(out);
    expect(snapshot(out)).toEqual(versionOf('new'));
    expect(besides(out)).toEqual([]);
  });

  it('rolls back to the previous folder when no staging folder is marked complete', async () => {
    const out = freshOut();
    const paths = writePaths(out, pid);
    dataset(paths.previous, 'old');
    dataset(paths.staging, 'new'); // unmarked: maybe whole, maybe not
    await recoverInterruptedWrite(out);
    expect(snapshot(out)).toEqual(versionOf('old'));
    expect(besides(out)).toEqual([]);

    const alone = freshOut();
    dataset(writePaths(alone, pid).previous, 'old');
    await recoverInterruptedWrite(alone);
    expect(snapshot(alone)).toEqual(versionOf('old'));
    expect(besides(alone)).toEqual([]);
  });

  it('deletes the previous folder and then the marker after a finished swap', async () => {
    const out = freshOut();
    const paths = writePaths(out, pid);
    dataset(out, 'new');
    dataset(paths.previous, 'old');
    writeFileSync(paths.complete, '');
    await recoverInterruptedWrite(out);
    expect(snapshot(out)).toEqual(versionOf('new'));
    expect(besides(out)).toEqual([]);

    const markerOnly = freshOut();
    dataset(markerOnly, 'new');
    writeFileSync(writePaths(markerOnly, pid).complete, '');
    await recoverInterruptedWrite(markerOnly);
    expect(snapshot(markerOnly)).toEqual(versionOf('new'));
    expect(besides(markerOnly)).toEqual([]);
  });

  it('never rolls back to a previous folder that may be half deleted (swap done, then out removed by hand)', async () => {
    const out = freshOut();
    const paths = writePaths(out, pid);
    mkdirSync(join(paths.previous, 'csv'), { recursive: true });
    writeFileSync(join(paths.previous, 'csv', 'table.csv'), 'old\r\n'); // README.md already deleted
    writeFileSync(paths.complete, '');
    await recoverInterruptedWrite(out);
    expect(existsSync(out)).toBe(false);
    expect(besides(out)).toEqual([]);
  });

  it('leaves the folders of a process that is still running alone', async () => {
    const out = freshOut();
    const paths = writePaths(out, process.pid);
    dataset(paths.previous, 'old');
    dataset(paths.staging, 'new');
    writeFileSync(paths.complete, '');
    const before = besides(out);
    await recoverInterruptedWrite(out);
    expect(existsSync(out)).toBe(false);
    expect(besides(out)).toEqual(before);
    expect(snapshot(paths.staging)).toEqual(versionOf('new'));
    expect(snapshot(paths.previous)).toEqual(versionOf('old'));
  });

  it("repairs a dead process's leftovers beside a running one's, and touches nothing else", async () => {
    const out = freshOut();
    const dead = writePaths(out, pid);
    const alive = writePaths(out, process.pid);
    dataset(dead.previous, 'old');
    dataset(dead.staging, 'new');
    writeFileSync(dead.complete, '');
    dataset(alive.staging, 'newer');
    const others = [`dist.staging-notes`, `dist.staging-0`, `dist.notes-${pid}`, `dist-other.staging-${pid}`, `distx.previous-${pid}`];
    for (const name of others) mkdirSync(join(out, '..', name));
    await recoverInterruptedWrite(out);
    expect(snapshot(out)).toEqual(versionOf('new'));
    expect(besides(out)).toEqual([...others, `dist.staging-${process.pid}`].sort());
  });

  it('lets two processes repair the same leftovers at once', async () => {
    const out = freshOut();
    const paths = writePaths(out, pid);
    dataset(paths.previous, 'old');
    dataset(paths.staging, 'new');
    writeFileSync(paths.complete, '');
    await Promise.all([recoverInterruptedWrite(out), recoverInterruptedWrite(out), recoverInterruptedWrite(out)]);
    expect(snapshot(out)).toEqual(versionOf('new'));
    expect(besides(out)).toEqual([]);
  });

  it('does nothing when the folder around out does not exist', async () => {
    await expect(recoverInterruptedWrite(join(scratch, 'nowhere', 'dist'))).resolves.toBeUndefined();
  });
});

describe('writeAtomically', () => {
  const files = (version: string) =>
    new Map([
      ['README.md', `${version}\n`],
      ['csv/table.csv', `${version}\r\n`],
    ]);

  it('writes a new folder and replaces an old one whole, leaving nothing beside it', async () => {
    const out = freshOut();
    await writeAtomically(out, files('old'));
    expect(snapshot(out)).toEqual(versionOf('old'));
    writeFileSync(join(out, 'stale.txt'), 'from an older build\n');
    await writeAtomically(out, files('new'));
    expect(snapshot(out)).toEqual(versionOf('new'));
    expect(await listLeftovers(out)).toEqual([]);
    expect(besides(out)).toEqual([]);
  });

  it('leaves the old dataset untouched and nothing beside it when writing fails', async () => {
    const out = freshOut();
    dataset(out, 'old');
    // `a` is a file, so `a/b` cannot be written.
    await expect(writeAtomically(out, new Map([['a', 'x'], ['a/b', 'y']]))).rejects.toThrow();
    expect(snapshot(out)).toEqual(versionOf('old'));
    expect(besides(out)).toEqual([]);
  });

  it('first repairs what a killed process with this same pid left (a pid reused in a container)', async () => {
    const out = freshOut();
    const paths = writePaths(out, process.pid);
    dataset(paths.previous, 'old');
    dataset(paths.staging, 'new');
    writeFileSync(paths.complete, '');
    await writeAtomically(out, files('newer'));
    expect(snapshot(out)).toEqual(versionOf('newer'));
    expect(besides(out)).toEqual([]);
  });

  it('runs two writes of the same out in one process one after the other', async () => {
    const out = freshOut();
    await Promise.all([writeAtomically(out, files('first')), writeAtomically(out, files('second'))]);
    expect(snapshot(out)).toEqual(versionOf('second'));
    expect(besides(out)).toEqual([]);
  });
});

describe('writeAtomically, a file written a piece at a time', () => {
  // The sink gathers pieces into blocks of 1 MiB: these pieces end inside a character, straddle a block,
  // are larger than one, and come as text and as bytes.
  const mebibyte = 1 << 20;
  const pieces: Array<string | Uint8Array> = [
    'a'.repeat(mebibyte - 1),
    'é€𝄞',
    ...Array.from({ length: 3000 }, (_, index) => `row ${index}, Zürich – 東京\r\n`),
    new Uint8Array(2 * mebibyte + 3).fill(0x41),
    Buffer.from('ünïcode bytes\n'),
    '',
    '𝄞'.repeat(mebibyte),
    Buffer.from('x'.repeat(mebibyte - 2)),
    'end\n',
  ];
  const expected = Buffer.concat(pieces.map((piece) => (typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece)));

  it('holds every byte in order, and its size and SHA-256 are those of its bytes', async () => {
    const out = freshOut();
    const written = await writeAtomically(out, async (sink) => {
      const writer = await sink.open('data/file.txt');
      for (const piece of pieces) await writer.write(piece);
      await writer.close();
    });
    const bytes = readFileSync(join(out, 'data/file.txt'));
    expect(bytes.equals(expected)).toBe(true);
    expect(written.get('data/file.txt')).toEqual({ bytes: expected.byteLength, sha256: createHash('sha256').update(expected).digest('hex') });
  });

  it('writes files opened together each whole, whatever order their pieces come in', async () => {
    const out = freshOut();
    await writeAtomically(out, async (sink) => {
      const first = await sink.open('first.txt');
      const second = await sink.open('second.txt');
      for (const piece of pieces) {
        await first.write(piece);
        await second.write(piece);
      }
      await first.close();
      await second.close();
    });
    expect(readFileSync(join(out, 'first.txt')).equals(expected)).toBe(true);
    expect(readFileSync(join(out, 'second.txt')).equals(expected)).toBe(true);
  });
});

describe('writeAtomically, the syncs', () => {
  it('syncs the files it writes one at a time (each fsync holds a thread of the I/O pool), all before it returns', async () => {
    const probe = await open(join(scratch, 'probe'), 'w');
    const prototype = Object.getPrototypeOf(probe) as FileHandle;
    await probe.close();
    const sync = prototype.sync;
    let running = 0;
    let most = 0;
    let ended = 0;
    prototype.sync = async function (this: FileHandle) {
      most = Math.max(most, ++running);
      try {
        await new Promise((resolve) => setTimeout(resolve, 20));
        return await sync.call(this);
      } finally {
        running--;
        ended++;
      }
    };
    try {
      await writeAtomically(freshOut(), async (sink) => {
        const writers = await Promise.all(['a.txt', 'b.txt', 'c/d.txt', 'c/e.txt', 'f.txt'].map((path) => sink.open(path)));
        for (const writer of writers) await writer.write('text\n');
        await Promise.all(writers.map((writer) => writer.close()));
      });
    } finally {
      prototype.sync = sync;
    }
    expect(most).toBe(1);
    // Five files, their folders and the marker.
    expect(ended).toBeGreaterThanOrEqual(5);
    expect(running).toBe(0);
  });
});

describe('checkReplaceable', () => {
  const built = join(scratch, 'built');
  beforeAll(() => cpSync(join(root, 'dist'), built, { recursive: true }));

  it('accepts a missing folder, an empty one and one a build wrote', async () => {
    expect(await checkReplaceable(join(scratch, 'missing'))).toBeUndefined();
    const empty = join(scratch, 'empty');
    mkdirSync(join(empty, 'csv'), { recursive: true });
    expect(await checkReplaceable(empty)).toBeUndefined();
    expect(await checkReplaceable(built)).toBeUndefined();
  });

  it('names the first file no build wrote', async () => {
    const extra = join(scratch, 'extra');
    cpSync(built, extra, { recursive: true });
    writeFileSync(join(extra, 'notes.txt'), 'mine\n');
    writeFileSync(join(extra, 'zz.txt'), 'mine too\n');
    expect(await checkReplaceable(extra)).toBe(`--out ${extra} holds notes.txt, which no build wrote: move it away or choose another --out`);
  });

  it('finds a file no build wrote at any depth', async () => {
    const nested = join(scratch, 'nested');
    cpSync(built, nested, { recursive: true });
    mkdirSync(join(nested, 'csv', 'drafts'));
    writeFileSync(join(nested, 'csv', 'drafts', 'mine.csv'), 'a\r\n');
    expect(await checkReplaceable(nested)).toBe(`--out ${nested} holds csv/drafts/mine.csv, which no build wrote: move it away or choose another --out`);
  });

  it('does not trust a folder without SHA256SUMS', async () => {
    const bare = join(scratch, 'bare');
    mkdirSync(bare);
    writeFileSync(join(bare, 'thesis.tex'), '\\documentclass{article}\n');
    expect(await checkReplaceable(bare)).toMatch(/holds thesis\.tex, which no build wrote/);
  });

  it('refuses a file and a symbolic link', async () => {
    const file = join(scratch, 'a-file');
    writeFileSync(file, 'not a folder\n');
    expect(await checkReplaceable(file)).toBe(`--out ${file} is a file, not a folder: move it away or choose another --out`);
    const link = join(scratch, 'a-link');
    symlinkSync(built, link);
    expect(await checkReplaceable(link)).toMatch(/is a symbolic link/);
  });
});
