import { split } from 'sentence-splitter';
import { toCodePointOffset } from '../../model/lib/text.js';
import type { Sentence } from '../../model/types.js';

/** Splits a passage's text into sentences, with code-point offsets into it. */
export function splitSentences(text: string, passageId: string, documentId: string): Sentence[] {
  const sentences: Sentence[] = [];
  for (const node of split(text)) {
    if (node.type !== 'Sentence') continue;
    const [from, to] = node.range;
    const raw = text.slice(from, to);
    // the splitter keeps trailing spaces and line breaks inside a sentence; a sentence is its words
    const leading = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body === '') continue;
    const startIndex = from + leading;
    sentences.push({
      id: `${passageId}/sentence/${sentences.length + 1}`,
      documentId,
      passageId,
      order: sentences.length + 1,
      start: toCodePointOffset(text, startIndex),
      end: toCodePointOffset(text, startIndex + body.length),
      text: body,
    });
  }
  return sentences;
}
