import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { archiveTime, createArchive } from './archive.js';
import { bump, bumpReasons, checkVersion, type Bump, type BumpReason } from './bump.js';
import { changelog, type Changelog } from './changelog.js';
import { ReleaseError } from './errors.js';
import { sha256 } from './files.js';
import { releaseNote } from './note.js';
import { checksumsPath, readPackage } from './package.js';
import { previousRelease } from './previous.js';
import { verifyDataset } from './verify.js';

export interface ReleaseOptions {
  /** The built dataset folder (default in the command line: dist). */
  dist: string;
  /** Where the release files are written (default in the command line: release). */
  out: string;
  /** The previous release: a dataset folder, an archive or a git ref; undefined: the latest release tag. */
  previous?: string;
  /** What relative paths and git are relative to (default: the working directory). */
  cwd?: string;
  /** Where SOURCE_DATE_EPOCH is read (default: process.env). */
  env?: Readonly<Record<string, string | undefined>>;
}

/** The files a release writes, as absolute paths. */
export interface ReleaseFiles {
  archive: string;
  checksums: string;
  fileChecksums: string;
  note: string;
}

export interface ReleaseResult {
  name: string;
  version: string;
  previousVersion?: string;
  /** How the previous release was found (a tag, folder or archive). */
  previousLabel?: string;
  bump: Bump;
  reasons: BumpReason[];
  changelog: Changelog;
  archiveSha256: string;
  files: ReleaseFiles;
}

/** The base of every release file's name: `<name>-<version>`. */
export function releaseName(name: string, version: string): string {
  return `${name}-${version}`;
}

/**
 * Releases a built dataset folder: checks it against its SHA256SUMS and descriptor, compares it with the
 * previous release, refuses a version the changes do not allow, then writes into `out` the archive,
 * its checksum, a copy of the folder's SHA256SUMS and the release note. Nothing is written when any
 * check fails; each file is written under a temporary name and renamed into place.
 */
export async function release(options: ReleaseOptions): Promise<ReleaseResult> {
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  const dist = resolve(cwd, options.dist);
  const out = resolve(cwd, options.out);
  const fromDist = relative(dist, out);
  if (fromDist === '' || (fromDist !== '..' && !fromDist.startsWith(`..${sep}`) && !isAbsolute(fromDist))) {
    throw new ReleaseError(`--out ${options.out} must not be the dataset folder ${options.dist} or inside it`);
  }
  const distLabel = `${options.dist.replace(/\/+$/, '')}/`;
  const files = verifyDataset(dist, distLabel);
  const descriptor = readPackage(dist, distLabel);

  const previous = await previousRelease(options.previous, { dist: options.dist, cwd });
  let log: Changelog;
  try {
    log = changelog(previous?.folder, dist, { current: distLabel, ...(previous ? { previous: previous.label } : {}) });
  } finally {
    previous?.cleanup();
  }
  const reasons = bumpReasons(log);
  const part = bump(log);
  checkVersion(descriptor.version, log.previous?.version, part, reasons);

  const base = releaseName(descriptor.name, descriptor.version);
  const archive = await createArchive(dist, files, { top: base, mtime: archiveTime(env, descriptor.created) });
  const archiveSha256 = sha256(archive);
  const paths: ReleaseFiles = {
    archive: join(out, `${base}.tar.gz`),
    checksums: join(out, `${base}.SHA256SUMS`),
    fileChecksums: join(out, `${base}.files.SHA256SUMS`),
    note: join(out, `${base}.md`),
  };
  const previousLabel = previous?.label;
  const note = releaseNote({ changelog: log, bump: part, reasons, ...(previousLabel !== undefined ? { previousLabel } : {}), archive: { file: `${base}.tar.gz`, sha256: archiveSha256 } });
  const contents: Array<[string, Uint8Array | string]> = [
    [paths.archive, archive],
    [paths.fileChecksums, readFileSync(join(dist, checksumsPath))],
    [paths.note, note],
    [paths.checksums, `${archiveSha256}  ${base}.tar.gz\n`],
  ];
  mkdirSync(out, { recursive: true });
  for (const [path, data] of contents) writeAtomically(path, data);
  return {
    name: descriptor.name,
    version: descriptor.version,
    ...(log.previous ? { previousVersion: log.previous.version } : {}),
    ...(previousLabel !== undefined ? { previousLabel } : {}),
    bump: part,
    reasons,
    changelog: log,
    archiveSha256,
    files: paths,
  };
}

function writeAtomically(path: string, data: Uint8Array | string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
