import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArchive, listFiles, previousRelease, previousReleaseTag, release, ReleaseError } from '../../pipeline/release/index.js';
import { baseDataset, table, temporaryFolders, writeDataset } from './fixture.js';

const folders = temporaryFolders();
afterAll(() => folders.cleanup());

/** Runs git in `cwd` with a fixed identity and no signing, whatever the machine's configuration. */
function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
  });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
}

/** Files of a folder with their text. */
function contents(folder: string): Record<string, string> {
  return Object.fromEntries(listFiles(folder).map((path) => [path, readFileSync(join(folder, path), 'utf8')]));
}

describe('previous release from git tags', () => {
  let repository: string;
  let datasetAt100: Record<string, string>;

  beforeAll(() => {
    // v1.0.0, then v1.1.0, a tag that is no version, and a last commit: the previous release of HEAD is v1.1.0.
    repository = folders.make();
    git(repository, 'init', '--quiet');
    const dist = join(repository, 'dist');
    writeDataset(dist, baseDataset('1.0.0'));
    datasetAt100 = contents(dist);
    git(repository, 'add', '.');
    git(repository, 'commit', '--quiet', '-m', 'v1.0.0');
    git(repository, 'tag', 'v1.0.0');
    const next = baseDataset('1.1.0');
    table(next, 'organizations').rows.push(['org/un', 'United Nations', '1945']);
    rmSync(dist, { recursive: true });
    writeDataset(dist, next);
    git(repository, 'add', '-A');
    git(repository, 'commit', '--quiet', '-m', 'v1.1.0');
    git(repository, 'tag', '-a', '-m', 'Release 1.1.0', 'v1.1.0');
    git(repository, 'tag', 'vnext');
    writeFileSync(join(repository, 'notes.txt'), 'work in progress\n');
    git(repository, 'add', '-A');
    git(repository, 'commit', '--quiet', '-m', 'more');
  });

  it('takes the highest v<SemVer> tag reachable from HEAD', () => {
    expect(previousReleaseTag(repository)).toBe('v1.1.0');
  });

  it('leaves out a tag on HEAD itself: that is the release being made', () => {
    git(repository, 'tag', 'v1.2.0');
    try {
      expect(previousReleaseTag(repository)).toBe('v1.1.0');
    } finally {
      git(repository, 'tag', '-d', 'v1.2.0');
    }
  });

  it('leaves out tags not reachable from HEAD', () => {
    git(repository, 'checkout', '--quiet', 'v1.0.0');
    try {
      expect(previousReleaseTag(repository)).toBeUndefined(); // v1.0.0 is on HEAD, v1.1.0 is later
    } finally {
      git(repository, 'checkout', '--quiet', 'main');
    }
  });

  it('reads the dataset folder as committed at a tag, by default the previous release tag', async () => {
    const previous = await previousRelease(undefined, { dist: 'dist', cwd: repository });
    try {
      expect(previous?.label).toBe('v1.1.0');
      expect(contents(previous!.folder)['datapackage.json']).toContain('"version": "1.1.0"');
    } finally {
      previous?.cleanup();
    }
    const older = await previousRelease('v1.0.0', { dist: 'dist', cwd: repository });
    try {
      expect(contents(older!.folder)).toEqual(datasetAt100);
    } finally {
      older?.cleanup();
    }
  });

  it('releases a tagged commit against the release tag before it, as CI does on a tag', async () => {
    const out = join(folders.make(), 'release');
    git(repository, 'checkout', '--quiet', 'v1.1.0');
    try {
      const result = await release({ dist: 'dist', out, cwd: repository, env: {} });
      expect(result).toMatchObject({ version: '1.1.0', previousVersion: '1.0.0', previousLabel: 'v1.0.0', bump: 'minor' });
    } finally {
      git(repository, 'checkout', '--quiet', 'main');
    }
    // On main, past v1.1.0, the same dataset is not a new version.
    await expect(release({ dist: 'dist', out, cwd: repository, env: {} })).rejects.toThrow(/version 1\.1\.0 is not greater than the previous version 1\.1\.0/);
  });

  it('refuses a ref that has no dataset folder at that path', async () => {
    await expect(previousRelease('v1.0.0', { dist: 'elsewhere', cwd: repository })).rejects.toThrow(/v1\.0\.0 has no elsewhere\/ folder/);
  });

  it('is a first release when there is no release tag', () => {
    const fresh = folders.make();
    git(fresh, 'init', '--quiet');
    expect(previousReleaseTag(fresh)).toBeUndefined();
    writeFileSync(join(fresh, 'a.txt'), 'a\n');
    git(fresh, 'add', '.');
    git(fresh, 'commit', '--quiet', '-m', 'first');
    expect(previousReleaseTag(fresh)).toBeUndefined();
  });

  it('refuses a shallow clone, whose tags may be missing', () => {
    const clone = join(folders.make(), 'clone');
    git(repository, 'clone', '--quiet', '--depth', '1', `file://${repository}`, clone);
    expect(() => previousReleaseTag(clone)).toThrow(/shallow clone/);
  });

  it('refuses a folder outside any git repository', () => {
    expect(() => previousReleaseTag(folders.make())).toThrow(ReleaseError);
  });
});

describe('previous release from a folder or an archive', () => {
  it('takes a folder as it is', async () => {
    const folder = writeDataset(join(folders.make(), 'old'), baseDataset());
    const previous = await previousRelease(folder, { dist: 'dist' });
    expect(previous?.folder).toBe(folder);
  });

  it('unpacks a release archive, without its top folder', async () => {
    const dist = writeDataset(join(folders.make(), 'dist'), baseDataset());
    const archive = join(folders.make(), 'test-dataset-1.0.0.tar.gz');
    writeFileSync(archive, await createArchive(dist, listFiles(dist), { top: 'test-dataset-1.0.0', mtime: 0 }));
    const previous = await previousRelease(archive, { dist: 'dist' });
    try {
      expect(contents(previous!.folder)).toEqual(contents(dist));
    } finally {
      previous?.cleanup();
    }
  });

  it('refuses what is neither a folder, an archive nor a git ref', async () => {
    const cwd = folders.make();
    await expect(previousRelease('no-such-thing', { dist: 'dist', cwd })).rejects.toThrow(/--previous no-such-thing is neither a folder, an archive nor a git ref/);
    writeFileSync(join(cwd, 'notes.txt'), 'text\n');
    await expect(previousRelease('notes.txt', { dist: 'dist', cwd })).rejects.toThrow(/not a \.tar\.gz/);
    writeFileSync(join(cwd, 'broken.tar.gz'), 'not gzip at all, not a tar either');
    await expect(previousRelease('broken.tar.gz', { dist: 'dist', cwd })).rejects.toThrow(/not a readable archive/);
  });
});
