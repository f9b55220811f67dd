import { createHash } from 'node:crypto';
import type { JsonLdDocument, Options } from 'jsonld';
import { graphClosing, graphOpening } from '../../model/lib/graph-layout.js';
import type { PackageProblem } from './package.js';
import { linesOf, readSkipping, skippedCount, type KnownRows, type OutputReader } from './reader.js';

/**
 * The document loader of every conversion: it refuses every URL. The emitted JSON-LD carries its
 * context inline, so a URL to load can only come from a bug, and a build must never depend on the
 * network (nor on what a remote context happens to say on the day).
 */
async function refuseRemote(url: string): Promise<never> {
  throw new Error(`remote context ${url} is not allowed`);
}

/**
 * Converts one JSON-LD document to RDF as a consumer would, in safe mode: where jsonld would silently
 * drop something (a property that expands to no IRI, a relative @id, a malformed value), it throws
 * instead, and that becomes a problem of `path`. Nodes of its graph converted before (`parts.known`,
 * see documentParts) are not converted again.
 */
async function verifyJsonLd(path: string, document: unknown, parts: ConvertedParts): Promise<PackageProblem[]> {
  // Imported when first needed: it takes about 0.1 s, and most importers of validate/ never convert.
  const { default: jsonld } = await import('jsonld');
  // `safe` is missing from @types/jsonld.
  const options: Options.ToRdf & { safe: boolean } = { safe: true, documentLoader: refuseRemote };
  try {
    for (const { document: part, hashes } of documentParts(document, parts.known)) {
      if (part !== undefined) await jsonld.toRDF(part as JsonLdDocument, options);
      for (const hash of hashes) parts.passed?.(hash);
    }
    return [];
  } catch (error) {
    return [{ path, message: describeJsonLdError(error) }];
  }
}

/** Nodes converted at once of a document parsed whole: enough to amortise each call, few enough to keep memory flat. */
const nodesPerPart = 1000;

/**
 * Parts of graphs already converted without a problem, by the SHA-256 of their text: converting the
 * same text again can only give the same result, so a part met before is not converted again.
 */
export interface ConvertedParts {
  /** Hashes of parts known to convert. */
  known?: ReadonlySet<string>;
  /** Told the hash of each part of the file that converts (or is known to), in order. */
  passed?: (hash: string) => void;
  /**
   * This check's share of the parts, when several threads check one file: the parts whose place in
   * the file is `index` modulo `count` (the others are read, not converted, and not told to `passed`).
   */
  share?: { index: number; count: number };
  /** Runs of the graph's lines (nodes) converted before, by their bytes in the file: left out (see KnownRows). */
  knownLines?: readonly KnownRows[];
}

/**
 * Where a graph written one node per line is cut into parts: after a node whose line hashes to a
 * multiple of `meanPart` (with at least `minPart` nodes and at most `maxPart` in a part). The cuts
 * depend on the lines only, not on their count before, so a page's nodes added, changed or removed
 * change the parts around them and no other.
 */
const meanPart = 512;
const minPart = 64;
const maxPart = 2048;

function cutsAfter(line: string): boolean {
  // FNV-1a over the line's start, where a node's @id is: enough to tell nodes apart, and cheap.
  let hash = 0x811c9dc5;
  for (let i = 0, end = Math.min(line.length, 200); i < end; i++) hash = Math.imul(hash ^ line.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % meanPart === 0;
}

/**
 * Converts one JSON-LD file of `reader` to RDF in safe mode (see verifyJsonLd). A file written one node
 * per line (the context on the first line, `"@graph":[` on the second, a node on each of the next, `]}`
 * on the last: the layout of large JSON dumps) is read a line at a time and converted in parts of the
 * same context and a run of the graph's nodes, so that no size of graph is too large to check, and a
 * part whose text was converted before (`parts.known`) is not converted again; any other file is
 * parsed whole.
 */
export async function verifyJsonLdFile(path: string, reader: OutputReader, parts: ConvertedParts = {}): Promise<PackageProblem[]> {
  const lines = linesOf(readSkipping(reader, path, parts.knownLines ?? [], String))[Symbol.asyncIterator]();
  const first = await lines.next();
  const second = await lines.next();
  if (first.done || second.done || second.value !== graphOpening) {
    await lines.return?.(undefined);
    let document: unknown;
    try {
      document = JSON.parse(await reader.text(path)) as unknown;
    } catch (error) {
      return [{ path, message: `is not valid JSON: ${error instanceof Error ? error.message : String(error)}` }];
    }
    return verifyJsonLd(path, document, parts);
  }
  const notJson = (line: number, why: string): PackageProblem[] => [{ path, message: `is not valid JSON: line ${line}: ${why}` }];
  let header: Record<string, unknown>;
  try {
    header = JSON.parse(`${first.value}${graphOpening}${graphClosing}`) as Record<string, unknown>;
  } catch (error) {
    return notJson(1, (error as Error).message);
  }
  const { default: jsonld } = await import('jsonld');
  const options: Options.ToRdf & { safe: boolean } = { safe: true, documentLoader: refuseRemote };
  // The part being read: how many lines it has, and, when it is this check's to convert (see
  // ConvertedParts.share), its lines (numbered) and the hash of its text, the context's line first.
  // Another thread's parts are only counted, to cut them where it does.
  const startPart = () => createHash('sha256').update(first.value);
  const share = parts.share;
  let partIndex = 0;
  const isOurs = () => share === undefined || partIndex % share.count === share.index;
  let ours = isOurs();
  let part: Array<{ line: number; text: string }> = [];
  let partLines = 0;
  let partHash = startPart();
  let converted = false;
  /** Converts the part read (unless known, or another thread's share), or says which of its lines is not JSON. */
  const convert = async (): Promise<PackageProblem[] | undefined> => {
    const wasOurs = ours;
    partIndex++;
    ours = isOurs();
    partLines = 0;
    if (!wasOurs) {
      converted = true;
      return undefined;
    }
    const hash = partHash.digest('hex');
    if (parts.known?.has(hash) !== true) {
      const nodes: unknown[] = [];
      for (const { line, text } of part) {
        try {
          nodes.push(JSON.parse(text));
        } catch (error) {
          return notJson(line, (error as Error).message);
        }
      }
      await jsonld.toRDF({ ...header, '@graph': nodes } as JsonLdDocument, options);
    }
    parts.passed?.(hash);
    part = [];
    partHash = startPart();
    converted = true;
    return undefined;
  };
  let line = 2;
  let closed = false;
  let commaBefore = false;
  try {
    for (let next = await lines.next(); !next.done; next = await lines.next()) {
      line++;
      const text = next.value;
      if (closed) return notJson(line, 'text after the end of the graph');
      if (text === graphClosing) {
        if (commaBefore) return notJson(line - 1, 'a comma with no node after it');
        closed = true;
        continue;
      }
      if (line > 3 && !commaBefore) return notJson(line - 1, 'no comma after the node');
      commaBefore = text.endsWith(',');
      const skipped = skippedCount(text);
      if (skipped !== undefined) {
        line += skipped - 1;
        continue;
      }
      partLines++;
      if (ours) {
        part.push({ line, text: commaBefore ? text.slice(0, -1) : text });
        partHash.update('\n').update(text);
      }
      if (partLines >= maxPart || (partLines >= minPart && cutsAfter(text))) {
        const problems = await convert();
        if (problems) return problems;
      }
    }
    if (!closed) return notJson(line, `the graph is not closed by a line \`${graphClosing}\``);
    // The context is checked even when the graph is empty.
    if (partLines > 0 || !converted) return (await convert()) ?? [];
    return [];
  } catch (error) {
    return [{ path, message: describeJsonLdError(error) }];
  } finally {
    await lines.return?.(undefined);
  }
}

/**
 * A document of only a context and a graph (or of a context and one node), cut into documents of the
 * same context and a part of the graph each. Nodes refer to each other by IRI, so the parts convert to
 * exactly the document's triples (blank nodes aside, which are only ever checked here), while a
 * dataset's whole graph, expanded at once, would take many times its size in memory. A node with an
 * @id and a property of very many values (a catalogue's dataset lists every page) is cut further, into
 * documents of its own (see nodePieces). Each node or piece is known by the SHA-256 of the context and
 * its own text: those `known` to convert (a catalogue's agents and pages, unchanged since the last
 * build) are left out of the parts, and only their hashes come back (`document` undefined). Any other
 * document is converted whole, and is never known.
 */
function documentParts(document: unknown, known: ReadonlySet<string> | undefined): Array<{ document?: unknown; hashes: string[] }> {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) return [{ document, hashes: [] }];
  const { '@context': context, '@graph': graph, ...rest } = document as Record<string, unknown>;
  const nodes = Array.isArray(graph) && Object.keys(rest).length === 0 ? (graph as unknown[]) : graph === undefined ? [rest] : undefined;
  if (!nodes) return [{ document, hashes: [] }];
  const contextText = JSON.stringify(context ?? null);
  // A list's values are one list: cut, they would be several. A context that makes any term a list is not cut.
  const mayCut = !contextText.includes('"@list"');
  const hashOf = (node: unknown) => createHash('sha256').update(contextText).update('\n').update(JSON.stringify(node)).digest('hex');
  const cut: Array<{ document?: unknown; hashes: string[] }> = [];
  const knownHashes: string[] = [];
  let batch: unknown[] = [];
  let hashes: string[] = [];
  for (const node of nodes) {
    const pieces = mayCut ? nodePieces(node) : undefined;
    for (const unit of pieces ?? [node]) {
      const hash = hashOf(unit);
      if (known?.has(hash) === true) knownHashes.push(hash);
      // A piece alone: in one graph, jsonld would merge the pieces into the node again.
      else if (pieces) cut.push({ document: { '@context': context, '@graph': [unit] }, hashes: [hash] });
      else {
        batch.push(unit);
        hashes.push(hash);
        if (batch.length >= nodesPerPart) {
          cut.push({ document: { '@context': context, '@graph': batch }, hashes });
          batch = [];
          hashes = [];
        }
      }
    }
  }
  // The context is checked even when the graph is empty.
  if (batch.length > 0 || (cut.length === 0 && knownHashes.length === 0)) cut.push({ document: { '@context': context, '@graph': batch }, hashes });
  if (knownHashes.length > 0) cut.push({ hashes: knownHashes });
  return cut;
}

/** Values of one property that one piece of a node holds (see nodePieces). */
const valuesPerPiece = 500;

/**
 * A node with an @id and a property of more than valuesPerPiece values (no @list among them), as
 * pieces: the node without those values, then pieces of the same @id with a run of one property's
 * values each. They give the node's triples, and jsonld, which checks each value it adds against those
 * of its property before, converts them in a time that grows with the values, not with their square
 * (two seconds for one node of 10,000 values). Undefined for any other node.
 */
function nodePieces(node: unknown): Array<Record<string, unknown>> | undefined {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
  const { '@id': id, ...properties } = node as Record<string, unknown>;
  if (typeof id !== 'string') return undefined;
  const long = Object.entries(properties).filter(
    ([property, values]) => !property.startsWith('@') && Array.isArray(values) && values.length > valuesPerPiece && !values.some((value) => typeof value === 'object' && value !== null && '@list' in value),
  );
  if (long.length === 0) return undefined;
  const base: Record<string, unknown> = { '@id': id, ...properties };
  for (const [property] of long) delete base[property];
  const pieces = [base];
  for (const [property, values] of long as Array<[string, unknown[]]>) {
    for (let start = 0; start < values.length; start += valuesPerPiece) pieces.push({ '@id': id, [property]: values.slice(start, start + valuesPerPiece) });
  }
  return pieces;
}

interface JsonLdError {
  name?: unknown;
  message?: unknown;
  details?: { event?: { message?: unknown; details?: Record<string, unknown> }; cause?: unknown };
}

/** jsonld's errors keep what matters in `details`: the safe-mode event, or the loader's own error. */
function describeJsonLdError(error: unknown): string {
  const { name, message, details } = (error ?? {}) as JsonLdError;
  const event = details?.event;
  if (name === 'jsonld.ValidationError' && event) {
    const what = String(event.message ?? message).replace(/\.$/, '');
    const where = Object.entries(event.details ?? {}).map(([key, value]) => `${key} ${JSON.stringify(value)}`);
    return `JSON-LD is not valid in safe mode: ${what}${where.length > 0 ? ` (${where.join(', ')})` : ''}`;
  }
  // A failed load: jsonld's own message speaks of CORS and redirects; the loader's says why.
  const cause = details?.cause instanceof Error ? details.cause.message : undefined;
  return `JSON-LD does not convert to RDF: ${cause ?? String(message ?? error)}`;
}
