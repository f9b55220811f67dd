import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { archiveTime, createArchive, directoryMode, fileMode, listFiles, readArchive, ReleaseError } from '../../pipeline/release/index.js';
import { baseDataset, temporaryFolders, writeDataset } from './fixture.js';

const folders = temporaryFolders();
afterAll(() => folders.cleanup());

const top = 'test-dataset-1.0.0';
const mtime = 1357000000; // 2013-01-01T00:26:40Z

async function archiveOf(folder: string, time = mtime): Promise<Buffer> {
  return createArchive(folder, listFiles(folder), { top, mtime: time });
}

describe('createArchive', () => {
  const dist = writeDataset(join(folders.make(), 'dist'), baseDataset());

  it('gives the same bytes on every run', async () => {
    const first = await archiveOf(dist);
    const second = await archiveOf(dist);
    expect(second.equals(first)).toBe(true);
    // …and different bytes for a different time: the time is in it.
    expect((await archiveOf(dist, mtime + 1)).equals(first)).toBe(false);
  });

  it('does not depend on the files’ own times or on the order they are listed in', async () => {
    const first = await archiveOf(dist);
    const copy = writeDataset(join(folders.make(), 'dist'), baseDataset());
    const reversed = await createArchive(copy, [...listFiles(copy)].reverse(), { top, mtime });
    expect(reversed.equals(first)).toBe(true);
  });

  it('holds every file under one top folder, sorted by path, with fixed times, owners and modes', async () => {
    const entries = await readArchive(await archiveOf(dist));
    expect(entries.map((e) => `${e.type} ${e.name}`)).toEqual([
      `directory ${top}/`,
      `file ${top}/README.md`,
      `file ${top}/SHA256SUMS`,
      `directory ${top}/csv/`,
      `file ${top}/csv/events.csv`,
      `file ${top}/csv/organizations.csv`,
      `file ${top}/datapackage.json`,
    ]);
    for (const entry of entries) {
      expect(entry).toMatchObject({ mtime, uid: 0, gid: 0, uname: '', gname: '', mode: entry.type === 'directory' ? directoryMode : fileMode });
      if (entry.type === 'file') expect(entry.contents.equals(readFileSync(join(dist, entry.name.slice(top.length + 1))))).toBe(true);
    }
    expect(directoryMode).toBe(0o755);
    expect(fileMode).toBe(0o644);
  });

  it('writes a gzip header with no time, no file name and the Unix OS byte', async () => {
    const bytes = await archiveOf(dist);
    expect([...bytes.subarray(0, 4)]).toEqual([0x1f, 0x8b, 8, 0]); // magic, deflate, no FNAME/FCOMMENT/FEXTRA
    expect(bytes.readUInt32LE(4)).toBe(0);
    expect(bytes[9]).toBe(3);
  });

  it('is read by GNU tar as written', async () => {
    const folder = folders.make();
    writeFileSync(join(folder, 'a.tar.gz'), await archiveOf(dist));
    const listing = spawnSync('tar', ['--numeric-owner', '-tvzf', 'a.tar.gz'], { cwd: folder, encoding: 'utf8', env: { ...process.env, TZ: 'UTC', LC_ALL: 'C' } });
    expect(listing.status).toBe(0);
    const lines = listing.stdout.trim().split('\n').map((line) => line.split(/\s+/));
    expect(lines.map((f) => f[5])).toEqual([`${top}/`, `${top}/README.md`, `${top}/SHA256SUMS`, `${top}/csv/`, `${top}/csv/events.csv`, `${top}/csv/organizations.csv`, `${top}/datapackage.json`]);
    for (const [mode, owner, , date, time] of lines) {
      expect(mode).toMatch(/^(drwxr-xr-x|-rw-r--r--)$/);
      expect(owner).toBe('0/0');
      expect(`${date} ${time}`).toBe('2013-01-01 00:26');
    }
    mkdirSync(join(folder, 'x'));
    expect(spawnSync('tar', ['-xzf', '../a.tar.gz'], { cwd: join(folder, 'x') }).status).toBe(0);
    // The files' own checksums hold in the unpacked folder.
    const check = spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: join(folder, 'x', top), encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it('refuses a top folder that is not one path segment', async () => {
    await expect(createArchive(dist, listFiles(dist), { top: '../x', mtime })).rejects.toThrow(ReleaseError);
  });
});

describe('archiveTime', () => {
  it('is SOURCE_DATE_EPOCH when it is set', () => {
    expect(archiveTime({ SOURCE_DATE_EPOCH: '1700000000' }, '2013-01-01T00:00:00Z')).toBe(1700000000);
  });

  it('else the package’s created date-time', () => {
    expect(archiveTime({}, '2013-01-01T00:00:00Z')).toBe(1356998400);
    expect(archiveTime({ SOURCE_DATE_EPOCH: '' }, '2013-01-01T01:00:00+01:00')).toBe(1356998400);
    expect(archiveTime({}, '2013-01-01')).toBe(1356998400);
  });

  it('else 0, also for a date without a time zone, which would depend on the machine’s', () => {
    expect(archiveTime({}, undefined)).toBe(0);
    expect(archiveTime({}, 'January 2013')).toBe(0);
    expect(archiveTime({}, '2013-01-01T00:00:00')).toBe(0);
  });

  it('refuses a SOURCE_DATE_EPOCH that is not whole seconds', () => {
    expect(() => archiveTime({ SOURCE_DATE_EPOCH: '17e8' }, undefined)).toThrow(/SOURCE_DATE_EPOCH must be a whole number/);
  });
});
