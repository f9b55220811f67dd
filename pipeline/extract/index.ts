import type { Dataset } from '../model/lib/dataset.js';
import { mergeRecords, pageRecords } from './lib/merge.js';
import { extractPage } from './lib/page.js';
import { CurationIndex } from './lib/curation.js';
import type { CheckedPage, PageRecords } from './lib/types.js';

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
  return mergeAll(pages.map((page) => pageRecords(extractPage(page, curation))), curation);
}

/** Merges pages' records into the dataset, and their candidates for curation into one list. */
export function mergeAll(pages: readonly PageRecords[], curation: CurationIndex = new CurationIndex()): { dataset: Dataset; candidates: UnresolvedCandidate[] } {
  return { dataset: mergeRecords(pages, curation), candidates: mergeCandidates(pages) };
}

/** The pages' candidates for curation as one list: each name once, with its occurrences and where it is first seen (pages in the order given), most frequent first. */
export function mergeCandidates(pages: ReadonlyArray<Pick<PageRecords, 'document' | 'candidates'>>): UnresolvedCandidate[] {
  const candidates = new Map<string, UnresolvedCandidate>();
  for (const { document, candidates: found } of pages) {
    for (const candidate of found) {
      const key = `${candidate.kind} ${candidate.text}`;
      const known = candidates.get(key);
      if (known) {
        known.occurrences++;
        continue;
      }
      const { text, kind, passageId, line, column } = candidate;
      candidates.set(key, { text, kind, occurrences: 1, documentId: document.id, passageId, line, column });
    }
  }
  return [...candidates.values()].sort((a, b) => b.occurrences - a.occurrences || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
}

export { extractPage } from './lib/page.js';
export { byDocumentId, forgetLookups, mergeEntities, mergePages, mergeRecords, eventId, pageRecords, pageReferences, referenceKey, referenceTarget, resolvePage, resolverOf, type MergedEntities, type PageEntities } from './lib/merge.js';
export { CurationIndex, type UnusedCuration } from './lib/curation.js';
export { findAcronymDefinitions, initialsMatch } from './lib/acronyms.js';
export { findDates, dateValue, isAfter, type DateMention } from './lib/dates.js';
export { findOrganizationNames } from './lib/organizations.js';
export { findPeople } from './lib/people.js';
export { findCountries, findCities } from './lib/places.js';
export { tokenize } from './lib/tokens.js';
export { internationalOrganizations } from './lib/gazetteer/organizations.js';
export { keepCityTablesAt } from './lib/gazetteer/cities.js';
export type * from './lib/types.js';
