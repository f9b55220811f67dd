import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../pipeline/build/lib/collect.js';
import { StringPool } from '../../pipeline/build/lib/intern.js';

describe('StringPool', () => {
  it('gives the same value back, at any depth, changed in place', () => {
    const pool = new StringPool();
    const page = { named: { organizations: [{ name: 'Agency', alternateNames: ['A', 'B'], countryCode: 'FR', count: 2, flag: true, none: null }] }, references: [{ type: 'organization', name: 'Agency' }] };
    const copy = structuredClone(page);
    expect(pool.intern(page)).toBe(page);
    expect(page).toEqual(copy);
    expect(pool.intern('text')).toBe('text');
    expect(pool.intern(undefined)).toBeUndefined();
  });

  it('holds a string that many pages repeat once', () => {
    const pool = new StringPool();
    // Each page's copy of a long name is a string of its own, as pages parsed or received apart are.
    const name = (index: number) => Buffer.from(`${'Agency for the Security of Information Systems '.repeat(8)}${index % 3}`).toString('utf8');
    const pages = () => Array.from({ length: 20_000 }, (_, index) => ({ names: [name(index)] }));
    collectGarbage(0);
    const before = process.memoryUsage().heapUsed;
    const plain = pages();
    collectGarbage(0);
    const plainBytes = process.memoryUsage().heapUsed - before;
    const interned = pages().map((page) => pool.intern(page));
    collectGarbage(0);
    const bothBytes = process.memoryUsage().heapUsed - before;
    expect(plain.length + interned.length).toBe(40_000);
    // The copies take ~400 bytes each; interned, three strings are left.
    expect(plainBytes).toBeGreaterThan(8 * 2 ** 20);
    expect(bothBytes - plainBytes).toBeLessThan(plainBytes / 2);
  });
});
