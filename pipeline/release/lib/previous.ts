import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import semver from 'semver';
import { readArchive, type ArchiveEntry } from './archive.js';
import { ReleaseError } from './errors.js';
import { isSafeRelativePath } from './files.js';
import { descriptorPath, isSemVer } from './package.js';

/** The previous release, laid out as a dataset folder. */
export interface PreviousRelease {
  folder: string;
  /** How messages and the release note name it: a tag, a folder or an archive. */
  label: string;
  /** Removes the temporary folder, if one was made. */
  cleanup(): void;
}

export interface PreviousOptions {
  /** The dataset folder being released: its path inside the repository is where a tag's dataset is read. */
  dist: string;
  /** Where git runs (default: the working directory). */
  cwd?: string;
}

/** Tags of releases: `v` and a SemVer version. */
const releaseTag = /^v(\d+\.\d+\.\d+.*)$/;

function git(args: readonly string[], cwd: string, maxBuffer = 64 * 1024 * 1024): { ok: boolean; stdout: Buffer; stderr: string } {
  const result = spawnSync('git', args, { cwd, maxBuffer });
  if (result.error) throw new ReleaseError(`cannot run git: ${result.error.message}`);
  return { ok: result.status === 0, stdout: result.stdout, stderr: result.stderr.toString('utf8').trim() };
}

const lines = (bytes: Buffer): string[] => bytes.toString('utf8').split('\n').filter((line) => line !== '');

/**
 * The tag of the previous release: of the `v<SemVer>` tags reachable from HEAD, the highest version,
 * leaving out the tags on HEAD itself (when a tag is being released, that tag is this release).
 * Undefined when there is none: a first release. Refuses a shallow clone, whose tags may be missing.
 */
export function previousReleaseTag(cwd: string): string | undefined {
  const inside = git(['rev-parse', '--is-inside-work-tree'], cwd);
  if (!inside.ok) throw new ReleaseError(`${resolve(cwd)} is not in a git repository: pass --previous with the previous release's folder, archive or git ref`);
  if (git(['rev-parse', '--is-shallow-repository'], cwd).stdout.toString().trim() === 'true') {
    throw new ReleaseError('this is a shallow clone, whose release tags may be missing: fetch the whole history (actions/checkout with fetch-depth: 0), or pass --previous');
  }
  const head = git(['rev-parse', '--verify', '--quiet', 'HEAD'], cwd);
  if (!head.ok) return undefined; // a repository with no commit yet
  const onHead = new Set(lines(git(['tag', '--points-at', 'HEAD', '--list', 'v*'], cwd).stdout));
  const reachable = lines(git(['tag', '--merged', 'HEAD', '--list', 'v*'], cwd).stdout)
    .filter((tag) => !onHead.has(tag))
    .flatMap((tag) => {
      const version = releaseTag.exec(tag)?.[1];
      return version !== undefined && isSemVer(version) ? [{ tag, version }] : [];
    })
    .sort((a, b) => semver.rcompare(a.version, b.version));
  return reachable[0]?.tag;
}

/**
 * The previous release to compare with. `spec` is a dataset folder, a .tar.gz (or .tgz, .tar) archive
 * of one (its single top folder is stripped), or a git ref whose commit holds the dataset at the same
 * path as `options.dist`; undefined: the dataset at previousReleaseTag. Resolves to undefined for a
 * first release (no spec and no release tag).
 */
export async function previousRelease(spec: string | undefined, options: PreviousOptions): Promise<PreviousRelease | undefined> {
  const cwd = options.cwd ?? process.cwd();
  if (spec === undefined) {
    const tag = previousReleaseTag(cwd);
    return tag === undefined ? undefined : fromGit(tag, options.dist, cwd, tag);
  }
  const path = resolve(cwd, spec);
  if (existsSync(path) && statSync(path).isDirectory()) return { folder: path, label: spec, cleanup: () => {} };
  if (existsSync(path) && statSync(path).isFile()) {
    if (!/\.(tar\.gz|tgz|tar)$/i.test(path)) throw new ReleaseError(`--previous ${spec} is a file but not a .tar.gz, .tgz or .tar archive`);
    return fromArchive(readFileSync(path), spec);
  }
  if (git(['rev-parse', '--is-inside-work-tree'], cwd).ok && git(['rev-parse', '--verify', '--quiet', `${spec}^{commit}`], cwd).ok) {
    return fromGit(spec, options.dist, cwd, spec);
  }
  throw new ReleaseError(`--previous ${spec} is neither a folder, an archive nor a git ref`);
}

/** The dataset folder as committed at `ref`: `git archive <ref>:<path>`. */
async function fromGit(ref: string, dist: string, cwd: string, label: string): Promise<PreviousRelease> {
  const top = git(['rev-parse', '--show-toplevel'], cwd).stdout.toString().trim();
  const inRepository = relative(top, resolve(cwd, dist)).split(sep).join('/');
  if (inRepository === '' || inRepository.startsWith('../') || inRepository === '..' || /^[A-Za-z]:|^\//.test(inRepository)) {
    throw new ReleaseError(`${dist} is not a folder inside the git repository: pass --previous with the previous release's folder or archive`);
  }
  const archive = git(['archive', '--format=tar', `${ref}:${inRepository}`], top, 1024 * 1024 * 1024);
  if (!archive.ok) throw new ReleaseError(`${label} has no ${inRepository}/ folder (git: ${archive.stderr.split('\n')[0] ?? ''})`);
  return fromArchive(archive.stdout, label);
}

/**
 * Writes an archive's files into a temporary folder. When datapackage.json is not at the archive's
 * root and every entry is under one folder (as in a release archive), that folder is stripped.
 */
async function fromArchive(bytes: Buffer, label: string): Promise<PreviousRelease> {
  let entries: ArchiveEntry[];
  try {
    entries = await readArchive(bytes);
  } catch (error) {
    throw new ReleaseError(`${label} is not a readable archive (${(error as Error).message})`);
  }
  const files = entries.filter((entry) => entry.type === 'file').map((entry) => ({ path: entry.name.replace(/^\.\//, ''), contents: entry.contents }));
  const tops = new Set(files.map((file) => file.path.split('/')[0]));
  const [top] = tops;
  const strip = !files.some((file) => file.path === descriptorPath) && tops.size === 1 && top !== undefined && files.every((file) => file.path.startsWith(`${top}/`));
  const folder = mkdtempSync(join(tmpdir(), 'release-previous-'));
  const cleanup = () => rmSync(folder, { recursive: true, force: true });
  try {
    for (const file of files) {
      const path = strip ? file.path.slice(top!.length + 1) : file.path;
      if (!isSafeRelativePath(path)) throw new ReleaseError(`${label} holds ${JSON.stringify(file.path)}, a path outside its folder`);
      mkdirSync(dirname(join(folder, path)), { recursive: true });
      writeFileSync(join(folder, path), file.contents);
    }
  } catch (error) {
    cleanup();
    throw error;
  }
  return { folder, label, cleanup };
}
