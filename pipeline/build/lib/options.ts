import type { Shard } from './shards.js';

/** Options of a run of the pipeline, declared once for the command line and the API. */
export interface BuildOptions {
  /** Folder of the pages (Markdown with front matter) and the optional dataset.yml. */
  source: string;
  /** Folder the dataset is written to; undefined checks without writing. */
  out?: string;
  /** Base IRI of every record's @id; overrides dataset.yml. */
  baseIri?: string;
  /** Treat warnings as errors. */
  strict?: boolean;
  /**
   * Folder of the page cache (outcomes of unchanged pages are reused); false for none. Defaults to
   * OPEN_DATA_PIPELINE_CACHE, else node_modules/.cache/open-data-pipeline.
   */
  cache?: string | false;
  /** Read only this part of the pages and write their outcomes to `out`, for a later merge (--shard i/n). */
  shard?: Shard;
  /** Take the pages' outcomes from these shard outputs instead of reading the pages (the merge). */
  shards?: string[];
  /** Called as pages are read, with how many are done out of how many. */
  progress?: (done: number, total: number) => void;
  /** Limits on the input; each one left out takes its default. */
  limits?: Partial<Limits>;
  /**
   * Whether the result carries the merged dataset (the default). A caller that only wants the files
   * written says false: the records are then let go once the files are emitted, and the check that
   * reads the files back runs without them in memory (at 10,000 pages they are gigabytes).
   */
  keepDataset?: boolean;
  /**
   * Whether the page workers stay alive once every page is read (the default), ready for the next build
   * in the same process. A one-off build says false: their memory (each holds the code and the
   * gazetteers) is given back before the work on the whole dataset starts.
   */
  keepWorkers?: boolean;
  /**
   * From how many pages read afresh a build replaces its page workers once every page is read, before
   * the pages' chunks are made (default 100); a build of 50 times as many pages in all replaces them
   * however few were read afresh. A worker that read pages holds what reading needs (gazetteers,
   * parsers, a heap grown to ~150 MB after 5,000 pages), which making chunks does not: the merge and
   * the writing then run beside lean workers (at 10,000 pages: a cold build's peak 903 → 823 MB, a
   * one-page rebuild's 836 → 760 MB). Starting a worker takes a second or two, which a large build's
   * merge hides; a rebuild of 100 pages waited for it (5.1-5.5 → 6.7-7.3 s), so smaller ones keep theirs.
   */
  freshWorkersAfter?: number;
}

/**
 * Limits that keep a build's time and memory bounded whatever the input. Exceeding one is an error that
 * names the limit and the option that raises it.
 */
export interface Limits {
  /** Largest page, dataset.yml or curation.yml, in bytes. */
  maxFileSize: number;
  /** Most pages in the source folder. */
  maxFiles: number;
  /** Deepest nesting of a page's Markdown (block quotes, lists, emphasis), in syntax-tree levels. */
  maxDepth: number;
  /** Longest time reading one page (parsing its Markdown and extracting from it) may take, in milliseconds. */
  parseTimeout: number;
}

export const defaultLimits: Readonly<Limits> = {
  maxFileSize: 4 * 1024 * 1024,
  maxFiles: 100_000,
  maxDepth: 100,
  parseTimeout: 10_000,
};

/** The command-line option that sets each limit: messages say how to raise a limit in these words. */
export const limitOptions: Readonly<Record<keyof Limits, string>> = {
  maxFileSize: '--max-file-size',
  maxFiles: '--max-files',
  maxDepth: '--max-depth',
  parseTimeout: '--parse-timeout',
};

/** Heap each page worker may use, in MB: far above what a page within maxFileSize needs. */
export const pageMemory = 1024;

/**
 * Young generation of every worker thread, in MB (V8 makes it three semi-spaces: 4 MB each). V8's own
 * choice, 16 MB semi-spaces, kept 32 MB committed in each thread whatever it held; three threads run at
 * once at a large build's peaks (its end of reading, the start of its check). Collecting the young
 * generation more often cost no time measurable at 10,000 pages. The main thread gets the same from
 * the command that starts it (`--max-semi-space-size=4` in package.json's scripts).
 */
export const workerYoungGeneration = 12;

/** Used when neither --base-iri nor dataset.yml gives one: a placeholder a publisher should replace. */
export const defaultBaseIri = 'https://example.org/open-data/';

/** Name of the optional dataset settings file in the source folder. */
export const datasetConfigFile = 'dataset.yml';

/** Used when dataset.yml gives no version. */
export const defaultVersion = '0.1.0';

/** Name of the optional curation file in the source folder. */
export const curationFile = 'curation.yml';
