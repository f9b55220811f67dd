import { describe, expect, it } from 'vitest';
import { keyOf, sliceCodePoints, tables } from '../../pipeline/model/index.js';
import { validatorFor } from '../../pipeline/validate/index.js';
import { fixture } from './fixture.js';

// The other tests trust the fixture; these checks keep it honest.
describe('emit fixture', () => {
  const dataset = fixture();

  it('quotes and sentences match their code-point offsets in the passage text', () => {
    const passages = new Map(dataset.passages.map((passage) => [passage.id, passage.text]));
    for (const mention of dataset.mentions) expect(sliceCodePoints(passages.get(mention.passageId) ?? '', mention.start, mention.end)).toBe(mention.quote);
    for (const sentence of dataset.sentences) expect(sliceCodePoints(passages.get(sentence.passageId) ?? '', sentence.start, sentence.end)).toBe(sentence.text);
  });

  it('has every table sorted by id', () => {
    for (const { name } of tables) {
      const ids = dataset[name].map((record) => keyOf(name, record));
      expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    }
  });

  it('is valid against the schemas', () => {
    for (const { name, schema } of tables) {
      const validate = validatorFor(schema);
      for (const record of dataset[name]) expect({ id: keyOf(name, record), valid: validate(record), errors: validate.errors ?? null }).toEqual({ id: keyOf(name, record), valid: true, errors: null });
    }
  });
});
