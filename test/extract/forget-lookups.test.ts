/**
 * A build done resolving its pages lets go of the lookups the merge made for it (forgetLookups): at
 * 10,000 pages they were 30 MB held through the check of the files. The entities themselves stay.
 */
import { describe, expect, it } from 'vitest';
import { CurationIndex, forgetLookups, mergeEntities, pageReferences, pageRecords, resolverOf } from '../../pipeline/extract/index.js';
import { extractText, readSeedSource } from '../helpers.js';

describe('forgetLookups', () => {
  const records = pageRecords(extractText(readSeedSource()));
  const merged = mergeEntities([records], new CurationIndex());
  const references = pageReferences(records);

  it('empties the lookups by name and by acronym, and leaves the entities', () => {
    const counts = [merged.organizations.length, merged.people.length, merged.places.length, merged.terms.length];
    expect(merged.termIdByAcronym.size).toBeGreaterThan(0);
    expect(merged.organizationIdByName.size).toBeGreaterThan(0);
    const resolve = resolverOf(records, merged);
    const resolved = references.filter((reference) => resolve(reference) !== undefined).length;
    expect(resolved).toBeGreaterThan(0);
    forgetLookups(merged);
    expect([merged.organizationIdByName.size, merged.termIdByAcronym.size, merged.personIdByName.size]).toEqual([0, 0, 0]);
    expect([merged.organizations.length, merged.people.length, merged.places.length, merged.terms.length]).toEqual(counts);
    // Only what needs no lookup (places, by their code) still resolves.
    expect(references.filter((reference) => resolverOf(records, merged)(reference) !== undefined).length).toBeLessThan(resolved);
  });
});
