/**
 * Regression tests for the sixth round of rules, written from the tuning pages, each as the general
 * rule it is.
 */
import { describe, expect, it } from 'vitest';
import { mergePages } from '../../pipeline/extract/index.js';
import { extractText } from '../helpers.js';

const places = (text: string) => mergePages([extractText(text)]).places.map((p) => p.name);

describe('a large city named alone, without "in" before it', () => {
  it('is the city when its name is no word of English', () => {
    expect(places('Officials from Baguio have trained with the department. Guadalajara hosts the hub.')).toEqual(['Baguio', 'Guadalajara']);
  });

  it('not a word of English, a small place, a name inside a longer one, nor a name listed beside one already read', () => {
    expect(places('Reading is hard. Nice work.')).toEqual([]);
    expect(places('Minister Santiago Peña spoke. The University of Lisbon met.')).toEqual([]);
    expect(places('Santander and CaixaBank began sharing data.')).toEqual([]);
  });
});
