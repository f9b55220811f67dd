import { pageTableNames, widenSpan, type DatasetParts, type DatasetSummary, type PageTableName, type PageTables, type WholeTables } from '../../model/lib/dataset.js';
import type { MultiValueSeparator } from './csv/cells.js';
import { csvRows } from './csv/tables.js';
import { nodeContextOf, pageNodes } from './jsonld/graph.js';
import type { NodeContext } from './jsonld/nodes.js';
import { sourceEntry } from './markdown/card.js';
import { timelineNames } from './markdown/timeline.js';
import type { EmitOptions } from './options.js';
import { pageEvents, type PageEvents } from './page-events.js';
import type { Text } from './text.js';

/**
 * Everything one page adds to the files made of the pages' records, as text: its run of nodes in
 * dataset.jsonld, its rows in each page table, and its events' rows in the index of entities and
 * items in the timeline. A pure function of the page's resolved records and of the few things of the
 * dataset they are written with (see ChunkContext), so that a build can keep a page's chunk and
 * write it again, unchanged, when none of those changed.
 */
export interface PageChunk {
  /** The page's nodes, one per line, parted by ",\n" (no comma before the first or after the last). */
  jsonLd: Text;
  /** How many nodes (lines) jsonLd has. */
  nodes: number;
  /** The page's rows in each page table, CSV without the header (empty when it has none). */
  rows: Record<PageTableName, Text>;
  counts: Record<PageTableName, number>;
  /** Its events' rows in the index of entities and items in the timeline (see PageEvents). */
  events: PageEvents;
  /** The span of its events' dates, when it has events. */
  temporal?: NonNullable<DatasetSummary['temporal']>;
  /** Its document's entry in the dataset card's list of sources, serialised (see sourceEntry). */
  sources: string[];
}

/** What a page's chunk is written with besides its records. */
export interface ChunkContext {
  nodeContext: NodeContext;
  separator: MultiValueSeparator;
  /** The names the timeline gives places and participants, by id. */
  names: ReadonlyMap<string, string>;
}

/** The context of a dataset's chunks: its base IRI, its places, the names of its entities, its separator. */
export function chunkContext(whole: Pick<WholeTables, 'organizations' | 'people' | 'places'>, options: Pick<EmitOptions, 'baseIri' | 'multiValueSeparator'>): ChunkContext {
  return { nodeContext: nodeContextOf(whole, options), separator: options.multiValueSeparator, names: timelineNames(whole) };
}

/** The dataset as writeDataset takes it in parts: each page as its records, or as its chunk already made. */
export type EmitParts = Omit<DatasetParts, 'pages'> & { pages(): AsyncIterable<PageTables | PageChunk> };

/** One page's chunk (see PageChunk). */
export function pageChunk(page: PageTables, context: ChunkContext): PageChunk {
  const rows = {} as Record<PageTableName, string>;
  const counts = {} as Record<PageTableName, number>;
  for (const name of pageTableNames) {
    const records = page[name];
    counts[name] = records.length;
    rows[name] = records.length > 0 ? csvRows(name, records, context.separator) : '';
  }
  let temporal: PageChunk['temporal'];
  for (const event of page.events) temporal = widenSpan(temporal, event);
  const nodes = pageNodes(page, context.nodeContext);
  return {
    jsonLd: nodes.map((node) => JSON.stringify(node)).join(',\n'),
    nodes: nodes.length,
    rows,
    counts,
    events: pageEvents(page.events, context),
    ...(temporal ? { temporal } : {}),
    sources: page.documents.map(sourceEntry),
  };
}

/** Whether a page comes as its chunk already, or as its records. */
export function isPageChunk(page: PageTables | PageChunk): page is PageChunk {
  return 'jsonLd' in page;
}
