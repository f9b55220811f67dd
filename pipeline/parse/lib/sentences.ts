import sbd from 'sbd';
import { toCodePointOffset } from '../../model/lib/text.js';
import type { Sentence } from '../../model/types.js';

/**
 * Splits a passage's text into sentences, with code-point offsets into it. sbd knows abbreviations
 * ("Mr.", "etc.") and, unlike splitters that refuse to break after a number, ends a sentence at
 * "… in July 2009. ANSSI is …", which is how dated sentences in policy pages end.
 */
export function splitSentences(text: string, passageId: string, documentId: string): Sentence[] {
  const sentences: Sentence[] = [];
  let cursor = 0;
  for (const piece of sbd.sentences(text, { preserve_whitespace: true, newline_boundaries: false })) {
    const body = piece.trim();
    if (body === '') continue;
    const index = text.indexOf(body, cursor);
    if (index < 0) continue;
    cursor = index + body.length;
    sentences.push({
      id: `${passageId}/sentence/${sentences.length + 1}`,
      documentId,
      passageId,
      order: sentences.length + 1,
      start: toCodePointOffset(text, index),
      end: toCodePointOffset(text, index + body.length),
      text: body,
    });
  }
  return sentences;
}
