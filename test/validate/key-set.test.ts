import { describe, expect, it } from 'vitest';
import { KeySet } from '../../pipeline/validate/lib/key-set.js';

describe('KeySet', () => {
  it('tells a key added from one not added, and says whether an add was new', () => {
    const keys = new KeySet();
    expect(keys.add('page/a/event/1')).toBe(true);
    expect(keys.add('page/a/event/1')).toBe(false);
    expect(keys.has('page/a/event/1')).toBe(true);
    expect(keys.has('page/a/event/2')).toBe(false);
    expect(keys.size).toBe(1);
  });

  it('holds the empty key, and keys that differ only in their last character or in a NUL between values', () => {
    const keys = new KeySet();
    const long = `page/${'x'.repeat(500)}`;
    for (const key of ['', `${long}a`, `${long}b`, 'a\u0000bc', 'ab\u0000c']) expect(keys.add(key)).toBe(true);
    expect(['', `${long}a`, `${long}b`, 'a\u0000bc', 'ab\u0000c'].map((key) => keys.has(key))).toEqual([true, true, true, true, true]);
    expect(keys.has(`${long}c`)).toBe(false);
    expect(keys.has('abc')).toBe(false);
    expect(keys.size).toBe(5);
  });

  it('keeps every key through many growths of its table, and finds none of the keys never added', () => {
    const keys = new KeySet();
    const count = 200_000;
    let added = 0;
    for (let i = 0; i < count; i++) if (keys.add(`page/${i}/mention/${i * 7}`)) added++;
    expect({ added, size: keys.size }).toEqual({ added: count, size: count });
    let found = 0;
    let strays = 0;
    for (let i = 0; i < count; i++) {
      if (keys.has(`page/${i}/mention/${i * 7}`)) found++;
      if (keys.has(`page/${i}/mention/${i * 7 + 1}`)) strays++;
    }
    expect({ found, strays }).toEqual({ found: count, strays: 0 });
    // Added again, none is new.
    let again = 0;
    for (let i = 0; i < count; i += 1000) if (keys.add(`page/${i}/mention/${i * 7}`)) again++;
    expect(again).toBe(0);
    expect(keys.size).toBe(count);
  });
});
