import type { Dataset } from '../../../model/lib/dataset.js';
import { jsonLdPath } from '../files.js';
import { checkOptions, type EmitOptions } from '../options.js';
import { context } from './context.js';
import {
  documentNode,
  eventNode,
  mentionNode,
  organizationNode,
  personNode,
  placeNode,
  sectionNode,
  termNode,
  termSetNode,
  type JsonLdNode,
  type NodeContext,
} from './nodes.js';

/** The whole dataset as one JSON-LD document: inline context, nodes sorted by @id. */
export function jsonLdDocument(dataset: Dataset, options: Pick<EmitOptions, 'baseIri'>): { '@context': typeof context; '@graph': JsonLdNode[] } {
  checkOptions(options);
  const placeIds = new Set(dataset.places.map((place) => place.id));
  const nodeContext: NodeContext = { iri: (id) => options.baseIri + id, hasPlace: (id) => placeIds.has(id) };

  const sectionsOf = groupIds(dataset.sections, (section) => section.documentId, (section) => section.id);
  const mentionedBy = groupIds(dataset.mentions, (mention) => mention.documentId, (mention) => mention.entityId);

  const graph: JsonLdNode[] = [
    ...dataset.documents.map((document) =>
      documentNode(document, sectionsOf.get(document.id) ?? [], mentionedBy.get(document.id) ?? [], nodeContext),
    ),
    ...dataset.sections.map((section) => sectionNode(section, nodeContext)),
    ...dataset.organizations.map((organization) => organizationNode(organization, nodeContext)),
    ...dataset.people.map((person) => personNode(person, nodeContext)),
    ...dataset.places.map((place) => placeNode(place, nodeContext)),
    ...dataset.events.map((event) => eventNode(event, nodeContext)),
    ...dataset.terms.map((term) => termNode(term, nodeContext)),
    ...(dataset.terms.length > 0 ? [termSetNode(nodeContext)] : []),
    ...dataset.mentions.map((mention) => mentionNode(mention, nodeContext)),
  ];

  graph.sort((a, b) => compare(String(a['@id']), String(b['@id'])));
  for (let i = 1; i < graph.length; i++) {
    // Two nodes with one @id would silently merge in RDF: a clash of ids is a bug upstream.
    if (graph[i]?.['@id'] === graph[i - 1]?.['@id']) throw new Error(`two nodes share the IRI ${String(graph[i]?.['@id'])}`);
  }
  return { '@context': context, '@graph': graph };
}

/** dataset.jsonld: the document as 2-space JSON ending with a newline. */
export function emitJsonLd(dataset: Dataset, options: Pick<EmitOptions, 'baseIri'>): Map<string, string> {
  return new Map([[jsonLdPath, `${JSON.stringify(jsonLdDocument(dataset, options), null, 2)}\n`]]);
}

/** Code-unit order, the same on every machine (no locale). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Values grouped by key, each group sorted and without repeats. */
function groupIds<T>(records: readonly T[], key: (record: T) => string, value: (record: T) => string): Map<string, string[]> {
  const groups = new Map<string, Set<string>>();
  for (const record of records) {
    const group = groups.get(key(record)) ?? new Set<string>();
    group.add(value(record));
    groups.set(key(record), group);
  }
  return new Map([...groups].map(([name, values]) => [name, [...values].sort(compare)]));
}
