import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { keepThreadPoolAwake, wakeThreadPool } from '../../pipeline/build/lib/thread-pool.js';

const count = (resources: readonly string[], type: string) => resources.filter((resource) => resource === type).length;

describe('keepThreadPoolAwake (a wake-up glibc lost hung a rebuild of 10,000 pages)', () => {
  it('wakes the pool again and again until it is stopped', async () => {
    let wakes = 0;
    const stop = keepThreadPoolAwake(5, () => wakes++);
    while (wakes < 3) await sleep(5);
    stop();
    const stoppedAt = wakes;
    await sleep(50);
    expect(wakes).toBe(stoppedAt);
  });

  it('does not keep the process alive', () => {
    const before = count(process.getActiveResourcesInfo(), 'Timeout');
    const stop = keepThreadPoolAwake(1000, () => undefined);
    try {
      expect(count(process.getActiveResourcesInfo(), 'Timeout')).toBe(before);
    } finally {
      stop();
    }
  });

  it('queues a file operation on the thread pool, which ends', async () => {
    const before = count(process.getActiveResourcesInfo(), 'FSReqCallback');
    wakeThreadPool();
    expect(count(process.getActiveResourcesInfo(), 'FSReqCallback')).toBe(before + 1);
    while (count(process.getActiveResourcesInfo(), 'FSReqCallback') > before) await sleep(1);
  });
});
