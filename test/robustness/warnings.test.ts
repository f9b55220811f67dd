/**
 * Warnings are not errors: what a publisher should look at but that does not make the data wrong is
 * reported with its place, the build still succeeds, and --strict turns it into a failure.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../pipeline/build/index.js';
import { main } from '../../pipeline/command/index.js';
import { validFrontMatter } from '../helpers.js';

const scratch = mkdtempSync(join(tmpdir(), 'odp-warnings-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const source = join(scratch, 'source');
mkdirSync(source);
// Front matter is 8 lines; the body starts on line 10.
writeFileSync(
  join(source, 'page.md'),
  `${validFrontMatter}\nThe National Cyber Security Agency (NCSA) met the XQZT on 14 May. A report dated 13/45/2013 was published in 2012.\n`,
);

describe('warnings', () => {
  it('are reported with their place, and the build succeeds', async () => {
    const result = await build({ source });
    expect(result.ok).toBe(true);
    const warnings = result.files.flatMap((file) => file.messages).map((m) => [m.ruleId, `${m.line}:${m.column}`, m.fatal, m.reason]);
    expect(warnings).toEqual([
      ['acronym-unresolved', '10:51', false, expect.stringContaining('`XQZT`')],
      ['date-unread', '10:59', false, expect.stringContaining('`14 May` gives no year')],
      ['date-unread', '10:82', false, expect.stringContaining('`13/45/2013` is written like a date')],
    ]);
    // The data stays right: the dated sentence still gives its event, the others give none.
    expect(result.dataset!.events.map((event) => event.date)).toEqual(['2012']);
  });

  it('fail the build with --strict, which writes nothing', async () => {
    let stderr = '';
    const out = join(scratch, 'dist');
    const status = await main(['build', '--strict', '--source', source, '--out', out], { stdout: () => {}, stderr: (t) => (stderr += t) });
    expect(status).toBe(1);
    expect(stderr).toMatch(/10:59\s+warning\s+Date `14 May` gives no year/);
    expect(stderr).toContain('build failed: nothing was written');
  });
});
