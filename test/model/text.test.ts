import { describe, expect, it } from 'vitest';
import { CodePoints, sliceCodePoints, toCodePointOffset, toUtf16Index } from '../../pipeline/model/index.js';

describe('CodePoints', () => {
  it('is the identity on text without astral characters', () => {
    const points = new CodePoints('Agence nationale');
    expect([0, 6, 16, 99].map((i) => points.offsetOf(i))).toEqual([0, 6, 16, 16]);
    expect([0, 6, 16].map((o) => points.indexOf(o))).toEqual([0, 6, 16]);
  });

  it('counts a surrogate pair as one code point, both ways', () => {
    const text = 'a😀b𝐀c';
    const points = new CodePoints(text);
    expect([0, 1, 3, 4, 6, 7].map((i) => points.offsetOf(i))).toEqual([0, 1, 2, 3, 4, 5]);
    expect([0, 1, 2, 3, 4, 5].map((o) => points.indexOf(o))).toEqual([0, 1, 3, 4, 6, 7]);
    for (let offset = 0; offset <= 5; offset++) expect(text.slice(points.indexOf(offset))).toBe(sliceCodePoints(text, offset, 99));
  });

  it('agrees with the one-off conversions', () => {
    const text = 'x😀y😀z';
    for (let i = 0; i <= text.length; i++) expect(toCodePointOffset(text, i)).toBe(new CodePoints(text).offsetOf(i));
    for (let o = 0; o <= 5; o++) expect(toUtf16Index(text, o)).toBe(new CodePoints(text).indexOf(o));
  });
});
