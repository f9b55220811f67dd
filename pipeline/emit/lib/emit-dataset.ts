import { datasetParts, entitiesOf, eventEntity, pageTableNames, tables, widenSpan, type Dataset, type DatasetParts, type DatasetSummary, type PageTableName, type TableName } from '../../model/lib/dataset.js';
import type { Entity } from '../../model/types.js';
import { csvHeader, csvPieces, csvRows } from './csv/tables.js';
import { csvPath, jsonLdPath, readmePath, timelinePath } from './files.js';
import { GraphText, nodeContextOf, pageNodes, wholeNodes } from './jsonld/graph.js';
import { datasetCard } from './markdown/card.js';
import { memoryTimeline, timelineEvent, timelineNames, type TimelineBuilder, type TimelineFactory } from './markdown/timeline.js';
import { checkOptions, type EmitOptions } from './options.js';
import { emitCatalog } from './package/dcat.js';
import { emitChecksums } from './package/checksums.js';
import { emitCsvw } from './package/csvw.js';
import { emitDataPackage } from './package/datapackage.js';
import { catalogDescription, csvwDescription, describeDataFiles, schemaOrgDescription, type FileDescription } from './package/resources.js';
import { emitSchemaOrg } from './package/schema-org.js';
import { emitQuality, type QualityInput } from './quality/quality.js';
import { MemorySink, type FileSink, type FileWriter, type Fingerprint } from './sink.js';

/**
 * Writes every file of the dataset to `sink` and returns what was written: relative POSIX path → size
 * and SHA-256, in publication order. Pure: the same dataset and options give the same bytes (no clock,
 * no locale). The dataset may be held whole or come as parts whose pages are read one at a time: the
 * files made of the pages' records (the graph, the pages' tables) are written together, a page at a
 * time, so no page is needed twice and no file is ever held whole.
 *
 * Metadata follows what it describes, so each file can give the sizes and hashes of those before it:
 * data, then CSVW, then the DCAT and schema.org records, then datapackage.json, then SHA256SUMS of all.
 * `timeline` makes the timeline's builder: in memory unless the caller gives one (the build runs it in a
 * thread of its own); the bytes are the same either way.
 */
export async function writeDataset(
  sink: FileSink,
  dataset: Dataset | DatasetParts,
  options: EmitOptions,
  quality: QualityInput = { candidates: [] },
  { timeline = memoryTimeline }: { timeline?: TimelineFactory } = {},
): Promise<Map<string, Fingerprint>> {
  checkOptions(options);
  const parts = 'pages' in dataset ? dataset : datasetParts(dataset);
  const written = new Map<string, Fingerprint>();
  const write = async (path: string, pieces: Iterable<string> | AsyncIterable<string>) => {
    const writer = await sink.open(path);
    try {
      for await (const piece of pieces) await writer.write(piece);
    } catch (error) {
      await writer.abandon();
      throw error;
    }
    written.set(path, await writer.close());
  };
  const whole = async (files: ReadonlyMap<string, string>) => {
    for (const [path, contents] of files) await write(path, [contents]);
  };

  // The timeline's items are made as the pages are written (by a thread of the build's, beside them).
  const timelineBuilder = timeline(timelineNames(parts));
  try {
    return await writeFiles(timelineBuilder);
  } finally {
    await timelineBuilder.close();
  }

  async function writeFiles(timelineBuilder: TimelineBuilder): Promise<Map<string, Fingerprint>> {
    const pages = await writePages(sink, parts, options, timelineBuilder);
    for (const [path, fingerprint] of pages.written) written.set(path, fingerprint);
    const separator = options.multiValueSeparator;
    for (const name of ['organizations', 'people', 'places', 'terms', 'affiliations'] as const) await write(csvPath(name), csvPieces(name, parts[name], separator));
    const entities = entitiesOf(parts, pages.eventEntities);
    await write(csvPath('entities'), csvPieces('entities', entities, separator));
    const counts = { ...pages.counts, organizations: parts.organizations.length, people: parts.people.length, places: parts.places.length, terms: parts.terms.length, affiliations: parts.affiliations.length, entities: entities.length };
    const summary: DatasetSummary = { documents: parts.documents, places: parts.places, counts, ...(pages.temporal ? { temporal: pages.temporal } : {}) };
    await write(readmePath, [datasetCard(summary, options)]);
    await write(timelinePath, timelineBuilder.pieces());
    await whole(emitQuality(summary, quality));
    await whole(emitCsvw(options));

    const described = (descriptions: readonly FileDescription[]) => descriptions.map((description) => ({ description, fingerprint: written.get(description.path)! }));
    const dataFiles = [...describeDataFiles(), csvwDescription];
    await whole(new Map([...emitCatalog(summary, options, described(dataFiles)), ...emitSchemaOrg(summary, options, described(dataFiles))]));
    await whole(emitDataPackage(summary, options, described([...dataFiles, catalogDescription, schemaOrgDescription])));
    await whole(emitChecksums(written));
    return publicationOrder(written);
  }
}

/** Every file of the dataset (see writeDataset): relative POSIX path → UTF-8 text. */
export async function emitDataset(dataset: Dataset | DatasetParts, options: EmitOptions, quality: QualityInput = { candidates: [] }): Promise<Map<string, string>> {
  const sink = new MemorySink();
  const written = await writeDataset(sink, dataset, options, quality);
  return new Map([...written.keys()].map((path) => [path, sink.files.get(path)!]));
}

/** What the pass over the pages gives besides its files: what the whole-dataset files are made from. */
interface PagesWritten {
  written: Map<string, Fingerprint>;
  counts: Record<PageTableName, number>;
  temporal: DatasetSummary['temporal'];
  eventEntities: Entity[];
}

/**
 * dataset.jsonld and the tables of the pages' own records, written together in one pass over the
 * pages: the graph opens with the nodes of the dataset as a whole, then each page adds its nodes and
 * its rows. What the later files need of the events (the timeline, the index of entities, their span)
 * is kept; the rest of a page is let go once it is written.
 */
async function writePages(sink: FileSink, parts: DatasetParts, options: EmitOptions, timeline: TimelineBuilder): Promise<PagesWritten> {
  const nodeContext = nodeContextOf(parts, options);
  const separator = options.multiValueSeparator;
  const graph = new GraphText();
  const writers: Array<[string, FileWriter]> = [];
  try {
    const jsonLd = await sink.open(jsonLdPath);
    writers.push([jsonLdPath, jsonLd]);
    const tableWriters: Array<[PageTableName, FileWriter]> = [];
    for (const name of pageTableNames) {
      const writer = await sink.open(csvPath(name));
      writers.push([csvPath(name), writer]);
      tableWriters.push([name, writer]);
      await writer.write(csvHeader(name));
    }
    await jsonLd.write(graph.head() + graph.nodes(wholeNodes(parts, nodeContext)));
    const counts = Object.fromEntries(pageTableNames.map((name) => [name, 0])) as Record<PageTableName, number>;
    let temporal: DatasetSummary['temporal'];
    const eventEntities: Entity[] = [];
    for await (const page of parts.pages()) {
      await jsonLd.write(graph.nodes(pageNodes(page, nodeContext)));
      for (const [name, writer] of tableWriters) {
        const records = page[name];
        counts[name] += records.length;
        if (records.length > 0) await writer.write(csvRows(name, records, separator));
      }
      timeline.add(page.events.map(timelineEvent));
      for (const event of page.events) {
        eventEntities.push(eventEntity(event));
        temporal = widenSpan(temporal, event);
      }
    }
    await jsonLd.write(graph.tail());
    const written = new Map<string, Fingerprint>();
    // Closed in the order they were opened: a sink that keeps order keeps this one.
    while (writers.length > 0) {
      const [path, writer] = writers.shift()!;
      written.set(path, await writer.close());
    }
    return { written, counts, temporal, eventEntities };
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
