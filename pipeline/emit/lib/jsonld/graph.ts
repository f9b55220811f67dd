import type { Dataset } from '../../../model/lib/dataset.js';
import { jsonLdPath } from '../files.js';
import { checkOptions, type EmitOptions } from '../options.js';
import { graphClosing, graphOpening } from '../../../model/lib/graph-layout.js';
import { joined, type EmittedFile } from '../sink.js';
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

/**
 * The graph's nodes in publication order: first the nodes of the dataset as a whole (organisations,
 * people, places, terms, the term set), then each page's own (the page, its sections, events and
 * mentions), pages in id order; each group sorted by @id. A page's nodes all have ids under the page's,
 * so groups never share an @id, and the graph can be written one page at a time.
 */
export function* jsonLdNodes(dataset: Dataset, options: Pick<EmitOptions, 'baseIri'>): Generator<JsonLdNode> {
  checkOptions(options);
  const placeIds = new Set(dataset.places.map((place) => place.id));
  const nodeContext: NodeContext = { iri: (id) => options.baseIri + id, hasPlace: (id) => placeIds.has(id) };

  yield* sortedById([
    ...dataset.organizations.map((organization) => organizationNode(organization, nodeContext)),
    ...dataset.people.map((person) => personNode(person, nodeContext)),
    ...dataset.places.map((place) => placeNode(place, nodeContext)),
    ...dataset.terms.map((term) => termNode(term, nodeContext)),
    ...(dataset.terms.length > 0 ? [termSetNode(nodeContext)] : []),
  ]);
  const sectionsOf = byDocument(dataset.sections);
  const eventsOf = byDocument(dataset.events);
  const mentionsOf = byDocument(dataset.mentions);
  for (const document of dataset.documents) {
    const sections = sectionsOf.get(document.id) ?? [];
    const mentions = mentionsOf.get(document.id) ?? [];
    const mentioned = [...new Set(mentions.map((mention) => mention.entityId))].sort(compare);
    yield* sortedById([
      documentNode(document, sections.map((section) => section.id).sort(compare), mentioned, nodeContext),
      ...sections.map((section) => sectionNode(section, nodeContext)),
      ...(eventsOf.get(document.id) ?? []).map((event) => eventNode(event, nodeContext)),
      ...mentions.map((mention) => mentionNode(mention, nodeContext)),
    ]);
  }
}

/** The whole dataset as one JSON-LD document: inline context, nodes in publication order (jsonLdNodes). */
export function jsonLdDocument(dataset: Dataset, options: Pick<EmitOptions, 'baseIri'>): { '@context': typeof context; '@graph': JsonLdNode[] } {
  return { '@context': context, '@graph': [...jsonLdNodes(dataset, options)] };
}

/** Characters of nodes gathered into one piece. */
const pieceSize = 1 << 20;

/**
 * dataset.jsonld as pieces of text. The layout is the one of large JSON dumps (Wikidata's, say): the
 * context on the first line, the graph's opening on the second, then one node per line, so that a
 * reader can take the graph a node at a time, while the whole stays one valid JSON-LD document.
 */
export function* jsonLdPieces(dataset: Dataset, options: Pick<EmitOptions, 'baseIri'>): Generator<string> {
  yield `{"@context":${JSON.stringify(context)},\n${graphOpening}\n`;
  let piece = '';
  let first = true;
  for (const node of jsonLdNodes(dataset, options)) {
    piece += `${first ? '' : ',\n'}${JSON.stringify(node)}`;
    first = false;
    if (piece.length >= pieceSize) {
      yield piece;
      piece = '';
    }
  }
  yield `${piece}${first ? '' : '\n'}${graphClosing}\n`;
}

/** dataset.jsonld, made on demand (see jsonLdPieces). */
export function jsonLdFile(dataset: Dataset, options: Pick<EmitOptions, 'baseIri'>): EmittedFile {
  checkOptions(options);
  return { path: jsonLdPath, pieces: () => jsonLdPieces(dataset, options) };
}

/** dataset.jsonld (see jsonLdPieces). */
export function emitJsonLd(dataset: Dataset, options: Pick<EmitOptions, 'baseIri'>): Map<string, string> {
  return joined([jsonLdFile(dataset, options)]);
}

/** Nodes sorted by @id; two with one @id would silently merge in RDF, so a clash is a bug upstream. */
function sortedById(nodes: JsonLdNode[]): JsonLdNode[] {
  nodes.sort((a, b) => compare(String(a['@id']), String(b['@id'])));
  for (let i = 1; i < nodes.length; i++) {
    if (nodes[i]?.['@id'] === nodes[i - 1]?.['@id']) throw new Error(`two nodes share the IRI ${String(nodes[i]?.['@id'])}`);
  }
  return nodes;
}

/** Code-unit order, the same on every machine (no locale). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Records grouped by the page they belong to, in the order given. */
function byDocument<T extends { documentId: string }>(records: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const record of records) {
    const group = groups.get(record.documentId);
    if (group) group.push(record);
    else groups.set(record.documentId, [record]);
  }
  return groups;
}
