import { rm } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import type { VFile } from 'vfile';
import { chunkContext, csvPath, fingerprint, pageChunk, type EmitOptions, type EmitParts, type Fingerprint, type PageChunk, type PageEntitiesWritten, type PageWritten, type QualityInput } from '../../emit/index.js';
import type { KnownRows } from '../../validate/index.js';
import type { PoolFailure } from './pool.js';
import { evaluate, type Evaluation } from '../../evaluate/index.js';
import { byDocumentId, CurationIndex, forgetLookups, mergeCandidates, mergeEntities, resolvePage, resolverOf } from '../../extract/index.js';
import { datasetOf, pageTableNames, type Dataset, type PageTables } from '../../model/lib/dataset.js';
import { chunkKey, resolutionOf, type SharedResolutions } from './chunks.js';
import { collectGarbage } from './collect.js';
import { fileWithError, hasErrors, pointAt, reportError, reportWarning } from '../../model/lib/diagnostics.js';
import { slug } from '../../model/lib/ids.js';
import { prepareDescriptorProfile, validateRecords } from '../../validate/index.js';
import { cacheFolder, PageCache, pipelineVersion } from './cache.js';
import { readCuration, readDatasetConfig } from './config.js';
import type { Curation, DatasetConfig } from '../../model/types.js';
import { defaultBaseIri, defaultLimits, defaultVersion, limitOptions, type BuildOptions, type Limits } from './options.js';
import { readChecked, writeChecked } from './checked.js';
import { prefetch } from './prefetch.js';
import { publish } from './publish.js';
import { closePagePools, fileWithMessages, overLimit, pageKeys, poolFor, readPages, recyclePagePools, reportMessages, type PageKey } from './read-pages.js';
import type { PageMessage } from './page-task.js';
import { folderContents, holdsExactly, inputsHash, readBuildRecord, writeBuildRecord, type DatasetCounts, type UnusedCuration } from './reuse.js';
import { readShards, shardFiles, shardOf } from './shards.js';
import { displayPath, listPages, relativePath, type PageSource } from './sources.js';
import { LentBuffers } from './lent-buffers.js';
import { RecordStore, UnreadableRecords } from './record-store.js';
import { keepThreadPoolAwake } from './thread-pool.js';
import { checkReplaceable, recoverInterruptedWrite, writeAtomically } from './write.js';

export interface BuildResult {
  /** Every file with messages about it: pages, dataset.yml, folders. */
  files: VFile[];
  /** Whether the run succeeded (no error; with `strict`, no warning either). */
  ok: boolean;
  dataset?: Dataset;
  /** The emitted files, by path relative to the output folder, with their sizes and SHA-256. */
  written?: Map<string, Fingerprint>;
  /** Their text, when the build wrote no output folder (a check, a test). */
  outputs?: Map<string, string>;
  /** Pages read, and how many of them came from the cache unchanged. */
  pages?: { read: number; fromCache: number };
  /** Pages whose chunk of the emitted files was taken from the cache, and pages whose chunk was made (see PageChunk). */
  chunks?: { reused: number; made: number };
  /** How many records of each kind the dataset has. */
  counts?: DatasetCounts;
  /** The output folder already held what this build would write, so it was kept as it was. */
  reused?: boolean;
}

/**
 * Runs the pipeline: parse → validate front matter → extract → validate records → emit → write.
 * Nothing is written unless every stage succeeded; with no `out`, nothing is written at all.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const stopWaking = keepThreadPoolAwake();
  try {
    return await buildNow(options);
  } finally {
    stopWaking();
  }
}

async function buildNow(options: BuildOptions): Promise<BuildResult> {
  const source = resolve(options.source);
  const limits: Limits = { ...defaultLimits, ...options.limits };
  const files: VFile[] = [];
  const fail = (): BuildResult => ({ files, ok: false });
  /** Fails with one error on a file of its own (a folder, a setting). */
  const refuse = (path: string, reason: string, ruleId: string): BuildResult => {
    files.push(fileWithError(path, reason, ruleId));
    return fail();
  };
  const finished = () => hasErrors(files) || (options.strict === true && files.some((f) => f.messages.length > 0));

  if (options.out !== undefined) {
    const out = resolve(options.out);
    if (out === source || source.startsWith(out + sep) || out === resolve('/') || out.startsWith(source + sep)) {
      return refuse(options.out, `Output folder must not be the source folder, inside it, above it or the root: choose another --out`, 'out-folder');
    }
    // A build killed while swapping its output in is finished (or undone) before anything else.
    await recoverInterruptedWrite(out);
    const notOurs = await checkReplaceable(options.out);
    if (notOurs !== undefined) return refuse(options.out, notOurs, 'out-folder');
  }

  const { config, file: configFile } = await readDatasetConfig(source, limits);
  if (configFile) files.push(configFile);
  const { config: curation, file: curationSource } = await readCuration(source, limits);
  if (curationSource) files.push(curationSource);
  let { pages, problems } = await listPages(source, { maxFiles: limits.maxFiles, raise: limitOptions.maxFiles });
  files.push(...problems);
  if (pages.length === 0 && problems.length === 0) {
    files.push(fileWithError(options.source, 'No pages found: add Markdown files (.md) with front matter to the source folder', 'no-pages'));
  }
  (curation?.add ?? []).forEach((entry) => {
    if (entry.type === 'place' && !entry.countryCode && curationSource) {
      reportError(curationSource, `Curated place \`${entry.name}\` needs a countryCode`, pointAt(curationSource, String(curationSource.value).indexOf(entry.name)), 'curation-place-country');
    }
  });
  if (!config || !curation || hasErrors(files)) return fail();

  if (options.shard) {
    const { index, count } = options.shard;
    pages = pages.filter(({ path }) => shardOf(relativePath(source, path), count) === index);
  }
  const fromShards = options.shards ? await readShards(options.shards, pages.map(({ path }) => relativePath(source, path)), files) : undefined;
  if (options.shards && !fromShards) return fail();

  const curationIndex = new CurationIndex(curation);
  const cacheDirectory = options.cache === false ? undefined : cacheFolder(options.cache);
  const cache = cacheDirectory === undefined ? undefined : await PageCache.open(cacheDirectory);
  // The output folder holds what an earlier build of exactly these inputs wrote: it is kept as it is.
  // Decided from the pages' keys alone, before any page's outcome is read.
  const reuse = options.out !== undefined && cacheDirectory !== undefined && !options.shards ? { out: options.out, cache: cacheDirectory } : undefined;
  // With no record of an earlier build (the first into this folder), there is nothing to compare.
  const record = reuse && (await readBuildRecord(reuse.cache, reuse.out));
  let keys: PageKey[] | undefined;
  // The chunks the last build into this folder wrote and checked, in the pages' order (see KnownRows).
  const chunksCheckedBefore = reuse ? await readChecked(reuse.cache, 'chunks') : new Set<string>();
  let stopPrefetch = (): Promise<void> => Promise.resolve();
  if (reuse && record && cache) {
    // A rebuild: starting a page worker takes seconds, so one starts as soon as a page is found that
    // the cache does not hold (changed, or new), while the other pages are hashed. The chunks of the
    // last build, most of which it will write again, are read through meanwhile (see prefetch).
    const onFirstMissing = () => {
      poolFor(limits).warm();
      stopPrefetch = prefetch([...chunksCheckedBefore].map((key) => cache.chunkPath(key))).stop;
    };
    keys = await pageKeys(pages, { source, curation, limits, cache, onFirstMissing });
    const sameInputs = keys !== undefined && record.inputs === (await buildInputs(source, config, curation, options, keys));
    if (sameInputs && (await holdsExactly(resolve(reuse.out), record.files))) {
      // Nothing is written (a summary missing from the pack started the read-through all the same).
      await stopPrefetch();
      await cache.keepContentHashes();
      const messages = new Map(record.pageMessages);
      files.push(...pages.map(({ path }) => fileWithMessages(displayPath(path), messages.get(relativePath(source, path)) ?? [])));
      if (curationSource) for (const unused of record.curationUnused) reportUnusedCuration(curationSource, unused);
      if (finished()) return fail();
      return { files, ok: true, written: new Map(record.files), counts: record.counts, reused: true, pages: { read: pages.length, fromCache: pages.length } };
    }
  }
  // The pages' records wait in a store between reading and emitting (a shard stops after reading).
  const store = options.shard ? undefined : new RecordStore(cache, fromShards);
  try {
    return await buildFromPages(pages, store);
  } finally {
    await stopPrefetch();
    await store?.close();
    await cache?.close();
  }

  async function buildFromPages(pages: readonly PageSource[], store: RecordStore | undefined): Promise<BuildResult> {
    // A rebuild waits on its page worker (started above) for the pages that changed: the profile the
    // package descriptor is checked against is compiled meanwhile, not at the end.
    if (keys) setImmediate(prepareDescriptorProfile);
    const { read, fromCache } = await readPages(pages, {
      source,
      curation: curation!,
      curationIndex,
      limits,
      ...(cache ? { cache } : {}),
      ...(fromShards ? { fromShards } : {}),
      ...(options.progress ? { progress: options.progress } : {}),
      ...(store ? { store } : {}),
      ...(keys ? { keys: new Map(keys.map(({ relative, key }) => [relative, key])) } : {}),
    });
    await cache?.keepSummaries();
    await cache?.keepContentHashes();
    // The page workers are replaced once the pages are read after many were read afresh, or when the
    // build is large (see BuildOptions.freshWorkersAfter). Chunks are made in workers if the pages were
    // read in workers (asked before these are stopped) and the dataset is not kept; a fresh one is then
    // started at once, to load its code while the entities are merged.
    const chunksInWorkers = poolFor(limits).running > 0 && options.keepDataset === false;
    const freshWorkersAfter = options.freshWorkersAfter ?? 100;
    const readAfresh = read.length - fromCache;
    if (readAfresh >= freshWorkersAfter || (readAfresh > 0 && read.length >= 50 * freshWorkersAfter)) {
      await recyclePagePools();
      if (chunksInWorkers && store) poolFor(limits).warm();
    }
    files.push(...read.map(({ file }) => file));
    if (finished()) return fail();
    if (options.shard || !store) {
      // A shard stops here: the merge (--shards) takes its pages' outcomes from the files it writes.
      const shard = options.shard!;
      const outputs = await shardFiles(shard, read.flatMap(({ relative, outcome }) => (relative && outcome ? [{ relativePath: relative, outcome }] : [])));
      const written = options.out !== undefined ? await writeAtomically(options.out, outputs) : new Map([...outputs].map(([path, contents]) => [path, fingerprint(contents)]));
      return { files, ok: true, written, outputs, pages: { read: read.length, fromCache } };
    }
    // The keys the record is made from are those the pages were read with (a page edited meanwhile is read as it is now).
    const inputs = reuse && read.every((page) => page.key !== undefined)
      ? await buildInputs(source, config!, curation!, options, read.map((page) => ({ relative: page.relative!, key: page.key! })))
      : undefined;
    const pageMessages = read.flatMap(({ relative, kept }): Array<[string, PageMessage[]]> => (relative && kept && kept.messages.length > 0 ? [[relative, kept.messages]] : []));
    const named = read.flatMap(({ relative, file, kept, key }) =>
      relative && kept?.named ? [{ relative, file, named: kept.named, document: kept.named.document, references: kept.references ?? [], ...(key !== undefined ? { key } : {}) }] : [],
    );
    const pagesRead = read.length;
    // What each page named is all a build holds of it from here: its summary is let go.
    read.length = 0;
    const fileOf = new Map(named.map(({ file, named }) => [named.document.id, file] as const));
    // Pass one: the entities every page names. The pages' own records stay in the store until emitted.
    const merged = mergeEntities(named.map((page) => page.named), curationIndex);
    const candidates = mergeCandidates(named.map((page) => page.named));
    const curationUnused = curationIndex.unused().map(({ section, label }) => ({ section, label }));
    if (curationSource) for (const unused of curationUnused) reportUnusedCuration(curationSource, unused);
    const fallback = files[files.length - 1]!;
    validateRecords(merged, (id) => fileOf.get(id), fallback);
    if (finished()) return fail();

    const inOrder = byDocumentId(named);
    const documents = inOrder.map((page) => page.named.document);
    const created = creationDate(documents.map((d) => d.dateModified));
    if (created === undefined) {
      return refuse('SOURCE_DATE_EPOCH', `SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, got ${JSON.stringify(process.env['SOURCE_DATE_EPOCH'])}`, 'source-date-epoch');
    }
    const onlyPage = documents.length === 1 ? documents[0] : undefined;
    const publishers = [...new Set(documents.map((d) => d.publisher))].sort();
    const title = config!.title ?? onlyPage?.title ?? `Open data from ${documents.length} pages`;
    const baseIri = options.baseIri ?? config!.baseIri ?? defaultBaseIri;
    let evaluation: Evaluation | undefined;
    if (config!.evaluation !== undefined) {
      // Warnings about the evaluation pages are the evaluation's business, not this dataset's: only errors count.
      const evaluationFiles: VFile[] = [];
      evaluation = await evaluate(join(source, config!.evaluation), source, evaluationFiles);
      files.push(...evaluationFiles.filter((file) => hasErrors([file])));
      if (finished()) return fail();
    }
    const emitOptions: EmitOptions = {
      baseIri,
      title,
      description:
        config!.description ??
        `Organisations, people, places, dated events and acronyms named in ${documents.length === 1 ? 'a page' : `${documents.length} pages`} published by ${publishers.join(', ')}, each with the passages that mention it.`,
      multiValueSeparator: config!.multiValueSeparator ?? '|',
      name: config!.name ?? slug(title),
      version: config!.version ?? defaultVersion,
      created,
      keywords: config!.keywords ?? [],
      themes: config!.themes ?? [],
      contributors: config!.contributors ?? [],
      ...(config!.homepage ? { homepage: config!.homepage } : {}),
      downloadUrl: config!.downloadUrl ?? baseIri.replace(/#$/, '/'),
    };
    const quality: QualityInput = { ...(evaluation ? { evaluation } : {}), candidates };
    const convertedBefore = reuse ? await readChecked(reuse.cache, 'jsonld-parts') : undefined;
    const converted: string[] = [];
    // Pass two: each page's chunk of the files, in document order. A page whose chunk the cache holds
    // under the same key (the same page, its references resolving as they did) is written from there;
    // any other has its records resolved against the entities, checked against the schemas and made
    // into its chunk, then kept: in the page workers when they are running, else here; either way a few
    // pages ahead of the one being written. A caller that wants the dataset gets every page resolved here.
    const kept: PageTables[] | undefined = options.keepDataset !== false ? [] : undefined;
    const context = chunkContext(merged, emitOptions);
    const pool = poolFor(limits);
    // What pass two needs of each page: how its references resolve (its chunk's key, and a worker's
    // task, are made from that; a page resolved here needs none). What the pages named, merged now, is
    // let go: at 10,000 pages it was most of what the build held while writing.
    const needsResolution = !kept && (cache !== undefined || chunksInWorkers);
    const sharedResolutions: SharedResolutions = new Map();
    const toWrite = inOrder.map(({ relative, file, key, named: page, references }) => ({
      relative,
      file,
      ...(key !== undefined ? { key } : {}),
      resolution: needsResolution ? resolutionOf(references, resolverOf(page, merged), context, sharedResolutions) : [],
    }));
    inOrder.length = 0;
    named.length = 0;
    collectGarbage();
    const counted = { events: 0, mentions: 0, chunksReused: 0, chunksMade: 0 };
    // This build's chunk keys (whose rows and nodes the check passes, read now or before), and, by the
    // place of each page in the files, a chunk reused that an earlier build checked: the check leaves
    // its rows and nodes out (see KnownRows).
    const chunkKeys: string[] = [];
    const checkedBefore = new Map<number, PageChunk>();
    const knownRows = new Map<string, KnownRows[]>();
    const knownLines: KnownRows[] = [];
    // The pages, by their place, whose chunks an earlier build checked: their event rows in the index of
    // entities are rows checked before too (the same chunk gives the same rows).
    const knownPages = new Set<number>();
    const addKnownRun = (path: string, run: KnownRows) => {
      const runs = knownRows.get(path);
      if (runs) runs.push(run);
      else knownRows.set(path, [run]);
    };
    const onPage: PageWritten = (index, spans) => {
      const chunk = checkedBefore.get(index);
      if (!chunk) return;
      checkedBefore.delete(index);
      knownPages.add(index);
      knownLines.push({ ...spans.graph, rows: chunk.nodes });
      // documents.csv is read whole: other tables' keys point into it (a term's page, say).
      for (const name of pageTableNames) {
        const { start, end } = spans[name];
        if (name === 'documents' || end === start) continue;
        addKnownRun(csvPath(name), { start, end, rows: chunk.counts[name] });
      }
    };
    const entitiesPath = csvPath('entities');
    const onPageEntities: PageEntitiesWritten = (index, rows) => {
      if (knownPages.has(index)) addKnownRun(entitiesPath, rows);
    };
    // A chunk read from the cache comes in a borrowed buffer, given back (release) once the chunk is
    // written; `inCache`: the cache holds it already (made by an earlier build, or kept by a worker).
    type Made = { chunk: PageChunk; reused: boolean; inCache: boolean; keptAs?: string; messages?: PageMessage[]; release?: () => void } | { failed: PoolFailure };
    const buffers = new LentBuffers();
    const chunkOf = async ({ relative, file, key, resolution }: (typeof toWrite)[number]): Promise<Made> => {
      const keptAs = cache && key !== undefined && !kept ? chunkKey(key, resolution, emitOptions) : undefined;
      const known = keptAs === undefined ? undefined : await cache!.chunk(keptAs, buffers);
      if (known) return { ...known, reused: true, inCache: true, keptAs: keptAs! };
      const keptUnder = keptAs !== undefined ? { keptAs } : {};
      if (chunksInWorkers) {
        // With a cache, the worker keeps the chunk there and it is read back from there (see ChunkTask.keepAt).
        const keepAt = keptAs !== undefined ? { keepAt: cache!.chunkPath(keptAs) } : {};
        const made = await pool.chunk({ shownPath: file.path, records: store!.locate(relative), resolution, baseIri: emitOptions.baseIri, separator: emitOptions.multiValueSeparator, ...keepAt });
        if ('failure' in made) return { failed: made };
        if ('unreadable' in made) throw new UnreadableRecords(made.unreadable);
        if ('chunk' in made) return { chunk: made.chunk, reused: false, inCache: false, messages: made.messages, ...keptUnder };
        const keptByWorker = await cache!.chunk(keptAs!, buffers);
        if (!keptByWorker) throw new Error(`The chunk of ${file.path} was kept in ${made.keptAt} but cannot be read back`);
        return { ...keptByWorker, reused: false, inCache: true, messages: made.messages, keptAs: keptAs! };
      }
      const records = resolvePage(await store!.get(relative), merged);
      validateRecords(records, (id) => fileOf.get(id), fallback);
      kept?.push(records);
      return { chunk: pageChunk(records, context), reused: false, inCache: false, ...keptUnder };
    };
    const parts: EmitParts = {
      documents,
      organizations: merged.organizations,
      people: merged.people,
      places: merged.places,
      terms: merged.terms,
      affiliations: merged.affiliations,
      async *pages() {
        let invalid = false;
        let written = 0;
        let collected = performance.now();
        const ahead = new Map<number, Promise<Made>>();
        // Chunks made in the workers, or read from the cache, a few pages ahead: their reads overlap the writing.
        const window = kept ? 1 : Math.max(8, pool.size * 2);
        for (let index = 0; index < toWrite.length; index++) {
          for (let next = index; next < Math.min(index + window, toWrite.length); next++) {
            if (ahead.has(next)) continue;
            const made = chunkOf(toWrite[next]!);
            // Awaited in its turn; a failure meanwhile is not left unhandled.
            made.catch(() => undefined);
            ahead.set(next, made);
          }
          const made = await ahead.get(index)!;
          ahead.delete(index);
          const page = toWrite[index]!;
          if ('failed' in made) {
            files.push(overLimit(page.file.path, made.failed, limits));
            invalid = true;
            continue;
          }
          if (made.messages) reportMessages(page.file, made.messages);
          // Its records' problems are on its own file (only that file is looked at: every page's would make the pass quadratic).
          const pageInvalid = hasErrors([page.file]);
          invalid ||= pageInvalid;
          if (made.reused) counted.chunksReused++;
          else counted.chunksMade++;
          // A chunk is kept only when its records passed their schemas (as a worker keeps one).
          if (made.keptAs !== undefined && !made.inCache && !pageInvalid) await cache!.setChunk(made.keptAs, made.chunk);
          if (made.keptAs !== undefined) chunkKeys.push(made.keptAs);
          if (made.reused && chunksCheckedBefore.has(made.keptAs!)) checkedBefore.set(written, made.chunk);
          written++;
          // Writing makes garbage faster than V8 collects it: left to itself, the heap grew to twice
          // what it held (at 10,000 pages, 380 MB for 150). Once in 10 s: a collection takes a tenth
          // of a second or more, and a one-page rebuild writes 10,000 pages in 5 s.
          if (performance.now() - collected > 10_000) {
            collectGarbage();
            collected = performance.now();
          }
          counted.events += made.chunk.counts.events;
          counted.mentions += made.chunk.counts.mentions;
          yield made.chunk;
          made.release?.();
        }
        // Every chunk is read: what is left of reading them through stops.
        await stopPrefetch();
        // What resolving the pages took is let go before the files are checked (at 10,000 pages, 45 MB:
        // each page's resolution, the lookups of the entities).
        toWrite.length = 0;
        sharedResolutions.clear();
        forgetLookups(merged);
        // The workers' memory (each holds the code and the gazetteers) is given back before the files are checked.
        if (options.keepWorkers === false) await closePagePools();
        // A record that fails its schema is never published: the files written so far are abandoned.
        if (invalid) throw new RecordsRejected();
      },
    };
    let published: Awaited<ReturnType<typeof publish>>;
    try {
      published = await publish(options.out, { dataset: parts }, emitOptions, quality, {
        ...(convertedBefore ? { parts: { known: convertedBefore, passed: (hash: string) => converted.push(hash), knownLines } } : {}),
        onPage,
        onPageEntities,
        knownRows,
      });
    } catch (error) {
      if (error instanceof RecordsRejected) return fail();
      if (error instanceof UnreadableRecords) {
        // Removed, so that the next build finds no summary of the page either and reads it again.
        await rm(error.path, { force: true });
        return refuse(error.path, 'Cache entry cannot be read back (damaged): it was removed, and the next build reads its page again: run the build again', 'cache-damaged');
      }
      throw error;
    }
    if ('problems' in published) {
      for (const problem of published.problems) files.push(fileWithError(problem.path, `Emitted file is inconsistent: ${problem.message}`, 'output-invalid'));
      return fail();
    }
    const counts: DatasetCounts = { documents: documents.length, organizations: merged.organizations.length, people: merged.people.length, places: merged.places.length, events: counted.events, terms: merged.terms.length, mentions: counted.mentions };
    if (reuse) {
      await writeChecked(reuse.cache, 'jsonld-parts', converted);
      await writeChecked(reuse.cache, 'chunks', chunkKeys);
    }
    if (reuse && inputs !== undefined) await writeBuildRecord(reuse.cache, reuse.out, { inputs, files: [...published.written], counts, curationUnused, pageMessages });
    const dataset = kept ? datasetOf(parts, kept) : undefined;
    return { files, ok: true, ...(dataset ? { dataset } : {}), counts, pages: { read: pagesRead, fromCache }, chunks: { reused: counted.chunksReused, made: counted.chunksMade }, ...published };
  }
}

/** Thrown at the end of the pages when a record failed its schema: the emission is abandoned, nothing is written. */
class RecordsRejected extends Error {
  constructor() {
    super('records failed their schemas');
  }
}

function reportUnusedCuration(curationSource: VFile, unused: UnusedCuration): void {
  reportWarning(
    curationSource,
    `Curated ${unused.section} entry \`${unused.label}\` matches nothing in the pages: correct it or remove it`,
    pointAt(curationSource, String(curationSource.value).indexOf(unused.label)),
    'curation-unused',
  );
}

/**
 * A hash of everything the output depends on: the pipeline's version, the dataset settings, the
 * curation, the options that change records, SOURCE_DATE_EPOCH, each page's cache key (its bytes and
 * path among them) and the evaluation corpus the quality report scores.
 */
async function buildInputs(source: string, config: DatasetConfig, curation: Curation, options: BuildOptions, keys: readonly PageKey[]): Promise<string> {
  const evaluation = config.evaluation === undefined ? [] : await folderContents(join(source, config.evaluation));
  return inputsHash([
    ['pipeline', await pipelineVersion()],
    ['config', JSON.stringify(config)],
    ['curation', JSON.stringify(curation)],
    ['base-iri', options.baseIri ?? ''],
    ['source-date-epoch', process.env['SOURCE_DATE_EPOCH'] ?? ''],
    ['pages', keys.map((page) => `${page.relative}\t${page.key}`).join('\n')],
    ...evaluation.map(([path, bytes]): [string, Buffer] => [`evaluation ${path}`, bytes]),
  ]);
}

/**
 * The date the package is stamped with, never the clock: SOURCE_DATE_EPOCH when set (the reproducible
 * builds convention), otherwise the start of the latest dateModified of the pages. Undefined when
 * SOURCE_DATE_EPOCH is set but not a number of seconds.
 */
export function creationDate(dateModified: readonly string[]): string | undefined {
  const epoch = process.env['SOURCE_DATE_EPOCH'];
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d{1,12}$/.test(epoch)) return undefined;
    return new Date(Number(epoch) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
  const latest = [...dateModified].sort().pop() ?? '1970';
  const [year, month = '01', day = '01'] = latest.split('-');
  return `${year}-${month}-${day}T00:00:00Z`;
}
