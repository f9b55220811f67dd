import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { release } from '../../pipeline/release/index.js';
import { root } from '../helpers.js';
import { baseDataset, table, temporaryFolders, writeDataset } from './fixture.js';

const folders = temporaryFolders();
afterAll(() => folders.cleanup());

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the release command as `npm run release` does, from the repository root. */
function runRelease(args: string[], env: Record<string, string> = {}): Run {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'pipeline/release/cli.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', SOURCE_DATE_EPOCH: '', ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A refusal: exit code 1 and one line on stderr, no stack trace. */
function expectRefusal(run: Run): string {
  expect(run.status).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  return run.stderr;
}

describe('npm run release', () => {
  let work: string;
  let previous: string;
  let current: string;
  let success: Run;
  const base = 'test-dataset-1.1.0';

  beforeAll(() => {
    work = folders.make();
    previous = writeDataset(join(work, 'previous'), baseDataset('1.0.0'));
    const next = baseDataset('1.1.0');
    table(next, 'organizations').rows.push(['org/un', 'United Nations', '1945']);
    current = writeDataset(join(work, 'dist'), next);
    success = runRelease(['--dist', current, '--previous', previous, '--out', join(work, 'out')], { TZ: 'UTC' });
  });

  it('writes the archive, its checksum, the files’ checksums and the release note', () => {
    expect(success.stderr).toBe('');
    expect(success.status).toBe(0);
    expect(success.stdout).toMatch(/^Released test-dataset 1\.1\.0, minor changes since 1\.0\.0 \(.*previous\): .*out\/ test-dataset-1\.1\.0\.tar\.gz, /);
    expect(readdirSync(join(work, 'out')).sort()).toEqual([`${base}.SHA256SUMS`, `${base}.files.SHA256SUMS`, `${base}.md`, `${base}.tar.gz`]);
    expect(readFileSync(join(work, 'out', `${base}.files.SHA256SUMS`), 'utf8')).toBe(readFileSync(join(current, 'SHA256SUMS'), 'utf8'));
    const note = readFileSync(join(work, 'out', `${base}.md`), 'utf8');
    expect(note).toContain('- Previous version: 1.0.0');
    expect(note).toContain('- Version bump implied by the changes: minor');
    expect(note).toContain('Records added (1):');
  });

  it('writes a checksum file that sha256sum -c accepts', () => {
    const check = spawnSync('sha256sum', ['-c', `${base}.SHA256SUMS`], { cwd: join(work, 'out'), encoding: 'utf8' });
    expect(check.stdout).toBe(`${base}.tar.gz: OK\n`);
    expect(check.status).toBe(0);
  });

  it('gives a byte-identical archive on every run, in any time zone', () => {
    const again = runRelease(['--dist', current, '--previous', previous, '--out', join(work, 'again')], { TZ: 'Pacific/Chatham' });
    expect(again.status).toBe(0);
    for (const file of [`${base}.tar.gz`, `${base}.SHA256SUMS`, `${base}.md`]) {
      expect(readFileSync(join(work, 'again', file)).equals(readFileSync(join(work, 'out', file)))).toBe(true);
    }
  });

  it('refuses a version smaller than the changes require, and says which it expects', () => {
    const out = join(work, 'too-small');
    const next = baseDataset('1.0.1');
    table(next, 'organizations').rows.pop();
    const dist = writeDataset(join(work, 'too-small-dist'), next);
    const message = expectRefusal(runRelease(['--dist', dist, '--previous', previous, '--out', out]));
    expect(message).toMatch(/^release failed: version 1\.0\.1 is too small for the changes since 1\.0\.0 \(major: organizations: 1 record removed\): expected 2\.0\.0 or later/);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a stale dist: a file whose hash does not match SHA256SUMS', () => {
    const out = join(work, 'stale');
    const dist = writeDataset(join(work, 'stale-dist'), baseDataset('1.1.0'));
    appendFileSync(join(dist, 'csv/organizations.csv'), 'org/un,United Nations,1945\r\n');
    const message = expectRefusal(runRelease(['--dist', dist, '--previous', previous, '--out', out]));
    expect(message).toMatch(/stale or inconsistent and cannot be released: csv\/organizations\.csv does not match its hash in SHA256SUMS/);
    expect(existsSync(out)).toBe(false);
  });

  it('exits with 2 on a wrong command line', () => {
    const run = runRelease(['--bogus']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Usage:');
  });
});

describe('release()', () => {
  it('compares with a previous release archive, and stamps the archive with SOURCE_DATE_EPOCH', async () => {
    const work = folders.make();
    const first = await release({ dist: writeDataset(join(work, 'v1'), baseDataset('1.0.0')), out: join(work, 'out1'), previous: writeDataset(join(work, 'none'), baseDataset('0.9.0')), env: {} });
    expect(first.bump).toBe('none');
    const next = baseDataset('1.0.1');
    table(next, 'events').rows[0]![2] = '2009-06';
    const second = await release({ dist: writeDataset(join(work, 'v2'), next), out: join(work, 'out2'), previous: first.files.archive, env: { SOURCE_DATE_EPOCH: '1700000000' } });
    expect(second.previousVersion).toBe('1.0.0');
    expect(second.bump).toBe('patch');
    expect(second.changelog.tables[1]?.changed).toEqual([{ key: ['event/1'], changes: [{ field: 'date', previousField: 'date', from: '2009-07', to: '2009-06' }] }]);
    const listing = spawnSync('tar', ['--numeric-owner', '-tvzf', second.files.archive], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC', LC_ALL: 'C' } });
    expect(listing.stdout).toContain('2023-11-14 22:13 test-dataset-1.0.1/datapackage.json');
  });

  it('refuses to write into the dataset folder', async () => {
    const dist = writeDataset(join(folders.make(), 'dist'), baseDataset());
    await expect(release({ dist, out: join(dist, 'release'), previous: dist })).rejects.toThrow(/must not be the dataset folder/);
  });
});
