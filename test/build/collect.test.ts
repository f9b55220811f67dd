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

  it('gives back the pages that what was let go was spread over (compacts), not only the objects', () => {
    // One record in ten kept: every page of the heap holds some of them.
    const kept: Array<{ text: string }> = [];
    let spread: Array<{ text: string }> | undefined = [];
    for (let index = 0; index < 2_000_000; index++) (index % 10 === 0 ? kept : spread).push({ text: `record ${index} `.repeat(2) });
    collectGarbage(0);
    const before = process.memoryUsage();
    expect(spread.length).toBe(1_800_000);
    spread = undefined;
    collectGarbage(0);
    const after = process.memoryUsage();
    expect(kept.length).toBe(200_000);
    expect(before.heapTotal - after.heapTotal).toBeGreaterThan(0.8 * (before.heapUsed - after.heapUsed));
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

  it('measures the buffers outside the heap when asked: a few small objects let go may hold megabytes there', async () => {
    const heldBy = () => ({ keys: new Uint32Array(16 * 2 ** 20) });
    collectGarbage(0);
    const { heapUsed, arrayBuffers } = process.memoryUsage();
    let held: Array<{ keys: Uint32Array }> | undefined = [heldBy(), heldBy()];
    // Old by now (a collection they lived through): only a whole collection lets them go, not a young one.
    collectGarbage(0);
    expect(held).toHaveLength(2);
    held = undefined;
    // The heap is under the threshold: the buffers stay.
    collectGarbage(heapUsed + 64 * 2 ** 20);
    expect(process.memoryUsage().arrayBuffers - arrayBuffers).toBeGreaterThan(100 * 2 ** 20);
    // Buffers under it: they stay too.
    collectGarbage(arrayBuffers + 256 * 2 ** 20, { of: 'buffers' });
    expect(process.memoryUsage().arrayBuffers - arrayBuffers).toBeGreaterThan(100 * 2 ** 20);
    collectGarbage(arrayBuffers + 64 * 2 ** 20, { of: 'buffers' });
    // V8 frees the buffers of the objects collected in a task of its own, soon after.
    for (let waited = 0; waited < 2_000 && process.memoryUsage().arrayBuffers - arrayBuffers >= 2 ** 20; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(process.memoryUsage().arrayBuffers - arrayBuffers).toBeLessThan(2 ** 20);
  });
});
