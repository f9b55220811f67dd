/**
 * Regression tests for passages far longer than a page usually holds: each finder used to read the text
 * from the passage's start for every name or date, so one long paragraph took minutes. These pin that
 * reading a long passage in stretches finds exactly what reading it whole finds.
 */
import sbd from 'sbd';
import { describe, expect, it } from 'vitest';
import { mergePages } from '../../pipeline/extract/index.js';
import { findDates } from '../../pipeline/extract/lib/dates.js';
import { splitSentences } from '../../pipeline/parse/lib/sentences.js';
import { sliceCodePoints } from '../../pipeline/model/index.js';
import { longParagraph, longParagraphDate } from '../generators.js';
import { extractText, parseText } from '../helpers.js';

describe('a passage of thousands of sentences', () => {
  const { text, acronyms } = longParagraph(1500);

  it('splits into the same sentences as one sbd call over the whole text', () => {
    const passage = parseText(text).passages[0]!;
    const sentences = splitSentences(parseText(text).file, passage);
    const whole = sbd.sentences(text, { preserve_whitespace: true, newline_boundaries: false }).map((s) => s.trim());
    expect(sentences.map((s) => s.text)).toEqual(whole);
    expect(sentences).toHaveLength(1500);
    for (const sentence of sentences) expect(sliceCodePoints(text, sentence.start, sentence.end)).toBe(sentence.text);
  });

  it('finds every date, in order, at its place', () => {
    const dates = findDates(text, '2020-01');
    expect(dates).toHaveLength(1500);
    dates.forEach((date, i) => {
      expect(date.startDate).toBe(longParagraphDate(i));
      expect(text.slice(date.start, date.end)).toBe(date.text);
    });
  });

  it('finds every acronym definition and dates every set-up', () => {
    const dataset = mergePages([extractText(text)]);
    expect([...new Set(dataset.terms.map((t) => t.acronym))].sort()).toEqual([...new Set(acronyms)].sort());
    expect(dataset.events).toHaveLength(1500);
    expect(dataset.events.every((event) => event.participantIds.length === 1)).toBe(true);
  });
});

describe('a passage with characters outside the Basic Multilingual Plane', () => {
  it('publishes code-point offsets that slice the quote out of the passage', () => {
    const text = `𝐀 note 😀. ${longParagraph(3).text} 😀 The End.`;
    const dataset = mergePages([extractText(text)]);
    const passage = dataset.passages[0]!;
    expect(dataset.mentions.length).toBeGreaterThan(5);
    for (const mention of dataset.mentions) expect(sliceCodePoints(passage.text, mention.start, mention.end)).toBe(mention.quote);
    for (const sentence of dataset.sentences) expect(sliceCodePoints(passage.text, sentence.start, sentence.end)).toBe(sentence.text);
  });
});
