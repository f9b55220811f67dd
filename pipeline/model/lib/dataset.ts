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
