import type { DatasetSummary } from '../../../model/lib/dataset.js';
import type { Document } from '../../../model/types.js';
import type { Contributor, EmitOptions } from '../options.js';

/** Facts about the dataset as a whole that every metadata format states, derived once from the records. */
export interface DatasetFacts {
  publishers: string[];
  languages: string[];
  /** The latest dateModified of the pages. */
  modified: string;
  /** Earliest start and latest end of the events, when there are events. */
  temporal?: { start: string; end: string };
  licences: Array<{ id: string; rights: string[] }>;
  contributors: Contributor[];
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function datasetFacts(dataset: DatasetSummary, options: EmitOptions): DatasetFacts {
  const documents = dataset.documents;
  const publishers = [...new Set(documents.map((d) => d.publisher))].sort(byText);
  return {
    publishers,
    languages: [...new Set(documents.map((d) => d.language))].sort(byText),
    modified: documents.map((d) => d.dateModified).sort(byText).pop() ?? options.created.slice(0, 10),
    ...(dataset.temporal ? { temporal: dataset.temporal } : {}),
    licences: licences(documents),
    contributors: [
      ...publishers.map((title): Contributor => ({ title, role: 'publisher' })),
      ...options.contributors,
    ],
  };
}

/** Each licence the pages give, with the rights statements printed beside it. */
function licences(documents: readonly Document[]): DatasetFacts['licences'] {
  const byId = new Map<string, Set<string>>();
  for (const document of documents) {
    const rights = byId.get(document.license) ?? new Set<string>();
    rights.add(document.rights);
    byId.set(document.license, rights);
  }
  return [...byId.entries()].sort(([a], [b]) => byText(a, b)).map(([id, rights]) => ({ id, rights: [...rights].sort(byText) }));
}

/** Whether an SPDX id names a licence on the SPDX list (an IRI exists for it), not a LicenseRef or an expression. */
export function isListedLicence(id: string): boolean {
  return !id.startsWith('LicenseRef-') && /^[A-Za-z0-9][A-Za-z0-9.+-]*$/.test(id);
}
