import type { SchemaFile } from './schema-files.js';
import type {
  Affiliation,
  Document,
  Entity,
  Event,
  Mention,
  Organization,
  Participant,
  Passage,
  Person,
  Place,
  Section,
  Sentence,
  Term,
} from '../types.js';

/** Everything the pipeline publishes, table by table: pages, sections, passages, sentences, events and mentions in document order, the entities by id. */
export interface Dataset {
  documents: Document[];
  sections: Section[];
  passages: Passage[];
  sentences: Sentence[];
  organizations: Organization[];
  people: Person[];
  places: Place[];
  events: Event[];
  terms: Term[];
  entities: Entity[];
  participants: Participant[];
  affiliations: Affiliation[];
  mentions: Mention[];
}

export type TableName = keyof Dataset;

/** The tables made of each page's own records (its document, structure, events and mentions), published page by page in document order. */
export const pageTableNames = ['documents', 'sections', 'passages', 'sentences', 'events', 'participants', 'mentions'] as const satisfies readonly TableName[];
export type PageTableName = (typeof pageTableNames)[number];

/** One page's own records, its references resolved to the dataset's entities. */
export type PageTables = Pick<Dataset, PageTableName>;

/** The tables of the dataset as a whole: its entities, their affiliations, and every page's document. */
export type WholeTables = Pick<Dataset, 'documents' | 'organizations' | 'people' | 'places' | 'terms' | 'affiliations'>;

/**
 * The dataset as it is emitted: the tables of the whole dataset held in memory, each page's own records
 * taken a page at a time, in document order (they are most of the dataset: at 10,000 pages, gigabytes).
 */
export interface DatasetParts extends WholeTables {
  /** Each page's own records, in document order; every call goes through them afresh. */
  pages(): AsyncIterable<PageTables>;
}

/** An event's entry in the index of everything a mention can name. */
export function eventEntity(event: Pick<Event, 'id' | 'name'>): Entity {
  return { id: event.id, entityType: 'event', name: event.name };
}

/** The index of everything a mention can name: the dataset's entities and the events' entries, sorted by id (code-unit order). */
export function entitiesOf(whole: Pick<WholeTables, 'organizations' | 'people' | 'places' | 'terms'>, events: readonly Entity[]): Entity[] {
  return [
    ...whole.organizations.map((r): Entity => ({ id: r.id, entityType: 'organization', name: r.name })),
    ...whole.people.map((r): Entity => ({ id: r.id, entityType: 'person', name: r.name })),
    ...whole.places.map((r): Entity => ({ id: r.id, entityType: 'place', name: r.name })),
    ...events,
    ...whole.terms.map((r): Entity => ({ id: r.id, entityType: 'term', name: r.acronym })),
  ].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** A dataset held whole, from its whole-dataset tables and each page's own records (in document order). */
export function datasetOf(whole: Omit<WholeTables, 'documents'>, pages: readonly PageTables[]): Dataset {
  const events = pages.flatMap((page) => page.events);
  return {
    documents: pages.flatMap((page) => page.documents),
    sections: pages.flatMap((page) => page.sections),
    passages: pages.flatMap((page) => page.passages),
    sentences: pages.flatMap((page) => page.sentences),
    organizations: whole.organizations,
    people: whole.people,
    places: whole.places,
    events,
    terms: whole.terms,
    entities: entitiesOf(whole, events.map(eventEntity)),
    participants: pages.flatMap((page) => page.participants),
    affiliations: whole.affiliations,
    mentions: pages.flatMap((page) => page.mentions),
  };
}

/** A dataset held whole, as parts: its pages' records grouped by document, in document order. */
export function datasetParts(dataset: Dataset): DatasetParts {
  const { documents, organizations, people, places, terms, affiliations } = dataset;
  return {
    documents,
    organizations,
    people,
    places,
    terms,
    affiliations,
    async *pages() {
      const groups = new Map<string, PageTables>(documents.map((document) => [document.id, { documents: [document], sections: [], passages: [], sentences: [], events: [], participants: [], mentions: [] }]));
      const eventDocument = new Map(dataset.events.map((event) => [event.id, event.documentId]));
      const add = <T>(records: readonly T[], documentOf: (record: T) => string | undefined, table: (page: PageTables) => T[]) => {
        for (const record of records) {
          const page = groups.get(documentOf(record) ?? '');
          if (!page) throw new Error(`a record of no page: ${JSON.stringify(record).slice(0, 200)}`);
          table(page).push(record);
        }
      };
      add(dataset.sections, (r) => r.documentId, (p) => p.sections);
      add(dataset.passages, (r) => r.documentId, (p) => p.passages);
      add(dataset.sentences, (r) => r.documentId, (p) => p.sentences);
      add(dataset.events, (r) => r.documentId, (p) => p.events);
      add(dataset.participants, (r) => eventDocument.get(r.eventId), (p) => p.participants);
      add(dataset.mentions, (r) => r.documentId, (p) => p.mentions);
      yield* groups.values();
    },
  };
}

/**
 * What the dataset's descriptions (the card, the quality report, the catalogue records) say of it as a
 * whole: its pages and places, how many records each table has, and the span of its events' dates.
 */
export interface DatasetSummary {
  documents: readonly Document[];
  places: readonly Place[];
  counts: Record<TableName, number>;
  /** The earliest start and the latest end of the events, when there are events. */
  temporal?: { start: string; end: string };
}

/** The summary of a dataset held whole. */
export function summaryOf(dataset: Dataset): DatasetSummary {
  const counts = Object.fromEntries(tables.map(({ name }) => [name, dataset[name].length])) as Record<TableName, number>;
  const temporal = dataset.events.reduce<DatasetSummary['temporal']>((span, event) => widenSpan(span, event), undefined);
  return { documents: dataset.documents, places: dataset.places, counts, ...(temporal ? { temporal } : {}) };
}

/** A span of dates widened to cover an event's (ISO 8601 dates: code-unit order is date order). */
export function widenSpan(span: DatasetSummary['temporal'], event: Pick<Event, 'startDate' | 'endDate'>): NonNullable<DatasetSummary['temporal']> {
  const end = event.endDate ?? event.startDate;
  if (!span) return { start: event.startDate, end };
  return { start: event.startDate < span.start ? event.startDate : span.start, end: end > span.end ? end : span.end };
}

/** Each table's record schema, in the order the tables are published. */
export const tables: ReadonlyArray<{ name: TableName; schema: SchemaFile }> = [
  { name: 'documents', schema: 'document.schema.json' },
  { name: 'sections', schema: 'section.schema.json' },
  { name: 'passages', schema: 'passage.schema.json' },
  { name: 'sentences', schema: 'sentence.schema.json' },
  { name: 'organizations', schema: 'organization.schema.json' },
  { name: 'people', schema: 'person.schema.json' },
  { name: 'places', schema: 'place.schema.json' },
  { name: 'events', schema: 'event.schema.json' },
  { name: 'terms', schema: 'term.schema.json' },
  { name: 'entities', schema: 'entity.schema.json' },
  { name: 'participants', schema: 'participant.schema.json' },
  { name: 'affiliations', schema: 'affiliation.schema.json' },
  { name: 'mentions', schema: 'mention.schema.json' },
];
