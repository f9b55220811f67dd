import type { Dataset } from '../model/lib/dataset.js';
import { mergePages } from './lib/merge.js';
import { extractPage } from './lib/page.js';
import { CurationIndex } from './lib/curation.js';
import type { CheckedPage } from './lib/types.js';

/**
 * The extract stage: checked pages in, the dataset's records out. `curation` (from curation.yml) records
 * which of its entries matched, for the build to report the others.
 */
export function extract(pages: readonly CheckedPage[], curation: CurationIndex = new CurationIndex()): Dataset {
  return mergePages(
    pages.map((page) => extractPage(page, curation)),
    curation,
  );
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
