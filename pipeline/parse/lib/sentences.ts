import sbd from 'sbd';
import type { VFile } from 'vfile';
import { toCodePointOffset } from '../../model/lib/text.js';
import type { Sentence } from '../../model/types.js';
import { sourcePoint } from './positions.js';
import type { ParsedPassage } from './types.js';

/**
 * Splits a passage's text into sentences, with code-point offsets into it. sbd knows abbreviations
 * ("Mr.", "etc.") and, unlike splitters that refuse to break after a number, ends a sentence at
 * "… in July 2009. ANSSI is …", which is how dated sentences in policy pages end.
 */
export function splitSentences(file: VFile, passage: ParsedPassage): Sentence[] {
  const { text, id: passageId, documentId } = passage;
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
      position: { start: sourcePoint(file, passage, index), end: sourcePoint(file, passage, index + body.length) },
    });
  }
  return sentences;
}
