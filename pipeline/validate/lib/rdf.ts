import type { JsonLdDocument, Options } from 'jsonld';
import { graphClosing, graphOpening } from '../../model/lib/graph-layout.js';
import type { PackageProblem } from './package.js';
import { linesOf, type OutputReader } from './reader.js';

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
 * instead, and that becomes a problem of `path`.
 */
async function verifyJsonLd(path: string, document: unknown): Promise<PackageProblem[]> {
  // Imported when first needed: it takes about 0.1 s, and most importers of validate/ never convert.
  const { default: jsonld } = await import('jsonld');
  // `safe` is missing from @types/jsonld.
  const options: Options.ToRdf & { safe: boolean } = { safe: true, documentLoader: refuseRemote };
  try {
    for (const part of parts(document)) await jsonld.toRDF(part as JsonLdDocument, options);
    return [];
  } catch (error) {
    return [{ path, message: describeJsonLdError(error) }];
  }
}

/** Nodes converted at once: enough to amortise each call, few enough to keep memory flat. */
const nodesPerPart = 1000;


/**
 * Converts one JSON-LD file of `reader` to RDF in safe mode (see verifyJsonLd). A file written one node
 * per line (the context on the first line, `"@graph":[` on the second, a node on each of the next, `]}`
 * on the last: the layout of large JSON dumps) is read a line at a time and converted in parts of the
 * same context and a part of the graph, so that no size of graph is too large to check; any other file
 * is parsed whole.
 */
export async function verifyJsonLdFile(path: string, reader: OutputReader): Promise<PackageProblem[]> {
  const lines = linesOf(reader.chunks(path))[Symbol.asyncIterator]();
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
    return verifyJsonLd(path, document);
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
  let nodes: unknown[] = [];
  let converted = false;
  const convert = async () => {
    await jsonld.toRDF({ ...header, '@graph': nodes } as JsonLdDocument, options);
    nodes = [];
    converted = true;
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
      try {
        nodes.push(JSON.parse(commaBefore ? text.slice(0, -1) : text));
      } catch (error) {
        return notJson(line, (error as Error).message);
      }
      if (nodes.length === nodesPerPart) await convert();
    }
    if (!closed) return notJson(line, `the graph is not closed by a line \`${graphClosing}\``);
    // The context is checked even when the graph is empty.
    if (nodes.length > 0 || !converted) await convert();
    return [];
  } catch (error) {
    return [{ path, message: describeJsonLdError(error) }];
  } finally {
    await lines.return?.(undefined);
  }
}

/**
 * A document of only a context and a graph, cut into documents of the same context and a part of the
 * graph each. Nodes refer to each other by IRI, so the parts convert to exactly the document's triples
 * (blank nodes aside, which are only ever checked here), while a dataset's whole graph, expanded at
 * once, would take many times its size in memory. Any other document is converted whole.
 */
function parts(document: unknown): unknown[] {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) return [document];
  const { '@context': context, '@graph': graph, ...rest } = document as Record<string, unknown>;
  if (!Array.isArray(graph) || Object.keys(rest).length > 0 || graph.length <= nodesPerPart) return [document];
  const cut: unknown[] = [];
  for (let i = 0; i < graph.length; i += nodesPerPart) cut.push({ '@context': context, '@graph': graph.slice(i, i + nodesPerPart) });
  return cut;
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
