import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { FingerprintBuilder, type Fingerprint } from '../../emit/index.js';
import type { Dataset } from '../../model/lib/dataset.js';
import { filesUnder, writeWhole } from './files.js';
import type { PageMessage } from './page-task.js';

/** How many records of each kind a build published: what its summary line reports. */
export interface DatasetCounts {
  documents: number;
  organizations: number;
  people: number;
  places: number;
  events: number;
  terms: number;
  mentions: number;
}

export function countsOf(dataset: Dataset): DatasetCounts {
  return {
    documents: dataset.documents.length,
    organizations: dataset.organizations.length,
    people: dataset.people.length,
    places: dataset.places.length,
    events: dataset.events.length,
    terms: dataset.terms.length,
    mentions: dataset.mentions.length,
  };
}

/** A curated entry no page used: reported again when a build is reused. */
export interface UnusedCuration {
  section: string;
  label: string;
}

/**
 * What a successful build into a folder was made from and what it wrote. When the next build into the
 * same folder has the same inputs (every page's cache key, the dataset settings, the curation, the
 * evaluation corpus, the pipeline's version) and the folder still holds exactly those files, byte for
 * byte, the output is what a fresh build would give: it is kept, and merging, emitting and checking
 * are skipped.
 */
export interface BuildRecord {
  inputs: string;
  files: Array<[string, Fingerprint]>;
  counts: DatasetCounts;
  curationUnused: UnusedCuration[];
  /** The messages of each page that had any, by path relative to the source folder: reported again. */
  pageMessages: Array<[string, PageMessage[]]>;
}

/** One hash of everything a build's output depends on, given as labelled parts in a fixed order. */
export function inputsHash(parts: ReadonlyArray<[label: string, value: string | Buffer]>): string {
  const hash = createHash('sha256');
  for (const [label, value] of parts) hash.update(label).update('\0').update(value).update('\0');
  return hash.digest('hex');
}

/** The bytes of every file under `folder`, by path relative to it, in path order: the evaluation corpus, say. */
export async function folderContents(folder: string): Promise<Array<[string, Buffer]>> {
  return Promise.all((await filesUnder(folder)).map(async (file): Promise<[string, Buffer]> => [relative(folder, file), await readFile(file)]));
}

function recordPath(cache: string, out: string): string {
  return join(cache, 'builds', `${createHash('sha256').update(resolve(out)).digest('hex')}.json`);
}

export async function readBuildRecord(cache: string, out: string): Promise<BuildRecord | undefined> {
  try {
    return JSON.parse(await readFile(recordPath(cache, out), 'utf8')) as BuildRecord;
  } catch {
    return undefined;
  }
}

export async function writeBuildRecord(cache: string, out: string, record: BuildRecord): Promise<void> {
  await writeWhole(recordPath(cache, out), JSON.stringify(record));
}

/** Whether `out` holds exactly the recorded files, no more, no fewer, each with its recorded size and SHA-256. */
export async function holdsExactly(out: string, files: ReadonlyArray<[string, Fingerprint]>): Promise<boolean> {
  const present = (await filesUnder(out)).map((file) => relative(out, file).split('\\').join('/'));
  const expected = files.map(([path]) => path).sort();
  if (present.length !== expected.length || present.some((path, index) => path !== expected[index])) return false;
  for (const [path, recorded] of files) {
    const builder = new FingerprintBuilder();
    for await (const chunk of createReadStream(join(out, path))) builder.add(chunk as Buffer);
    const found = builder.finish();
    if (found.bytes !== recorded.bytes || found.sha256 !== recorded.sha256) return false;
  }
  return true;
}
