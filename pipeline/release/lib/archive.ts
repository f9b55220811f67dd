import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import tar from 'tar-stream';
import { ReleaseError } from './errors.js';
import { byPath } from './files.js';

/** Permissions of every entry: nobody's files are executable, and the owner is nobody in particular. */
export const fileMode = 0o644;
export const directoryMode = 0o755;

/** The gzip header's OS byte, set to Unix whatever zlib was built for, as `gzip -n` on Linux writes it. */
const gzipOsUnix = 3;

export interface ArchiveOptions {
  /** The folder every entry is under, such as `name-1.0.0` (no slash). */
  top: string;
  /** Modification time of every entry, in whole seconds since 1970. */
  mtime: number;
}

/** One entry of a tar archive, as read back. */
export interface ArchiveEntry {
  name: string;
  type: string;
  mode: number;
  mtime: number;
  uid: number;
  gid: number;
  uname: string;
  gname: string;
  size: number;
  contents: Buffer;
}

/**
 * The modification time the archive's entries get: SOURCE_DATE_EPOCH when set (whole seconds, the
 * reproducible-builds convention), else the package's `created` date when it parses as one instant,
 * else 0 (1970).
 * Never the clock, nor the files' own times.
 */
export function archiveTime(env: Readonly<Record<string, string | undefined>>, created: string | undefined): number {
  const epoch = env['SOURCE_DATE_EPOCH'];
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d{1,12}$/.test(epoch)) throw new ReleaseError(`SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, got ${JSON.stringify(epoch)}`);
    return Number(epoch);
  }
  // A date-time with a zone, or a date alone (midnight UTC), names one instant on every machine; a
  // date-time without a zone would be read in the machine's time zone, so it is not used.
  if (created !== undefined && /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?$/.test(created)) {
    const time = Date.parse(created);
    if (Number.isFinite(time) && time >= 0) return Math.floor(time / 1000);
  }
  return 0;
}

/**
 * A deterministic .tar.gz of `files` (paths relative to `folder`, '/'-separated) under `options.top`/:
 * an entry for every folder and file, sorted by path in code point order (a folder, `csv/`, comes
 * before what it holds); one mtime;
 * uid and gid 0 with no user or group name; mode 0644 for files and 0755 for folders; a gzip header
 * with no time, no file name and the Unix OS byte. The same files give the same bytes.
 */
export async function createArchive(folder: string, files: readonly string[], options: ArchiveOptions): Promise<Buffer> {
  if (!/^[^/\\]+$/.test(options.top) || options.top === '.' || options.top === '..') throw new ReleaseError(`archive folder name ${JSON.stringify(options.top)} is not a single path segment`);
  const mtime = new Date(options.mtime * 1000);
  const entries = new Map<string, 'directory' | 'file'>([[`${options.top}/`, 'directory']]);
  for (const file of files) {
    const segments = file.split('/');
    for (let depth = 1; depth < segments.length; depth++) entries.set(`${options.top}/${segments.slice(0, depth).join('/')}/`, 'directory');
    entries.set(`${options.top}/${file}`, 'file');
  }
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  const collected = new Promise<Buffer>((resolve, reject) => {
    pack.on('data', (chunk: unknown) => void chunks.push(chunk as Buffer));
    pack.on('end', () => resolve(Buffer.concat(chunks)));
    pack.on('error', reject);
  });
  const common = { mtime, uid: 0, gid: 0, uname: '', gname: '', devmajor: 0, devminor: 0 };
  for (const [name, type] of [...entries].sort(([a], [b]) => byPath(a, b))) {
    if (type === 'directory') {
      await addEntry(pack, { ...common, name, type, mode: directoryMode, size: 0 });
    } else {
      const contents = readFileSync(join(folder, name.slice(options.top.length + 1)));
      await addEntry(pack, { ...common, name, type, mode: fileMode, size: contents.byteLength }, contents);
    }
  }
  pack.finalize();
  return gzip(await collected);
}

function addEntry(pack: tar.Pack, header: Partial<tar.Header> & { name: string }, contents?: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const callback = (error?: Error | null) => (error ? reject(error) : resolve());
    if (contents === undefined) pack.entry(header, callback);
    else pack.entry(header, contents, callback);
  });
}

/** gzip at the highest level; zlib writes no name and a zero time, the OS byte is set to Unix. */
export function gzip(bytes: Buffer): Buffer {
  const compressed = gzipSync(bytes, { level: 9 });
  compressed[9] = gzipOsUnix;
  return compressed;
}

/** Every entry of a .tar.gz (or a plain .tar), with its header and contents, in archive order. */
export async function readArchive(bytes: Buffer): Promise<ArchiveEntry[]> {
  const data = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
  const extract = tar.extract();
  const entries: ArchiveEntry[] = [];
  const done = (async () => {
    for await (const entry of extract) {
      const chunks: Buffer[] = [];
      for await (const chunk of entry) chunks.push(chunk as Buffer);
      const { header } = entry;
      entries.push({
        name: header.name,
        type: header.type ?? 'file',
        mode: header.mode ?? 0,
        mtime: Math.floor((header.mtime?.getTime() ?? 0) / 1000),
        uid: header.uid ?? 0,
        gid: header.gid ?? 0,
        uname: header.uname ?? '',
        gname: header.gname ?? '',
        size: header.size ?? 0,
        contents: Buffer.concat(chunks),
      });
    }
  })();
  extract.end(data);
  await done;
  return entries;
}
