import type { Dataset } from '../model/lib/dataset.js';
import { sourcePoint } from '../parse/index.js';
import { mergePages } from './lib/merge.js';
import { extractPage } from './lib/page.js';
import { CurationIndex } from './lib/curation.js';
import type { CheckedPage } from './lib/types.js';

/**
 * The extract stage: checked pages in, the dataset's records out. `curation` (from curation.yml) records
 * which of its entries matched, for the build to report the others.
 */
export function extract(pages: readonly CheckedPage[], curation: CurationIndex = new CurationIndex()): Dataset {
  return extractAll(pages, curation).dataset;
}

/** A name or acronym the extractor saw but could not type, with where it is first seen. */
export interface UnresolvedCandidate {
  text: string;
  kind: 'name' | 'acronym';
  occurrences: number;
  documentId: string;
  passageId: string;
  line: number;
  column: number;
}

/** The dataset, and the candidates for curation the extractor could not type, most frequent first. */
export function extractAll(pages: readonly CheckedPage[], curation: CurationIndex = new CurationIndex()): { dataset: Dataset; candidates: UnresolvedCandidate[] } {
  const extractions = pages.map((page) => extractPage(page, curation));
  const candidates = new Map<string, UnresolvedCandidate>();
  for (const { page, candidates: found } of extractions) {
    for (const candidate of found) {
      const key = `${candidate.kind} ${candidate.text}`;
      const known = candidates.get(key);
      if (known) {
        known.occurrences++;
        continue;
      }
      const point = sourcePoint(page.file, candidate.passage, candidate.start);
      candidates.set(key, { text: candidate.text, kind: candidate.kind, occurrences: 1, documentId: page.documentId, passageId: candidate.passage.id, line: point.line, column: point.column });
    }
  }
  return {
    dataset: mergePages(extractions, curation),
    candidates: [...candidates.values()].sort((a, b) => b.occurrences - a.occurrences || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0)),
  };
}

export { extractPage } from './lib/page.js';
export { mergePages } from './lib/merge.js';
export { CurationIndex, type UnusedCuration } from './lib/curation.js';
export { findAcronymDefinitions, initialsMatch } from './lib/acronyms.js';
export { findDates, dateValue, isAfter, type DateMention } from './lib/dates.js';
export { findOrganizationNames } from './lib/organizations.js';
export { findPeople } from './lib/people.js';
export { findCountries, findCities } from './lib/places.js';
export { tokenize } from './lib/tokens.js';
export type * from './lib/types.js';
