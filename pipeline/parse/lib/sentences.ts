import sbd from 'sbd';
import type { VFile } from 'vfile';
import { CodePoints } from '../../model/lib/text.js';
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
  const codePoints = new CodePoints(text);
  let cursor = 0;
  for (const piece of sentencePieces(text)) {
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
      start: codePoints.offsetOf(index),
      end: codePoints.offsetOf(index + body.length),
      text: body,
      position: { start: sourcePoint(file, passage, index), end: sourcePoint(file, passage, index + body.length) },
    });
  }
  return sentences;
}

/** Longest stretch sbd reads at once: it rebuilds each sentence by splicing from the front of one token list. */
const sbdChunk = 4000;

/**
 * sbd's sentences of `text`, read in stretches so that a passage of thousands of sentences costs time in
 * proportion to its length. Each stretch's last sentence may be cut short by the stretch's end, so it is
 * read again at the start of the next stretch; a text shorter than a stretch is read whole.
 */
function sentencePieces(text: string): string[] {
  const options = { preserve_whitespace: true, newline_boundaries: false };
  const pieces: string[] = [];
  let from = 0;
  while (text.length - from > sbdChunk) {
    const stretch = sbd.sentences(text.slice(from, from + sbdChunk), options);
    if (stretch.length < 2) break;
    const complete = stretch.slice(0, -1);
    pieces.push(...complete);
    from += complete.reduce((length, piece) => length + piece.length, 0);
  }
  pieces.push(...sbd.sentences(text.slice(from), options));
  return pieces;
}
