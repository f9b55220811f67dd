/**
 * Every worker thread of the pipeline has a small young generation (see workerYoungGeneration): V8's
 * own choice kept 32 MB committed in each thread, and a large build runs three at once at its peaks.
 */
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { buildCommand } from '../../pipeline/bench/index.js';
import { workerYoungGeneration } from '../../pipeline/build/lib/options.js';
import { startModuleWorker } from '../../pipeline/build/lib/pool.js';

const fixture = new URL('../fixtures/young-generation/worker.ts', import.meta.url).href;

async function newSpaceOf(options: Parameters<typeof startModuleWorker>[1] = {}): Promise<number> {
  const worker = startModuleWorker(fixture, options);
  try {
    const [message] = (await once(worker, 'message')) as [{ newSpaceMb: number; held: number }];
    expect(message.held).toBe(1_000_000);
    return message.newSpaceMb;
  } finally {
    await worker.terminate();
  }
}

describe('the young generation of a worker thread', () => {
  it('is workerYoungGeneration: two of its three semi-spaces are the new space', async () => {
    expect(await newSpaceOf()).toBeLessThanOrEqual((2 * workerYoungGeneration) / 3);
  });

  it('is kept when other limits are given (the page workers give their heap)', async () => {
    expect(await newSpaceOf({ resourceLimits: { maxOldGenerationSizeMb: 256 } })).toBeLessThanOrEqual((2 * workerYoungGeneration) / 3);
  });

  it('is what the caller says when it says', async () => {
    expect(await newSpaceOf({ resourceLimits: { maxYoungGenerationSizeMb: 48 } })).toBeGreaterThan((2 * workerYoungGeneration) / 3);
  });
});

describe("the main thread's young generation", () => {
  it('is set alike by every command of package.json that runs the pipeline, and the bench runs the build that way', async () => {
    const { scripts } = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };
    const semiSpace = `--max-semi-space-size=${workerYoungGeneration / 3}`;
    for (const command of ['build', 'check', 'merge']) expect(scripts[command]).toBe(`node ${semiSpace} pipeline/run.mjs ${command}`);
    expect(await buildCommand()).toEqual([semiSpace, 'pipeline/run.mjs', 'build']);
  });
});
