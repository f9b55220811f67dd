import type { Dataset, PageTables, WholeTables } from '../../../model/lib/dataset.js';
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
  const nodeContext = nodeContextOf(dataset, options);
  yield* wholeNodes(dataset, nodeContext);
  const sectionsOf = byDocument(dataset.sections);
  const eventsOf = byDocument(dataset.events);
  const mentionsOf = byDocument(dataset.mentions);
  for (const document of dataset.documents) {
    yield* pageNodes({ documents: [document], sections: sectionsOf.get(document.id) ?? [], events: eventsOf.get(document.id) ?? [], mentions: mentionsOf.get(document.id) ?? [] }, nodeContext);
  }
}

/** How nodes name what they point at: IRIs under the base, and which ids are places. */
export function nodeContextOf(whole: Pick<WholeTables, 'places'>, options: Pick<EmitOptions, 'baseIri'>): NodeContext {
  checkOptions(options);
  return nodeContextFor(options.baseIri, new Set(whole.places.map((place) => place.id)));
}

/** How nodes name what they point at, from the base IRI and the ids of the places (or those that matter). */
export function nodeContextFor(baseIri: string, placeIds: ReadonlySet<string>): NodeContext {
  return { iri: (id) => baseIri + id, hasPlace: (id) => placeIds.has(id) };
}

/** The nodes of the dataset as a whole, sorted by @id: organisations, people, places, terms, the term set. */
export function wholeNodes(whole: Pick<WholeTables, 'organizations' | 'people' | 'places' | 'terms'>, nodeContext: NodeContext): JsonLdNode[] {
  return sortedById([
    ...whole.organizations.map((organization) => organizationNode(organization, nodeContext)),
    ...whole.people.map((person) => personNode(person, nodeContext)),
    ...whole.places.map((place) => placeNode(place, nodeContext)),
    ...whole.terms.map((term) => termNode(term, nodeContext)),
    ...(whole.terms.length > 0 ? [termSetNode(nodeContext)] : []),
  ]);
}

/** One page's own nodes, sorted by @id: the page, its sections, events and mentions. */
export function pageNodes(page: Pick<PageTables, 'documents' | 'sections' | 'events' | 'mentions'>, nodeContext: NodeContext): JsonLdNode[] {
  const [document] = page.documents;
  if (!document || page.documents.length !== 1) throw new Error('pageNodes: one page at a time');
  const mentioned = [...new Set(page.mentions.map((mention) => mention.entityId))].sort(compare);
  return sortedById([
    documentNode(document, page.sections.map((section) => section.id).sort(compare), mentioned, nodeContext),
    ...page.sections.map((section) => sectionNode(section, nodeContext)),
    ...page.events.map((event) => eventNode(event, nodeContext)),
    ...page.mentions.map((mention) => mentionNode(mention, nodeContext)),
  ]);
}

/**
 * dataset.jsonld written as text a run of nodes at a time. The layout is the one of large JSON dumps
 * (Wikidata's, say): the context on the first line, the graph's opening on the second, then one node
 * per line, so that a reader can take the graph a node at a time, while the whole stays one valid
 * JSON-LD document.
 */
export class GraphText {
  #first = true;

  /** The context and the graph's opening. */
  head(): string {
    return `{"@context":${JSON.stringify(context)},\n${graphOpening}\n`;
  }

  /** Nodes, one per line, each after the comma that parts it from the one before. */
  nodes(nodes: Iterable<JsonLdNode>): string {
    let text = '';
    for (const node of nodes) {
      text += `${this.#first ? '' : ',\n'}${JSON.stringify(node)}`;
      this.#first = false;
    }
    return text;
  }

  /** What goes before a run of nodes written already (one per line, parted by ",\n": see PageChunk): the comma that parts it from the nodes before. */
  separator(): string {
    const separator = this.#first ? '' : ',\n';
    this.#first = false;
    return separator;
  }

  /** The graph's closing. */
  tail(): string {
    return `${this.#first ? '' : '\n'}${graphClosing}\n`;
  }
}

/** The whole dataset as one JSON-LD document: inline context, nodes in publication order (jsonLdNodes). */
export function jsonLdDocument(dataset: Dataset, options: Pick<EmitOptions, 'baseIri'>): { '@context': typeof context; '@graph': JsonLdNode[] } {
  return { '@context': context, '@graph': [...jsonLdNodes(dataset, options)] };
}

/** Nodes gathered into one piece. */
const nodesPerPiece = 1000;

/** dataset.jsonld as pieces of text (see GraphText). */
export function* jsonLdPieces(dataset: Dataset, options: Pick<EmitOptions, 'baseIri'>): Generator<string> {
  const graph = new GraphText();
  yield graph.head();
  let nodes: JsonLdNode[] = [];
  for (const node of jsonLdNodes(dataset, options)) {
    nodes.push(node);
    if (nodes.length === nodesPerPiece) {
      yield graph.nodes(nodes);
      nodes = [];
    }
  }
  yield graph.nodes(nodes) + graph.tail();
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
