/**
 * Sharding: --shard i/n builds a deterministic part of the corpus, and merge combines every part into
 * exactly the dist/ one build of the whole corpus gives. Shards that do not fit together are refused.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../pipeline/command/index.js';
import { shardOf } from '../../pipeline/build/lib/shards.js';
import { snapshot } from '../cli/run.js';
import { root, sourceFolder } from '../helpers.js';

const scratch = mkdtempSync(join(tmpdir(), 'odp-shards-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const source = join(scratch, 'source');
cpSync(sourceFolder, source, { recursive: true });
rmSync(join(source, 'dataset.yml'));
cpSync(join(root, 'test/fixtures/second-page/source'), join(source, 'germany'), { recursive: true });
const tuning = join(root, 'test/fixtures/eval/tuning');
for (const page of readdirSync(tuning).filter((name) => name.endsWith('.md'))) cpSync(join(tuning, page), join(source, 'tuning', page));

async function run(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const status = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { status, stdout, stderr };
}

describe('--shard and merge', async () => {
  const whole = join(scratch, 'whole');
  const single = await run(['build', '--no-cache', '--source', source, '--out', whole]);
  const shards = [1, 2, 3].map((i) => join(scratch, `shard-${i}`));
  const built: Array<{ status: number; stdout: string; stderr: string }> = [];
  for (const [i, folder] of shards.entries()) built.push(await run(['build', '--no-cache', '--shard', `${i + 1}/3`, '--source', source, '--out', folder]));

  it('splits the pages by a hash of their path, every page in exactly one shard', () => {
    expect(single.status, single.stderr).toBe(0);
    for (const result of built) expect(result.status, result.stderr).toBe(0);
    const counts = built.map((result) => Number(/: (\d+) pages?/.exec(result.stdout)?.[1]));
    const pages = readdirSync(source, { recursive: true }).filter((name) => String(name).endsWith('.md'));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(pages.length);
    expect(counts.every((count) => count > 0)).toBe(true);
    expect(shardOf('tuning/japan-cyber-policy.md', 3)).toBe(shardOf('tuning/japan-cyber-policy.md', 3));
  });

  it('merges into byte-for-byte the dataset of one build', async () => {
    const merged = join(scratch, 'merged');
    const result = await run(['merge', '--source', source, '--out', merged, ...shards.reverse()]);
    expect(result.status, result.stderr).toBe(0);
    expect(snapshot(merged)).toEqual(snapshot(whole));
  });

  it('refuses a missing shard, a repeated one, and shards of another source', async () => {
    const missing = await run(['merge', '--source', source, '--out', join(scratch, 'm1'), shards[0]!, shards[1]!]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/Shards \d\/3 are missing/);
    const twice = await run(['merge', '--source', source, '--out', join(scratch, 'm2'), shards[0]!, shards[0]!, shards[1]!, shards[2]!]);
    expect(twice.stderr).toMatch(/is given twice/);
    writeFileSync(join(source, 'added.md'), '---\ntitle: Added after the shards were built\n---\n');
    const stale = await run(['merge', '--source', source, '--out', join(scratch, 'm3'), ...shards]);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain('Shards lack pages of the source folder: added.md');
  });

  it('explains a malformed --shard', async () => {
    expect((await run(['build', '--shard', '4/3'])).status).toBe(2);
    expect((await run(['check', '--shard', '1/2'])).status).toBe(2);
  });
});
