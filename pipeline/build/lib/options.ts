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
}

/** Used when neither --base-iri nor dataset.yml gives one: a placeholder a publisher should replace. */
export const defaultBaseIri = 'https://example.org/open-data/';

/** Name of the optional dataset settings file in the source folder. */
export const datasetConfigFile = 'dataset.yml';

/** Used when dataset.yml gives no version. */
export const defaultVersion = '0.1.0';

/** Name of the optional curation file in the source folder. */
export const curationFile = 'curation.yml';
