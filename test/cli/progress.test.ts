/** Progress: shown as pages are read on an interactive terminal; otherwise one summary line and nothing else. */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../pipeline/command/index.js';
import { root } from '../helpers.js';

const scratch = mkdtempSync(join(tmpdir(), 'odp-progress-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const source = join(scratch, 'source');
cpSync(join(root, 'test/fixtures/bad-input/clean-page/source'), join(source, 'a'), { recursive: true });
cpSync(join(root, 'test/fixtures/second-page/source'), join(source, 'b'), { recursive: true });

async function check(interactive: boolean): Promise<{ stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const status = await main(['check', '--no-cache', '--source', source], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), interactive });
  expect(status).toBe(0);
  return { stdout, stderr };
}

describe('progress', () => {
  it('is drawn on one line of an interactive terminal, then cleared', async () => {
    const { stdout, stderr } = await check(true);
    expect(stderr).toMatch(/^\r\u001b\[KReading pages: \d\/2 \(\d+ pages\/s, \d+ s left\)/);
    expect(stderr).toContain('Reading pages: 2/2');
    expect(stderr.endsWith('\r\u001b[K')).toBe(true);
    expect(stdout).toMatch(/^Checked from 2 pages: .* \(\d+\.\d s\)\n$/);
  });

  it('is not shown when output is not a terminal: one summary line only', async () => {
    const { stdout, stderr } = await check(false);
    expect(stderr).toBe('');
    expect(stdout.split('\n')).toHaveLength(2);
    expect(stdout).toMatch(/^Checked from 2 pages: \d+ organizations, \d+ people, \d+ places, \d+ events, \d+ terms, \d+ mentions \(\d+\.\d s\)\n$/);
  });
});
