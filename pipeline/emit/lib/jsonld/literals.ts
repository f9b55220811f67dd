import { plainDecimal } from '../decimal.js';

/** A JSON-LD value object with a datatype (compact IRI under the context's xsd prefix). */
export interface TypedValue {
  '@value': string;
  '@type': string;
}

/** A reference to a node by absolute IRI, where the context does not already coerce the term. */
export interface NodeReference {
  '@id': string;
}

/**
 * A reduced-precision ISO 8601 date typed at its own precision: a year stays an xsd:gYear rather than
 * becoming 1 January at midnight, which the text never said.
 */
export function typedDate(value: string): TypedValue {
  if (/^\d{4}$/.test(value)) return { '@value': value, '@type': 'xsd:gYear' };
  if (/^\d{4}-\d{2}$/.test(value)) return { '@value': value, '@type': 'xsd:gYearMonth' };
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return { '@value': value, '@type': 'xsd:date' };
  throw new Error(`${JSON.stringify(value)} is not an ISO 8601 date at year, month or day precision`);
}

/** A coordinate as the lexical form of an xsd:decimal (the context types latitude and longitude). */
export function decimal(value: number): string {
  return plainDecimal(value);
}

/**
 * A licence: a single SPDX list identifier becomes its IRI on spdx.org. A LicenseRef-… (the publisher's
 * own terms, often "all rights reserved") or a compound expression (A OR B) has no IRI and stays text.
 */
export function licence(id: string): NodeReference | string {
  if (id.startsWith('LicenseRef-') || !/^[A-Za-z0-9][A-Za-z0-9.-]*$/.test(id)) return id;
  return { '@id': `https://spdx.org/licenses/${id}` };
}
