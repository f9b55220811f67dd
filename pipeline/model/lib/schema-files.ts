/** Where the JSON Schemas live and which ones describe records. Declared once for generation and validation. */
export const schemaDirectory = new URL('../../../schemas/', import.meta.url);

/** Every schema file, the shared definitions first so references resolve. */
export const schemaFiles = [
  'common.schema.json',
  'front-matter.schema.json',
  'dataset-config.schema.json',
  'curation.schema.json',
  'gold.schema.json',
  'document.schema.json',
  'section.schema.json',
  'passage.schema.json',
  'sentence.schema.json',
  'organization.schema.json',
  'person.schema.json',
  'place.schema.json',
  'event.schema.json',
  'term.schema.json',
  'entity.schema.json',
  'participant.schema.json',
  'affiliation.schema.json',
  'mention.schema.json',
] as const;

/** The schemas that become TypeScript types (all but the shared definitions). */
export const recordSchemaFiles = schemaFiles.filter((file) => file !== 'common.schema.json');

export type SchemaFile = (typeof schemaFiles)[number];
