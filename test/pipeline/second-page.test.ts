import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { build } from '../../pipeline/build/index.js';

// A page written for this test, in the seed's genre but about another country, put alone in its own
// source folder: it must build with no change to the code.
const source = fileURLToPath(new URL('../fixtures/second-page/source/', import.meta.url));

describe('a second page, alone in a source folder', async () => {
  const result = await build({ source });
  const dataset = result.dataset!;
  const nameOf = (id: string | undefined) => [...dataset.organizations, ...dataset.places, ...dataset.people].find((r) => r.id === id)?.name;

  it('builds without error', () => {
    expect(result.ok).toBe(true);
    expect(result.files.flatMap((f) => f.messages).filter((m) => m.fatal)).toEqual([]);
  });

  it('yields its own organisations', () => {
    expect(dataset.organizations.map((o) => o.name).sort()).toEqual([
      'European Union',
      'Federal Criminal Police Office',
      'Federal Ministry of the Interior',
      'Federal Office for Information Security',
      'Federal Office for the Protection of the Constitution',
      'NATO Cooperative Cyber Defence Centre of Excellence',
      'National Cyber Defence Centre',
      'National Cyber Security Council',
      'North Atlantic Treaty Organization',
    ]);
    expect(dataset.organizations.find((o) => o.acronym === 'BSI')?.name).toBe('Federal Office for Information Security');
  });

  it('yields its people, countries and cities', () => {
    expect(dataset.people.map((p) => [p.name, p.roles])).toEqual([['Hans-Peter Friedrich', ['Federal Minister of the Interior']]]);
    expect(dataset.places.map((p) => p.name).sort()).toEqual(['Berlin', 'Bonn', 'Estonia', 'France', 'Germany', 'Munich', 'Netherlands', 'Poland', 'Tallinn']);
  });

  it('yields its dated events with places and participants', () => {
    expect(dataset.events.map((e) => [e.date, e.dateQualifier ?? null, e.status, nameOf(e.locationId) ?? null, e.participantIds.map(nameOf)])).toEqual([
      ['1991-01-01', null, 'past', 'Bonn', ['Federal Office for Information Security']],
      ['2011-02', null, 'past', null, ['Germany']],
      ['2011-04-01', null, 'past', 'Bonn', ['National Cyber Defence Centre']],
      ['2011', 'spring', 'past', null, ['National Cyber Security Council']],
      ['2007-04-27/2007-05-18', null, 'past', null, ['Estonia']],
      ['2008', null, 'past', 'Tallinn', ['North Atlantic Treaty Organization', 'NATO Cooperative Cyber Defence Centre of Excellence']],
      ['2013', null, 'past', 'Munich', []],
      ['2014-06', null, 'planned', 'Berlin', []],
    ]);
  });

  it('does not take "Nice" at the start of a sentence for the city', () => {
    expect(dataset.places.some((p) => p.name === 'Nice')).toBe(false);
  });
});
