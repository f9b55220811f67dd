import type { MultiValueSeparator } from './csv/cells.js';

export interface EmitOptions {
  /** Base IRI, ends with '/' or '#'; every record's @id is baseIri + record.id. */
  baseIri: string;
  /** Dataset title. */
  title: string;
  /** Dataset description. */
  description: string;
  /** Separator between the values of a multi-valued CSV cell. */
  multiValueSeparator: MultiValueSeparator;
}

/** Rejects options that would produce relative or malformed IRIs, or an unreadable CSV. */
export function checkOptions(options: Partial<EmitOptions>): void {
  const { baseIri, multiValueSeparator } = options;
  if (baseIri !== undefined) {
    if (!/^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]*[/#]$/.test(baseIri)) {
      throw new Error(`base IRI ${JSON.stringify(baseIri)} must be absolute, without spaces, and end with '/' or '#'`);
    }
  }
  if (multiValueSeparator !== undefined && multiValueSeparator !== '|' && multiValueSeparator !== ';') {
    throw new Error(`multi-value separator ${JSON.stringify(multiValueSeparator)} must be '|' or ';'`);
  }
}
