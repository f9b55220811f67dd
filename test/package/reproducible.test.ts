import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../pipeline/build/index.js';
import { sourceFolder, validFrontMatter } from '../helpers.js';
import { runCli, snapshot } from '../cli/run.js';

const scratch = mkdtempSync(join(tmpdir(), 'odp-repro-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('a reproducible package', () => {
  it('passes sha256sum -c with the SHA256SUMS it ships', () => {
    const out = join(scratch, 'dist');
    expect(runCli(['build', '--source', sourceFolder, '--out', out]).status).toBe(0);
    const checked = execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: out, encoding: 'utf8' });
    const lines = checked.trim().split('\n');
    expect(lines.every((line) => line.endsWith(': OK'))).toBe(true);
    expect(lines).toHaveLength(Object.keys(snapshot(out)).length - 1);
  });

  it('takes its date from SOURCE_DATE_EPOCH when set, and from the pages otherwise, never from the clock', async () => {
    const previous = process.env['SOURCE_DATE_EPOCH'];
    try {
      delete process.env['SOURCE_DATE_EPOCH'];
      const fromPages = JSON.parse((await build({ source: sourceFolder })).outputs!.get('datapackage.json')!) as { created: string };
      expect(fromPages.created).toBe('2013-01-01T00:00:00Z');
      process.env['SOURCE_DATE_EPOCH'] = '1700000000';
      const fromEpoch = JSON.parse((await build({ source: sourceFolder })).outputs!.get('datapackage.json')!) as { created: string };
      expect(fromEpoch.created).toBe('2023-11-14T22:13:20Z');
      process.env['SOURCE_DATE_EPOCH'] = 'yesterday';
      const refused = await build({ source: sourceFolder });
      expect(refused.ok).toBe(false);
      expect(refused.files.flatMap((f) => f.messages).map((m) => m.reason)).toContainEqual(expect.stringContaining('SOURCE_DATE_EPOCH must be a whole number'));
    } finally {
      if (previous === undefined) delete process.env['SOURCE_DATE_EPOCH'];
      else process.env['SOURCE_DATE_EPOCH'] = previous;
    }
  });

  it('is the same bytes from one build to the next', async () => {
    const first = (await build({ source: sourceFolder })).outputs!;
    const second = (await build({ source: sourceFolder })).outputs!;
    expect([...second]).toEqual([...first]);
    for (const [path, text] of first) expect(text, path).not.toContain(new Date().toISOString().slice(0, 10));
  });

  it('refuses to build a page that declares no licence, saying so', async () => {
    const source = mkdtempSync(join(scratch, 'no-licence-'));
    writeFileSync(join(source, 'page.md'), `${validFrontMatter.replace(/^license: .*\n/m, '')}\nThe Ministry of Defence met in 2012.\n`);
    const result = await build({ source });
    expect(result.ok).toBe(false);
    const messages = result.files.flatMap((f) => f.messages.map((m) => `${m.line}:${m.column} ${m.reason}`));
    expect(messages).toEqual(['2:1 front matter lacks required field `license`']);
  });

  it('states the licence of an openly licensed page as its SPDX licence', async () => {
    const source = mkdtempSync(join(scratch, 'open-'));
    writeFileSync(join(source, 'page.md'), `${validFrontMatter.replace('LicenseRef-All-Rights-Reserved', 'CC-BY-4.0').replace('All rights reserved', 'Licensed under CC BY 4.0')}\nThe Ministry of Defence met in 2012.\n`);
    const outputs = (await build({ source })).outputs!;
    expect(JSON.parse(outputs.get('datapackage.json')!).licenses).toEqual([{ name: 'CC-BY-4.0', path: 'https://spdx.org/licenses/CC-BY-4.0.html', title: 'Licensed under CC BY 4.0' }]);
    expect(readFileSync(join(sourceFolder, 'cyber-security.md'), 'utf8')).toContain('LicenseRef-All-Rights-Reserved');
  });
});
