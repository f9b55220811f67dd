import { createHash } from 'node:crypto';
import type { ChunkContext, EmitOptions } from '../../emit/index.js';
import { referenceKey, referenceTarget, type EntityRef } from '../../extract/index.js';

/** How one of a page's references resolves: the id it names in the dataset, that id's name, whether it is a place. */
export interface ResolvedReference {
  /** The reference (see referenceKey). */
  reference: string;
  id?: string;
  name?: string;
  place?: true;
}

/**
 * Resolutions made already, for the pages to share (see resolutionOf): by the type of the reference,
 * what it names (see referenceTarget), and the id it resolves to ('' for none).
 */
export type SharedResolutions = Map<string, Map<string, Map<string, ResolvedReference>>>;

/**
 * How each of a page's references resolves against the dataset's entities, in the references' order.
 * A resolution made already for another page (the same reference, resolving to the same id) is
 * given again from `shared`: at 10,000 pages, 700,000 references make 30,000 resolutions, and the
 * build holds every page's until the page is written (94 MB of objects, most of them copies). It is
 * found by the strings the reference holds, not by a key made of them: making one per reference was
 * most of the time.
 */
export function resolutionOf(references: readonly EntityRef[], resolve: (ref: EntityRef) => string | undefined, context: ChunkContext, shared: SharedResolutions = new Map()): ResolvedReference[] {
  return references.map((ref) => {
    const id = resolve(ref);
    let byTarget = shared.get(ref.type);
    if (!byTarget) shared.set(ref.type, (byTarget = new Map()));
    const target = referenceTarget(ref);
    let byId = byTarget.get(target);
    if (!byId) byTarget.set(target, (byId = new Map()));
    let resolved = byId.get(id ?? '');
    if (!resolved) {
      // The name and whether it is a place follow from the id.
      const reference = referenceKey(ref);
      const name = id === undefined ? undefined : context.names.get(id);
      resolved = id === undefined ? { reference } : { reference, id, ...(name !== undefined ? { name } : {}), ...(context.nodeContext.hasPlace(id) ? { place: true as const } : {}) };
      byId.set(id ?? '', resolved);
    }
    return resolved;
  });
}

/**
 * The key a page's chunk (see PageChunk) is kept under: a hash of all it is made from. The page's
 * outcome (its cache key: the page's bytes, the curation, the pipeline's version), the options it is
 * written with, and, for each reference the page makes to the dataset's entities, the id it resolves
 * to, the name the timeline gives that id and whether the id is a place. A page whose references
 * resolve as they did keeps its chunk however the rest of the dataset changed; one whose references
 * resolve otherwise (a body merged under another id, renamed, gone) is written afresh.
 */
export function chunkKey(pageKey: string, resolution: readonly ResolvedReference[], options: Pick<EmitOptions, 'baseIri' | 'multiValueSeparator'>): string {
  const hash = createHash('sha256').update(pageKey).update('\0').update(options.baseIri).update('\0').update(options.multiValueSeparator).update('\0');
  // One text hashed at once: an update per reference was most of the time (40 a page, 10,000 pages).
  return hash.update(resolution.map(lineOf).join('')).digest('hex');
}

/** Each resolution's line in the text a chunk key hashes: resolutions are shared by the pages (see resolutionOf), their lines made once. */
const lines = new WeakMap<ResolvedReference, string>();

function lineOf(resolved: ResolvedReference): string {
  let line = lines.get(resolved);
  if (line === undefined) {
    const { reference, id, name, place } = resolved;
    line = `${reference}\0${id ?? ''}\0${name ?? ''}\0${place ? 'place' : ''}\n`;
    lines.set(resolved, line);
  }
  return line;
}
