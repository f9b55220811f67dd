import type { VFile } from 'vfile';
import { CurationIndex, extractPage, keepCityTablesAt, pageRecords, pageReferences, type EntityRef, type PageEntities, type PageRecords } from '../../extract/index.js';
import { reportError } from '../../model/lib/diagnostics.js';
import type { Curation } from '../../model/types.js';
import { parseMarkdown, parsePage, readPage, treeDepth } from '../../parse/index.js';
import { validateFrontMatter } from '../../validate/index.js';

/** One page to read: a pure function of these fields, so it can run in a worker and be cached. */
export interface PageTask {
  /** The path messages name: relative to the working folder. */
  shownPath: string;
  /** Path relative to the source folder, '/' separated: the document's id derives from it. */
  relativePath: string;
  bytes: Uint8Array;
  curation: Curation;
  maxDepth: number;
  /** How to raise maxDepth, as the command line spells it. */
  raiseDepth: string;
  /** Where the gazetteer's cities are kept once built, for the next process to read (see keepCityTablesAt). */
  cityTablesAt?: string;
}

/** A message about the page, as plain data. */
export interface PageMessage {
  reason: string;
  ruleId: string;
  fatal: boolean;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
}

/** What reading a page gives: its records when it is valid, its messages, and the curated entries it used. */
export interface PageOutcome {
  records?: PageRecords;
  messages: PageMessage[];
  curationUsed: string[];
}

/** What a page names, and its candidates for curation: all of its records a build holds while it reads the others. */
export type PageNamed = PageEntities & Pick<PageRecords, 'candidates'>;

/**
 * A page's outcome without the bulk of its records (its structure, events and mentions): what a build
 * needs of every page before it writes any, kept apart in the cache so that it is read on its own.
 */
export interface PageSummary {
  messages: PageMessage[];
  curationUsed: string[];
  named?: PageNamed;
  /** What its events and mentions refer to (see pageReferences). */
  references?: EntityRef[];
}

/**
 * A page's records from the JSON text they were kept as (in the cache, in a record store's file); none
 * when the text is not JSON, or JSON without a document (a file damaged, or cut short, by hand).
 */
export function recordsIn(text: string): PageRecords | undefined {
  try {
    const records = JSON.parse(text) as PageRecords | null;
    return typeof records?.document?.id === 'string' ? records : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What a page worker sends back for a page it read: the page's summary, and its records as the bytes
 * of the JSON text the cache and the record store keep them as (UTF-8). The bytes are handed over, not
 * copied (see transferOf), and the main thread only writes them: cloned as objects the records cost
 * about 0.4 ms a page to send and 0.5 ms to receive (at 10,000 pages, 1.1 GB of objects), then 0.3 ms
 * to write as JSON; sent as a string, each page's was garbage in the main thread's heap until its next
 * full collection (40 MB of them at the end of reading 10,000 pages).
 */
export interface PageReadOutcome {
  summary: PageSummary;
  /** The records as UTF-8 JSON (see recordsIn), when the page is valid. */
  recordsJson?: Uint8Array;
}

export function readOutcomeOf(outcome: PageOutcome): PageReadOutcome {
  return { summary: summaryOf(outcome), ...(outcome.records ? { recordsJson: new TextEncoder().encode(JSON.stringify(outcome.records)) } : {}) };
}

/** What posting `read` hands over rather than copies: its records' bytes. */
export function transferOf(read: PageReadOutcome): ArrayBuffer[] {
  return read.recordsJson ? [read.recordsJson.buffer as ArrayBuffer] : [];
}

export function summaryOf(outcome: PageOutcome): PageSummary {
  const { records, messages, curationUsed } = outcome;
  if (!records) return { messages, curationUsed };
  const { document, organizations, people, places, terms, candidates } = records;
  return { messages, curationUsed, named: { document, organizations, people, places, terms, candidates }, references: pageReferences(records) };
}

/** Reads one page: bytes → text → syntax tree (depth-checked) → front matter → extraction → records. */
export function runPageTask(task: PageTask): PageOutcome {
  if (task.cityTablesAt !== undefined) keepCityTablesAt(task.cityTablesAt);
  const curation = new CurationIndex(task.curation);
  const file = readPage(task.shownPath, task.bytes);
  const done = (records?: PageRecords): PageOutcome => ({ ...(records ? { records } : {}), messages: messagesOf(file), curationUsed: curation.usedKeys() });
  if (file.messages.some((message) => message.fatal)) return done();
  const tree = parseMarkdown(String(file.value));
  const { depth, place } = treeDepth(tree);
  if (depth > task.maxDepth) {
    reportError(
      file,
      `Markdown is nested ${depth} levels deep (block quotes, lists, emphasis), deeper than the limit of ${task.maxDepth}: flatten it, or raise the limit with ${task.raiseDepth}`,
      place,
      'limit-depth',
    );
    return done();
  }
  const page = parsePage(file, task.relativePath, tree);
  const frontMatter = validateFrontMatter(page);
  if (!frontMatter || file.messages.some((message) => message.fatal)) return done();
  return done(pageRecords(extractPage({ page, frontMatter }, curation)));
}

/** A file's messages as plain data. */
export function messagesOf(file: VFile): PageMessage[] {
  return file.messages.map((message) => ({
    reason: message.reason,
    ruleId: message.ruleId ?? 'unknown',
    fatal: message.fatal === true,
    ...(message.place && 'start' in message.place
      ? { line: message.place.start.line, column: message.place.start.column, endLine: message.place.end.line, endColumn: message.place.end.column }
      : message.place
        ? { line: message.place.line, column: message.place.column }
        : {}),
  }));
}
