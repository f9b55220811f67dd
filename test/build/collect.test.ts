import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../pipeline/build/lib/collect.js';

describe('collectGarbage', () => {
  it('gives back the memory of what was let go, without being asked on the command line', () => {
    expect(process.execArgv).not.toContain('--expose-gc');
    let held: Array<{ text: string }> | undefined = Array.from({ length: 1_000_000 }, (_, index) => ({ text: `record ${index} `.repeat(4) }));
    collectGarbage(0);
    const holding = process.memoryUsage().heapUsed;
    expect(held.length).toBe(1_000_000);
    held = undefined;
    collectGarbage(0);
    expect(holding - process.memoryUsage().heapUsed).toBeGreaterThan(50 * 2 ** 20);
  });

  it('leaves a heap smaller than its threshold to the collector', () => {
    let held: Array<{ text: string }> | undefined = Array.from({ length: 200_000 }, (_, index) => ({ text: `record ${index} `.repeat(4) }));
    collectGarbage(0);
    const holding = process.memoryUsage().heapUsed;
    expect(held.length).toBe(200_000);
    held = undefined;
    collectGarbage(holding + 2 ** 30);
    expect(holding - process.memoryUsage().heapUsed).toBeLessThan(2 ** 20);
  });
});
