import type { Nodes, PhrasingContent } from 'mdast';
import type { TextSegment } from './types.js';

/**
 * Flattens the inline content of a paragraph to plain text, remembering for each text node where its
 * characters stand in the source so that offsets in the text can be placed back on a line and column.
 */
export function passageText(children: readonly PhrasingContent[]): { text: string; segments: TextSegment[] } {
  let text = '';
  const segments: TextSegment[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'text' || node.type === 'inlineCode') {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start !== undefined && end !== undefined) {
        // inline code sits between backticks: its value starts after them
        const lead = node.type === 'inlineCode' ? Math.max(0, (end - start - node.value.length) / 2) : 0;
        segments.push({
          textStart: text.length,
          length: node.value.length,
          sourceOffset: start + Math.floor(lead),
          exact: end - start === node.value.length + 2 * lead,
        });
      }
      text += node.value;
    } else if (node.type === 'break') {
      text += '\n';
    } else if (node.type === 'image' || node.type === 'imageReference') {
      text += node.alt ?? '';
    } else if ('children' in node) {
      for (const child of node.children) visit(child as Nodes);
    }
  };
  for (const child of children) visit(child);
  return { text, segments };
}

/** Source offset of UTF-16 index `index` of a passage's text, as near as the segments allow. */
export function sourceOffsetOf(segments: readonly TextSegment[], index: number, fallback: number): number {
  let best: TextSegment | undefined;
  for (const segment of segments) {
    if (segment.textStart <= index) best = segment;
    else break;
  }
  if (!best) return fallback;
  const within = Math.min(index - best.textStart, best.length);
  return best.exact ? best.sourceOffset + within : best.sourceOffset;
}
