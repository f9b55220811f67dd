import { datasetParts, entitiesOf, pageTableNames, tables, widenSpan, type Dataset, type DatasetSummary, type PageTableName, type TableName } from '../../model/lib/dataset.js';
import { csvHeader, csvPieces } from './csv/tables.js';
import { checksumsPath, csvPath, jsonLdPath, readmePath, timelinePath } from './files.js';
import { GraphText, wholeNodes } from './jsonld/graph.js';
import { datasetCard } from './markdown/card.js';
import { chunkContext, isPageChunk, pageChunk, type EmitParts } from './page-chunk.js';
import { checkOptions, type EmitOptions } from './options.js';
import { emitCatalog } from './package/dcat.js';
import { emitChecksums } from './package/checksums.js';
import { emitCsvw } from './package/csvw.js';
import { emitDataPackage } from './package/datapackage.js';
import { catalogDescription, csvwDescription, describeDataFiles, schemaOrgDescription, type FileDescription } from './package/resources.js';
import { emitSchemaOrg } from './package/schema-org.js';
import { emitQuality, type QualityInput } from './quality/quality.js';
import { EventIndex } from './page-events.js';
import { byteLength } from './text.js';
import { MemoryScratch, MemorySink, type FileSink, type FileWriter, type Fingerprint } from './sink.js';

/**
 * Writes every file of the dataset to `sink` and returns what was written: relative POSIX path → size
 * and SHA-256, in publication order. Pure: the same dataset and options give the same bytes (no clock,
 * no locale). The dataset may be held whole or come as parts whose pages are read one at a time: the
 * files made of the pages' records (the graph, the pages' tables) are written together, a page at a
 * time, so no page is needed twice and no file is ever held whole. A page may come as its chunk, made
 * by an earlier build (see PageChunk): it is written as it is.
 *
 * Metadata follows what it describes, so each file can give the sizes and hashes of those before it:
 * data, then CSVW, then the DCAT and schema.org records, then datapackage.json, then SHA256SUMS of all.
 */
export async function writeDataset(
  sink: FileSink,
  dataset: Dataset | EmitParts,
  options: EmitOptions,
  quality: QualityInput = { candidates: [] },
  { onPage, onPageEntities }: { onPage?: PageWritten; onPageEntities?: PageEntitiesWritten } = {},
): Promise<Map<string, Fingerprint>> {
  checkOptions(options);
  const parts: EmitParts = 'pages' in dataset ? dataset : datasetParts(dataset);
  // A file's fingerprint is awaited only when a later file states it: a sink may take it from the
  // file read back in another thread (see FileSink), while the files after it are written.
  const written = new Map<string, Promise<Fingerprint>>();
  const write = async (path: string, pieces: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>) => {
    const writer = await sink.open(path);
    try {
      for await (const piece of pieces) await writer.write(piece);
    } catch (error) {
      await writer.abandon();
      throw error;
    }
    written.set(path, awaitedLater(writer.close()));
  };
  const whole = async (files: ReadonlyMap<string, string>) => {
    for (const [path, contents] of files) await write(path, [contents]);
  };

  // What the files after the pages need of every page's events is set aside there meanwhile.
  const scratch = sink.scratch ? await sink.scratch() : new MemoryScratch();
  let summary: DatasetSummary;
  try {
    const events = new EventIndex(scratch);
    const pages = await writePages(sink, parts, options, events, onPage);
    for (const [path, fingerprint] of pages.written) written.set(path, fingerprint);
    const separator = options.multiValueSeparator;
    for (const name of ['organizations', 'people', 'places', 'terms', 'affiliations'] as const) await write(csvPath(name), csvPieces(name, parts[name], separator));
    // The dataset's own entities: the events' rows come from the pages.
    const ownEntities = entitiesOf(parts, []);
    await write(csvPath('entities'), events.entityPieces(ownEntities, separator, onPageEntities));
    const counts = { ...pages.counts, organizations: parts.organizations.length, people: parts.people.length, places: parts.places.length, terms: parts.terms.length, affiliations: parts.affiliations.length, entities: ownEntities.length + events.size };
    summary = { documents: parts.documents, places: parts.places, counts, ...(pages.temporal ? { temporal: pages.temporal } : {}) };
    if (pages.sources.length !== parts.documents.length) throw new Error(`writeDataset: ${pages.sources.length} pages' entries for the card, ${parts.documents.length} documents`);
    await write(readmePath, [datasetCard(summary, options, pages.sources)]);
    await write(timelinePath, events.timelinePieces());
  } finally {
    await scratch.close();
  }
  await whole(emitQuality(summary, quality));
  await whole(emitCsvw(options));

  const described = (descriptions: readonly FileDescription[]) => Promise.all(descriptions.map(async (description) => ({ description, fingerprint: await written.get(description.path)! })));
  const dataFiles = [...describeDataFiles(), csvwDescription];
  const dataDescribed = await described(dataFiles);
  await whole(new Map([...emitCatalog(summary, options, dataDescribed), ...emitSchemaOrg(summary, options, dataDescribed)]));
  await whole(emitDataPackage(summary, options, await described([...dataFiles, catalogDescription, schemaOrgDescription])));
  const fingerprints = new Map(await Promise.all([...written].map(async ([path, fingerprint]) => [path, await fingerprint] as const)));
  await whole(emitChecksums(fingerprints));
  fingerprints.set(checksumsPath, await written.get(checksumsPath)!);
  return publicationOrder(fingerprints);
}

/** A promise awaited later on: its rejection, should it come first, is not reported as unhandled meanwhile. */
function awaitedLater<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/** Every file of the dataset (see writeDataset): relative POSIX path → UTF-8 text. */
export async function emitDataset(dataset: Dataset | EmitParts, options: EmitOptions, quality: QualityInput = { candidates: [] }): Promise<Map<string, string>> {
  const sink = new MemorySink();
  const written = await writeDataset(sink, dataset, options, quality);
  return new Map([...written.keys()].map((path) => [path, sink.files.get(path)!]));
}

/**
 * Told where each page's rows went, in page order: for each page table, the bytes of the page's rows
 * in its file (from `start`, up to `end` excluded; equal when the page has none there), and for the
 * graph, the bytes of its nodes in dataset.jsonld (the line end and comma after the last left out).
 */
export type PageWritten = (index: number, rows: Record<PageTableName | 'graph', { start: number; end: number }>) => void;

/**
 * Told where the rows of each page's events went in csv/entities.csv (the index of everything a mention
 * names), in the order of the file: a page's rows there are one run, or a few (the index is sorted
 * by id, and a page's event ids share its id), each its bytes and how many rows it has.
 */
export type PageEntitiesWritten = (index: number, rows: { start: number; end: number; rows: number }) => void;

/** What the pass over the pages gives besides its files: what the whole-dataset files are made from. */
interface PagesWritten {
  written: Map<string, Promise<Fingerprint>>;
  counts: Record<PageTableName, number>;
  temporal: DatasetSummary['temporal'];
  /** Each page's entry in the card's list of sources, in the pages' order. */
  sources: string[];
}

/**
 * dataset.jsonld and the tables of the pages' own records, written together in one pass over the
 * pages: the graph opens with the nodes of the dataset as a whole, then each page adds its chunk (see
 * PageChunk). What the later files need of the events (the timeline, the index of entities) goes to
 * `events`, their span is kept; the rest of a page is let go once it is written.
 */
async function writePages(sink: FileSink, parts: EmitParts, options: EmitOptions, events: EventIndex, onPage?: PageWritten): Promise<PagesWritten> {
  const context = chunkContext(parts, options);
  const graph = new GraphText();
  const writers: Array<[string, FileWriter]> = [];
  try {
    const jsonLd = await sink.open(jsonLdPath);
    writers.push([jsonLdPath, jsonLd]);
    const tableWriters: Array<[PageTableName, FileWriter]> = [];
    const offsets = Object.fromEntries(pageTableNames.map((name) => [name, 0])) as Record<PageTableName, number>;
    let index = 0;
    for (const name of pageTableNames) {
      const writer = await sink.open(csvPath(name));
      writers.push([csvPath(name), writer]);
      tableWriters.push([name, writer]);
      const header = csvHeader(name);
      await writer.write(header);
      offsets[name] = Buffer.byteLength(header);
    }
    const opening = graph.head() + graph.nodes(wholeNodes(parts, context.nodeContext));
    await jsonLd.write(opening);
    let graphOffset = onPage ? Buffer.byteLength(opening) : 0;
    const counts = Object.fromEntries(pageTableNames.map((name) => [name, 0])) as Record<PageTableName, number>;
    let temporal: DatasetSummary['temporal'];
    const sources: string[] = [];
    for await (const page of parts.pages()) {
      const chunk = isPageChunk(page) ? page : pageChunk(page, context);
      const spans = {} as Record<PageTableName | 'graph', { start: number; end: number }>;
      if (chunk.jsonLd.length > 0) {
        // The comma and line end after the nodes before, then the page's nodes.
        const separator = graph.separator();
        await jsonLd.write(separator);
        await jsonLd.write(chunk.jsonLd);
        const start = graphOffset + separator.length;
        graphOffset = start + (onPage ? byteLength(chunk.jsonLd) : 0);
        spans.graph = { start, end: graphOffset };
      } else spans.graph = { start: graphOffset, end: graphOffset };
      for (const [name, writer] of tableWriters) {
        counts[name] += chunk.counts[name];
        const start = offsets[name];
        if (chunk.rows[name].length > 0) {
          await writer.write(chunk.rows[name]);
          if (onPage) offsets[name] += byteLength(chunk.rows[name]);
        }
        spans[name] = { start, end: offsets[name] };
      }
      onPage?.(index, spans);
      await events.add(index, chunk.events);
      index++;
      sources.push(...chunk.sources);
      if (chunk.temporal) temporal = widenSpan(temporal, { startDate: chunk.temporal.start, endDate: chunk.temporal.end });
    }
    await jsonLd.write(graph.tail());
    const written = new Map<string, Promise<Fingerprint>>();
    // Closed in the order they were opened: a sink that keeps order keeps this one.
    while (writers.length > 0) {
      const [path, writer] = writers.shift()!;
      written.set(path, awaitedLater(writer.close()));
    }
    return { written, counts, temporal, sources };
  } catch (error) {
    await Promise.all(writers.map(([, writer]) => writer.abandon()));
    throw error;
  }
}

/** The files in the order the package lists data before metadata: the graph, the tables in publication order, then the rest as written. */
function publicationOrder(written: ReadonlyMap<string, Fingerprint>): Map<string, Fingerprint> {
  const first = [jsonLdPath, ...tables.map(({ name }: { name: TableName }) => csvPath(name))];
  return new Map([...first.filter((path) => written.has(path)), ...[...written.keys()].filter((path) => !first.includes(path))].map((path) => [path, written.get(path)!]));
}
