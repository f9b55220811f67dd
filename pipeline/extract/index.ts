import type { Dataset } from '../model/lib/dataset.js';
import { mergePages } from './lib/merge.js';
import { extractPage } from './lib/page.js';
import type { CheckedPage } from './lib/types.js';

/** The extract stage: checked pages in, the dataset's records out. */
export function extract(pages: readonly CheckedPage[]): Dataset {
  return mergePages(pages.map(extractPage));
}

export { extractPage } from './lib/page.js';
export { mergePages } from './lib/merge.js';
export { findAcronymDefinitions, initialsMatch } from './lib/acronyms.js';
export { findDates, dateValue, isAfter, type DateMention } from './lib/dates.js';
export { findOrganizationNames } from './lib/organizations.js';
export { findPeople } from './lib/people.js';
export { findCountries, findCities } from './lib/places.js';
export { tokenize } from './lib/tokens.js';
export type * from './lib/types.js';
