import { tables, type TableName } from '../../../model/lib/dataset.js';
import { primaryKeyOf } from '../../../model/lib/keys.js';
import { columnsOf, describeTable } from '../csv/columns.js';
import { csvPath, csvwPath } from '../files.js';
import type { EmitOptions } from '../options.js';

interface RowMapping {
  /** The column whose value, under the base IRI, is the row's subject (the node's @id in the JSON-LD). */
  about: string;
  /** rdf:type of every row, where the JSON-LD gives one type to the whole table. */
  type?: string;
  /** Columns stated with the JSON-LD's property; `link` columns hold ids of other nodes. */
  properties: Record<string, { property: string; link?: boolean }>;
}

/**
 * How each table's rows map to the JSON-LD graph: the same subjects, properties and links, so that a
 * CSVW processor turning the CSVs into RDF states what the JSON-LD states. Columns not listed keep the
 * CSVW default property (the column name, relative to the table). Properties are written as full IRIs:
 * the CSVW context binds `schema:` to http://schema.org/, the JSON-LD uses https://schema.org/.
 */
const mappings: Partial<Record<TableName, RowMapping>> = {
  documents: { about: 'id', type: 'https://schema.org/WebPage', properties: { title: { property: 'https://schema.org/name' }, language: { property: 'https://schema.org/inLanguage' }, rights: { property: 'https://schema.org/copyrightNotice' }, description: { property: 'https://schema.org/description' } } },
  sections: { about: 'id', type: 'https://schema.org/WebPageElement', properties: { title: { property: 'https://schema.org/name' }, order: { property: 'https://schema.org/position' } } },
  organizations: { about: 'id', properties: { name: { property: 'https://schema.org/name' } } },
  people: { about: 'id', type: 'https://schema.org/Person', properties: { name: { property: 'https://schema.org/name' } } },
  places: { about: 'id', properties: { name: { property: 'https://schema.org/name' } } },
  events: { about: 'id', type: 'https://schema.org/Event', properties: { name: { property: 'https://schema.org/name' }, description: { property: 'https://schema.org/description' }, locationId: { property: 'https://schema.org/location', link: true } } },
  terms: { about: 'id', type: 'https://schema.org/DefinedTerm', properties: { acronym: { property: 'https://schema.org/termCode' }, expansion: { property: 'https://schema.org/name' } } },
  participants: { about: 'eventId', properties: { entityId: { property: 'https://schema.org/about', link: true } } },
  affiliations: { about: 'personId', properties: { organizationId: { property: 'https://schema.org/affiliation', link: true } } },
  mentions: { about: 'id', type: 'http://www.w3.org/ns/oa#Annotation', properties: { entityId: { property: 'http://www.w3.org/ns/oa#hasBody', link: true }, documentId: { property: 'http://www.w3.org/ns/prov#wasDerivedFrom', link: true } } },
};

/** A URI template that expands a column's id under the base IRI, keeping its slashes (RFC 6570 `{+var}`). */
export function idTemplate(baseIri: string, column: string): string {
  return `${baseIri.replace(/[{}]/g, (c) => encodeURIComponent(c))}{+${column}}`;
}

/** csv-metadata.json: the tables for CSV on the Web processors, with templates giving the JSON-LD's IRIs. */
export function emitCsvw(options: EmitOptions): Map<string, string> {
  const metadata = {
    '@context': ['http://www.w3.org/ns/csvw', { '@language': 'en' }],
    'dc:title': options.title,
    'dc:description': options.description,
    tables: tables.map(({ name }) => {
      const mapping = mappings[name];
      const columns = columnsOf(name).map((column) => {
        const mapped = mapping?.properties[column.name];
        const isSubject = mapping?.about === column.name;
        return {
          name: column.name,
          titles: column.name,
          'dc:description': column.description,
          datatype: column.type === 'string' ? 'string' : column.type,
          required: column.required,
          ...(column.multiValued ? { separator: options.multiValueSeparator } : {}),
          ...(isSubject ? { suppressOutput: true } : {}),
          ...(mapped ? { propertyUrl: mapped.property } : {}),
          ...(mapped?.link ? { valueUrl: idTemplate(options.baseIri, column.name) } : {}),
        };
      });
      const virtual = mapping?.type ? [{ name: 'rdfType', virtual: true, propertyUrl: 'rdf:type', valueUrl: mapping.type }] : [];
      const foreignKeys = columnsOf(name)
        .filter((column) => column.references !== undefined && !column.multiValued)
        .map((column) => ({ columnReference: column.name, reference: { resource: csvPath(column.references!), columnReference: primaryKeyOf(column.references!)[0]! } }));
      return {
        url: csvPath(name),
        'dc:title': describeTable(name).title,
        'dc:description': describeTable(name).description,
        dialect: { header: true, lineTerminators: ['\r\n'] },
        tableSchema: {
          columns: [...columns, ...virtual],
          primaryKey: primaryKeyOf(name).length === 1 ? primaryKeyOf(name)[0] : [...primaryKeyOf(name)],
          ...(mapping ? { aboutUrl: idTemplate(options.baseIri, mapping.about) } : {}),
          ...(foreignKeys.length > 0 ? { foreignKeys } : {}),
        },
      };
    }),
  };
  return new Map([[csvwPath, `${JSON.stringify(metadata, null, 2)}\n`]]);
}
