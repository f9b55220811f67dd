import { createHash } from 'node:crypto';
import type { ChunkContext, EmitOptions } from '../../emit/index.js';
import type { EntityRef } from '../../extract/index.js';

/**
 * The key a page's chunk (see PageChunk) is kept under: a hash of all it is made from. The page's
 * outcome (its cache key: the page's bytes, the curation, the pipeline's version), the options it is
 * written with, and, for each reference the page makes to the dataset's entities, the id it resolves
 * to, the name the timeline gives that id and whether the id is a place. A page whose references
 * resolve as they did keeps its chunk however the rest of the dataset changed; one whose references
 * resolve otherwise (a body merged under another id, renamed, gone) is written afresh.
 */
export function chunkKey(
  pageKey: string,
  references: readonly EntityRef[],
  resolve: (ref: EntityRef) => string | undefined,
  context: ChunkContext,
  options: Pick<EmitOptions, 'baseIri' | 'multiValueSeparator'>,
): string {
  const hash = createHash('sha256').update(pageKey).update('\0').update(options.baseIri).update('\0').update(options.multiValueSeparator).update('\0');
  for (const ref of references) {
    const id = resolve(ref);
    const said = ref.type === 'place' ? ref.id : ref.type === 'term' ? ref.acronym : ref.type === 'event' ? String(ref.index) : ref.name;
    hash.update(`${ref.type}\0${said}\0${id ?? ''}\0${id === undefined ? '' : (context.names.get(id) ?? '')}\0${id !== undefined && context.nodeContext.hasPlace(id) ? 'place' : ''}\n`);
  }
  return hash.digest('hex');
}
