import type { MultiValueSeparator } from './csv/cells.js';

/** Someone who prepared the dataset, besides the pages' publishers. */
export interface Contributor {
  title: string;
  role?: string;
  path?: string;
  email?: string;
}

export interface EmitOptions {
  /** Base IRI, ends with '/' or '#'; every record's @id is baseIri + record.id. */
  baseIri: string;
  /** Dataset title. */
  title: string;
  /** Dataset description. */
  description: string;
  /** Separator between the values of a multi-valued CSV cell. */
  multiValueSeparator: MultiValueSeparator;
  /** Package name: lowercase, stable from release to release. */
  name: string;
  /** SemVer version of the dataset. */
  version: string;
  /** RFC 3339 date-time the package is dated (from SOURCE_DATE_EPOCH or the pages, never the clock). */
  created: string;
  keywords: readonly string[];
  contributors: readonly Contributor[];
  homepage?: string;
  /** Codes of the EU data-theme vocabulary (GOVE, INTR…). */
  themes: readonly string[];
  /** Address the files are published under, ending with '/': a file's download URL is this and its path. */
  downloadUrl: string;
}

/** Rejects options that would produce relative or malformed IRIs, or an unreadable CSV. */
export function checkOptions(options: Partial<EmitOptions>): void {
  const { baseIri, multiValueSeparator, version, created, downloadUrl } = options;
  if (version !== undefined && !/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/.test(version)) {
    throw new Error(`version ${JSON.stringify(version)} must be SemVer (1.0.0)`);
  }
  if (created !== undefined && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(created)) {
    throw new Error(`created ${JSON.stringify(created)} must be an RFC 3339 UTC date-time (2013-01-01T00:00:00Z)`);
  }
  if (downloadUrl !== undefined && !/^https?:\/\/\S+\/$/.test(downloadUrl)) {
    throw new Error(`download URL ${JSON.stringify(downloadUrl)} must be an http(s) address ending with '/'`);
  }
  if (baseIri !== undefined) {
    if (!/^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]*[/#]$/.test(baseIri)) {
      throw new Error(`base IRI ${JSON.stringify(baseIri)} must be absolute, without spaces, and end with '/' or '#'`);
    }
  }
  if (multiValueSeparator !== undefined && multiValueSeparator !== '|' && multiValueSeparator !== ';') {
    throw new Error(`multi-value separator ${JSON.stringify(multiValueSeparator)} must be '|' or ';'`);
  }
}
