import { readFileSync } from 'node:fs';
import { VFile } from 'vfile';
import { nodeContextFor, pageChunk, type MultiValueSeparator, type PageChunk } from '../../emit/index.js';
import { eventId, referenceKey, resolvePage, type PageRecords } from '../../extract/index.js';
import { validateRecords } from '../../validate/index.js';
import { encodeChunk } from './chunk-file.js';
import type { ResolvedReference } from './chunks.js';
import { writeWhole } from './files.js';
import { messagesOf, recordsIn, type PageMessage } from './page-task.js';

/**
 * One page's chunk to make (see PageChunk): a pure function of these fields, so it can run in a
 * worker. The page's records are read from a file (the cache's, the record store's) or given.
 */
export interface ChunkTask {
  shownPath: string;
  records: { path: string } | { records: PageRecords };
  /** How each of its references resolves (see resolutionOf). */
  resolution: ResolvedReference[];
  baseIri: string;
  separator: MultiValueSeparator;
  /**
   * Where the cache keeps the chunk, when the build has one: the chunk is written there (unless its
   * records failed their schemas) instead of being sent back, and the build reads it from there as it
   * reads a chunk an earlier build made. Sent back, its texts would cross to the main thread as
   * strings, gigabytes of them at 10,000 pages, all garbage once written.
   */
  keepAt?: string;
}

/**
 * A page's chunk, or where it was kept (see ChunkTask.keepAt), and the messages of its records' check
 * against the schemas (errors: the chunk must not be published).
 */
export type ChunkOutcome = (({ chunk: PageChunk } | { keptAt: string }) & { messages: PageMessage[] }) | { unreadable: string };

/**
 * Resolves a page's records as the task says, checks them against the schemas and makes its chunk;
 * or says the file its records are in cannot be read back (an entry of the cache damaged by hand).
 */
export async function runChunkTask(task: ChunkTask): Promise<ChunkOutcome> {
  const records = 'records' in task.records ? task.records.records : readRecords(task.records.path);
  // Records given are never missing: none means the file could not be read.
  if (!records) return { unreadable: (task.records as { path: string }).path };
  const documentId = records.document.id;
  const ids = new Map(task.resolution.flatMap(({ reference, id }) => (id === undefined ? [] : [[reference, id] as const])));
  const page = resolvePage(records, (ref) => (ref.type === 'event' ? eventId(documentId, ref.index) : ids.get(referenceKey(ref))));
  const file = new VFile({ path: task.shownPath });
  validateRecords(page, () => file, file);
  const names = new Map(task.resolution.flatMap(({ id, name }) => (id === undefined || name === undefined ? [] : [[id, name] as const])));
  const places = new Set(task.resolution.flatMap(({ id, place }) => (id !== undefined && place ? [id] : [])));
  const chunk = pageChunk(page, { nodeContext: nodeContextFor(task.baseIri, places), separator: task.separator, names });
  const messages = messagesOf(file);
  if (task.keepAt === undefined || messages.some((message) => message.fatal)) return { chunk, messages };
  await writeWhole(task.keepAt, encodeChunk(chunk));
  return { keptAt: task.keepAt, messages };
}

/** The records in a file, or none when it is missing or does not hold them whole (see recordsIn). */
function readRecords(path: string): PageRecords | undefined {
  try {
    return recordsIn(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}
