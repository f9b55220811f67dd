import { jsonLdPath, MemorySink, writeDataset, type EmitOptions, type EmitParts, type PageEntitiesWritten, type PageWritten, type FileSink, type Fingerprint, type QualityInput } from '../../emit/index.js';
import type { Dataset } from '../../model/lib/dataset.js';
import { folderReader, verifyJsonLdFile, verifyOutputs, type ConvertedParts, type KnownRows, type PackageProblem } from '../../validate/index.js';
import { verifyJsonLdInWorker, verifyJsonLdInWorkers } from './verify.js';
import { collectGarbage } from './collect.js';
import { writeAtomically } from './write.js';

/** What was published: each file's size and SHA-256, and, when nothing was written to a folder, the files' text. */
export type Published = { written: Map<string, Fingerprint>; outputs?: Map<string, string> } | { problems: PackageProblem[] };

/**
 * Emits the dataset and reads it back as a consumer would before anything is published. With `out`,
 * the files go straight into the staging folder beside it a piece at a time and are checked there,
 * then the staging folder takes the place of `out`; a failed check abandons it, `out` untouched.
 * Without `out`, the files are kept in memory. Parts of the JSON-LD graph converted by an earlier build
 * (`parts.known`) are not converted again. The dataset comes in a holder that publish empties once
 * the files are written: unless the caller keeps a reference of its own, the records are let go
 * before the files are read back (at 10,000 pages they are gigabytes, and a large live heap makes
 * every collection of the check's garbage slow).
 */
export async function publish(out: string | undefined, held: { dataset?: Dataset | EmitParts }, options: EmitOptions, quality: QualityInput, known: KnownChecks = {}): Promise<Published> {
  const parts = known.parts ?? {};
  const emit = async (sink: FileSink) => {
    const dataset = held.dataset;
    if (!dataset) throw new Error('publish: the dataset was handed over already');
    delete held.dataset;
    const written = await writeDataset(sink, dataset, options, quality, { ...(known.onPage ? { onPage: known.onPage } : {}), ...(known.onPageEntities ? { onPageEntities: known.onPageEntities } : {}) });
    // The check that follows reads the files back: what the sink held to write them is let go first,
    // and what the emission held is collected.
    await sink.done?.();
    collectGarbage();
    return written;
  };
  if (out === undefined) {
    const sink = new MemorySink();
    const written = await emit(sink);
    const problems = await verifyOutputs(sink.files);
    return problems.length > 0 ? { problems } : { written, outputs: sink.files };
  }
  try {
    let order: string[] = [];
    const written = await writeAtomically(out, async (sink, folder) => {
      // The graph of a rebuild, most of whose parts were converted before, is checked as soon as it is
      // closed, beside the files written after it (the index of entities, the timeline): its check is
      // reading a gigabyte back, and the check of the tables waited for it at the end.
      const rebuild = (parts.known?.size ?? 0) > 0;
      let graphChecked: Promise<PackageProblem[]> | undefined;
      const onClosed = (path: string, { bytes }: Fingerprint) => {
        if (graphChecked || path !== jsonLdPath || !rebuild || conversionOf(path, bytes, rebuild) !== 'own thread') return;
        graphChecked = verifyJsonLdInWorker(folder, path, parts);
        // Awaited by the check; a failure before it is not left unhandled.
        graphChecked.catch(() => undefined);
      };
      let emitted: Map<string, Fingerprint>;
      try {
        emitted = await emit(tellingClosed(sink, onClosed));
      } catch (error) {
        // No thread is left reading a folder about to be deleted.
        await graphChecked?.catch(() => undefined);
        throw error;
      }
      order = [...emitted.keys()];
      const reader = folderReader(folder, [...emitted.keys()]);
      let inTurn: Promise<unknown> = Promise.resolve();
      const convertJsonLd = (path: string) => {
        if (path === jsonLdPath && graphChecked) return graphChecked;
        switch (conversionOf(path, emitted.get(path)?.bytes ?? 0, rebuild)) {
          case 'here':
            return verifyJsonLdFile(path, reader, parts);
          case 'two threads':
            return verifyJsonLdInWorkers(folder, path, 2, parts);
          case 'own thread':
            return verifyJsonLdInWorker(folder, path, parts);
          case 'own thread, in turn': {
            const converted = inTurn.then(() => verifyJsonLdInWorker(folder, path, parts));
            inTurn = converted.catch(() => undefined);
            return converted;
          }
        }
      };
      // The sink read every file back once written (see FileHasher): the check compares the descriptor with those fingerprints.
      // The check of the tables held the keys of the tables others point at (at 10,000 pages, 95 MB of
      // buffers, which a few small objects hold): let go at once, not left until the graph's threads end
      // (the last 30 s of a cold build), the main thread waiting for them and doing nothing that
      // collects. A rebuild's check holds few (most rows were checked before): nothing to collect then.
      const onTablesChecked = () => collectGarbage(64 << 20, { of: 'buffers' });
      const problems = await verifyOutputs(reader, { convertJsonLd, onTablesChecked, readBack: emitted, ...(known.knownRows ? { knownRows: known.knownRows } : {}) });
      if (problems.length > 0) throw new OutputsRejected(problems);
    });
    // In publication order, not the order the files were finished in.
    return { written: new Map(order.map((path) => [path, written.get(path)!])) };
  } catch (error) {
    if (error instanceof OutputsRejected) return { problems: error.problems };
    throw error;
  }
}

/** Where the check converts a JSON-LD file to RDF (see conversionOf). */
export type Conversion = 'here' | 'own thread' | 'own thread, in turn' | 'two threads';

/**
 * Where the check of a build converts a JSON-LD file of `bytes` to RDF; `rebuild` when parts of the
 * graph were converted by an earlier build (see ConvertedParts).
 * - A small file here, on the main thread: a thread would take longer to start.
 * - The graph (dataset.jsonld) in a thread of its own, beside the check of the tables.
 * - A very large file of a first build (a graph of 2,000 pages or more) in two threads, which share its
 *   parts: the table check ends long before its conversion. On a rebuild most parts are known and
 *   reading the file is the work: one thread reads it once.
 * - Files of a few megabytes (the catalogue, the schema.org record) in a thread each. On a first build
 *   in turn, one after another: each thread holds 50-100 MB while it starts, and all at once, beside the
 *   graph's two, they made the build's peak of memory; each takes seconds. On a rebuild, at once: most
 *   of their nodes were converted before, so starting the thread is most of the work, the graph's one
 *   thread is done or nearly, and in turn they were the last thing a rebuild of 10,000 pages waited
 *   for (0.3 s). The graph never waits for them: its conversion is the check's longest task.
 */
export function conversionOf(path: string, bytes: number, rebuild: boolean): Conversion {
  if (bytes <= ownThreadBytes) return 'here';
  if (bytes > twoThreadBytes && !rebuild) return 'two threads';
  return path === jsonLdPath || rebuild ? 'own thread' : 'own thread, in turn';
}

/** The sink, telling `onClosed` of each file it finishes, with its fingerprint. */
export function tellingClosed(sink: FileSink, onClosed: (path: string, fingerprint: Fingerprint) => void): FileSink {
  const told = (path: string) => (fingerprint: Fingerprint) => {
    onClosed(path, fingerprint);
    return fingerprint;
  };
  return {
    write: (path, pieces) => sink.write(path, pieces).then(told(path)),
    open: async (path) => {
      const writer = await sink.open(path);
      return { write: (piece) => writer.write(piece), close: () => writer.close().then(told(path)), abandon: () => writer.abandon() };
    },
    ...(sink.done ? { done: () => sink.done!() } : {}),
    ...(sink.scratch ? { scratch: () => sink.scratch!() } : {}),
  };
}

/**
 * Size from which a JSON-LD file is worth a thread of its own (starting one takes about a second, and
 * jsonld converts about a megabyte a second): the catalogue and schema.org records of a large dataset.
 */
const ownThreadBytes = 1 << 20;

/** Size from which a JSON-LD file is worth two threads (about 2,000 pages' graph). */
const twoThreadBytes = 128 << 20;

/**
 * What earlier builds checked already, so the check of the files leaves it out: parts of the graph
 * converted before (ConvertedParts), and runs of table rows checked before (KnownRows, by file), which
 * the build fills as the pages are written (told by `onPage`, and `onPageEntities` for their rows in the
 * index of entities), before the files are read back.
 */
export interface KnownChecks {
  parts?: ConvertedParts;
  onPage?: PageWritten;
  onPageEntities?: PageEntitiesWritten;
  knownRows?: ReadonlyMap<string, readonly KnownRows[]>;
}

/** Thrown by the writer when the check of what it wrote fails: the write is abandoned, `out` untouched. */
class OutputsRejected extends Error {
  constructor(readonly problems: PackageProblem[]) {
    super(`${problems.length} problems in the emitted files`);
  }
}
