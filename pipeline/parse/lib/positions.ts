import { location } from 'vfile-location';
import type { VFile } from 'vfile';
import type { SourcePoint } from '../../model/types.js';
import { sourceOffsetOf } from './passage-text.js';
import type { ParsedPassage } from './types.js';

const locations = new WeakMap<VFile, ReturnType<typeof location>>();

/** Line, column and offset in the source file of UTF-16 index `index` of a passage's text. */
export function sourcePoint(file: VFile, passage: Pick<ParsedPassage, 'segments' | 'position'>, index: number): SourcePoint {
  let place = locations.get(file);
  if (!place) {
    place = location(file);
    locations.set(file, place);
  }
  const offset = sourceOffsetOf(passage.segments, index, passage.position.start.offset);
  const point = place.toPoint(offset) ?? { line: passage.position.start.line, column: passage.position.start.column };
  return { line: point.line, column: point.column, offset };
}
