import type { Dataset } from '../../pipeline/model/index.js';
import type { EmitOptions } from '../../pipeline/emit/index.js';
import type { SourcePosition } from '../../pipeline/model/index.js';

/**
 * A small hand-made dataset, shaped like what extract produces from one page. Offsets are code points in
 * the passage text (both passages are BMP-only, so they equal UTF-16 indexes); fixture.test.ts checks them.
 */

export const passage1Text = 'The French Network and Information Security Agency (ANSSI) was set up in Paris in July 2009.';
export const passage2Text =
  'Experts of the United Nations met its Deputy Secretary-General, Ana Exemplo, in France from August 2012 to June 2013, and the third conference will be held in Paris late in 2013.';

/** A one-line span: `column` and `offset` of its first character, `length` in code units. */
function span(line: number, column: number, offset: number, length: number): SourcePosition {
  return { start: { line, column, offset }, end: { line, column: column + length, offset: offset + length } };
}

// Passage 1 sits at line 13, column 1, offset 300; passage 2 is a list item at line 15, its text at column 3, offset 396.
const p1 = (start: number, end: number) => span(13, 1 + start, 300 + start, end - start);
const p2 = (start: number, end: number) => span(15, 3 + start, 396 + start, end - start);

export const options: EmitOptions = {
  baseIri: 'https://data.example.org/cyber/',
  title: 'Cyber security: organisations, places and events',
  description: 'Organisations, people, places, events and acronyms named on one page about cyber security.',
  multiValueSeparator: '|',
  name: 'cyber-security-fixture',
  version: '1.0.0',
  created: '2013-01-15T00:00:00Z',
  keywords: ['cyber security'],
  themes: [],
  contributors: [],
  downloadUrl: 'https://example.org/open-data/',
};

export function fixture(): Dataset {
  const dataset = records();
  dataset.entities = [
    ...dataset.organizations.map((r) => ({ id: r.id, entityType: 'organization' as const, name: r.name })),
    ...dataset.people.map((r) => ({ id: r.id, entityType: 'person' as const, name: r.name })),
    ...dataset.places.map((r) => ({ id: r.id, entityType: 'place' as const, name: r.name })),
    ...dataset.events.map((r) => ({ id: r.id, entityType: 'event' as const, name: r.name })),
    ...dataset.terms.map((r) => ({ id: r.id, entityType: 'term' as const, name: r.acronym })),
  ].sort((a, b) => (a.id < b.id ? -1 : 1));
  dataset.participants = dataset.events.flatMap((event) => event.participantIds.map((entityId) => ({ eventId: event.id, entityId })));
  dataset.affiliations = dataset.people.flatMap((person) => person.affiliationIds.map((organizationId) => ({ personId: person.id, organizationId })));
  return dataset;
}

function records(): Dataset {
  return {
    documents: [
      {
        id: 'cyber-security',
        path: 'cyber-security.md',
        title: 'Cyber security',
        publisher: 'French Ministry of Foreign Affairs and International Development',
        language: 'en',
        dateModified: '2013-01-15',
        rights: 'All rights reserved - French Ministry of Foreign Affairs and International Development - 2015',
        license: 'LicenseRef-All-Rights-Reserved',
        url: 'https://www.diplomatie.gouv.fr/en/cyber-security',
      },
    ],
    sections: [
      { id: 'cyber-security/s/cyber-security', documentId: 'cyber-security', depth: 1, order: 1, title: 'Cyber security', position: span(9, 1, 260, 16) },
      {
        id: 'cyber-security/s/france-and-cyber-security',
        documentId: 'cyber-security',
        parentId: 'cyber-security/s/cyber-security',
        depth: 2,
        order: 2,
        title: 'France and cyber security',
        position: span(11, 1, 278, 28),
      },
    ],
    passages: [
      {
        id: 'cyber-security/p/1',
        documentId: 'cyber-security',
        sectionId: 'cyber-security/s/france-and-cyber-security',
        kind: 'paragraph',
        order: 1,
        text: passage1Text,
        position: span(13, 1, 300, 92),
      },
      {
        id: 'cyber-security/p/2',
        documentId: 'cyber-security',
        sectionId: 'cyber-security/s/france-and-cyber-security',
        kind: 'listItem',
        order: 2,
        text: passage2Text,
        position: span(15, 1, 394, 180),
      },
    ],
    sentences: [
      { id: 'cyber-security/p/1/s/1', documentId: 'cyber-security', passageId: 'cyber-security/p/1', order: 1, start: 0, end: 92, text: passage1Text, position: span(13, 1, 300, 92) },
      { id: 'cyber-security/p/2/s/1', documentId: 'cyber-security', passageId: 'cyber-security/p/2', order: 1, start: 0, end: 178, text: passage2Text, position: span(15, 3, 396, 178) },
    ],
    organizations: [
      {
        id: 'org/anssi',
        name: 'French Network and Information Security Agency',
        acronym: 'ANSSI',
        alternateNames: [],
        category: 'governmentBody',
        countryCode: 'FR',
      },
      { id: 'org/united-nations', name: 'United Nations', alternateNames: ['UN'], category: 'internationalOrganization' },
    ],
    people: [{ id: 'person/ana-exemplo', name: 'Ana Exemplo', roles: ['Deputy Secretary-General'], affiliationIds: ['org/united-nations'] }],
    places: [
      { id: 'place/fr', name: 'France', kind: 'Country', countryCode: 'FR', iso3: 'FRA', latitude: 46, longitude: 2 },
      { id: 'place/geonames-2988507', name: 'Paris', kind: 'City', countryCode: 'FR', geonamesId: 2988507, latitude: 48.85341, longitude: 2.3488 },
    ],
    events: [
      {
        id: 'event/cyber-security/1',
        documentId: 'cyber-security',
        passageId: 'cyber-security/p/1',
        name: 'The French Network and Information Security Agency (ANSSI) was set up in Paris in July 2009',
        description: passage1Text,
        date: '2009-07',
        edtf: '2009-07',
        startDate: '2009-07',
        dateText: 'July 2009',
        status: 'past',
        locationId: 'place/geonames-2988507',
        participantIds: ['org/anssi'],
      },
      {
        id: 'event/cyber-security/2',
        documentId: 'cyber-security',
        passageId: 'cyber-security/p/2',
        name: 'Experts of the United Nations met its Deputy Secretary-General, Ana Exemplo, in France from August 2012 to June 2013',
        description: passage2Text,
        date: '2012-08/2013-06',
        edtf: '2012-08/2013-06',
        startDate: '2012-08',
        endDate: '2013-06',
        dateText: 'from August 2012 to June 2013',
        status: 'past',
        locationId: 'place/fr',
        participantIds: ['org/united-nations', 'person/ana-exemplo'],
      },
      {
        id: 'event/cyber-security/3',
        documentId: 'cyber-security',
        passageId: 'cyber-security/p/2',
        name: 'the third conference will be held in Paris late in 2013',
        description: passage2Text,
        date: '2013',
        edtf: '2013-41~',
        startDate: '2013',
        dateQualifier: 'late',
        dateText: 'late in 2013',
        status: 'planned',
        locationId: 'place/geonames-2988507',
        participantIds: [],
      },
    ],
    terms: [
      {
        id: 'term/anssi',
        acronym: 'ANSSI',
        expansion: 'French Network and Information Security Agency',
        documentId: 'cyber-security',
        organizationId: 'org/anssi',
      },
    ],
    entities: [],
    participants: [],
    affiliations: [],
    mentions: [
      mention('cyber-security/p/1', 4, 50, 'org/anssi', 'organization', 'French Network and Information Security Agency', p1),
      mention('cyber-security/p/1', 52, 57, 'term/anssi', 'term', 'ANSSI', p1),
      mention('cyber-security/p/1', 73, 78, 'place/geonames-2988507', 'place', 'Paris', p1),
      mention('cyber-security/p/1', 82, 91, 'event/cyber-security/1', 'event', 'July 2009', p1),
      mention('cyber-security/p/2', 15, 29, 'org/united-nations', 'organization', 'United Nations', p2),
      mention('cyber-security/p/2', 159, 164, 'place/geonames-2988507', 'place', 'Paris', p2),
      mention('cyber-security/p/2', 165, 177, 'event/cyber-security/3', 'event', 'late in 2013', p2),
      mention('cyber-security/p/2', 64, 75, 'person/ana-exemplo', 'person', 'Ana Exemplo', p2),
      mention('cyber-security/p/2', 80, 86, 'place/fr', 'place', 'France', p2),
      mention('cyber-security/p/2', 87, 116, 'event/cyber-security/2', 'event', 'from August 2012 to June 2013', p2),
    ],
  };
}

function mention(
  passageId: string,
  start: number,
  end: number,
  entityId: string,
  entityType: Dataset['mentions'][number]['entityType'],
  quote: string,
  position: (start: number, end: number) => SourcePosition,
): Dataset['mentions'][number] {
  return {
    id: `mention/${passageId}/${start}`,
    entityId,
    entityType,
    documentId: 'cyber-security',
    passageId,
    sentenceId: `${passageId}/s/1`,
    start,
    end,
    quote,
    position: position(start, end),
  };
}
