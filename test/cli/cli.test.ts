import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sourceFolder, validFrontMatter } from '../helpers.js';
import { runCli, snapshot } from './run.js';

const scratch = mkdtempSync(join(tmpdir(), 'odp-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// The seed page without its curation.yml: `IT` is then an acronym the page never defines.
const uncurated = join(scratch, 'uncurated');
mkdirSync(uncurated);
copyFileSync(join(sourceFolder, 'cyber-security.md'), join(uncurated, 'cyber-security.md'));

describe('npm run build', () => {
  const out = join(scratch, 'dist');
  const run = runCli(['build', '--source', sourceFolder, '--out', out]);

  it('builds the dataset and prints a one-line summary', () => {
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Built .*dist\/ \(\d+ files\) from 1 page: \d+ organizations, 1 person, \d+ places, \d+ events, \d+ terms, \d+ mentions \(\d+\.\d s(, 1 unchanged from the cache)?\)\n$/);
    for (const file of ['dataset.jsonld', 'README.md', 'timeline.md', 'csv/organizations.csv', 'csv/mentions.csv']) {
      expect(existsSync(join(out, file)), file).toBe(true);
    }
  });

  it('reports warnings with file, line and column without failing', () => {
    const warned = runCli(['build', '--source', uncurated, '--out', join(scratch, 'dist-uncurated')]);
    expect(warned.status).toBe(0);
    expect(warned.stderr).toMatch(/uncurated\/cyber-security\.md\n\s*14:108\s+warning\s+Acronym `IT` is not defined/);
  });

  it('gives the same bytes whatever the time zone and locale', () => {
    const other = join(scratch, 'dist-tokyo');
    const again = runCli(['build', '--source', sourceFolder, '--out', other], { TZ: 'Asia/Tokyo', LANG: 'fr_FR.UTF-8', LC_ALL: 'fr_FR.UTF-8' });
    expect(again.status).toBe(0);
    expect(snapshot(other)).toEqual(snapshot(out));
  });

  it('fails with --strict on a warning, and writes nothing', () => {
    const strictOut = join(scratch, 'dist-strict');
    const strict = runCli(['build', '--strict', '--source', uncurated, '--out', strictOut]);
    expect(strict.status).toBe(1);
    expect(strict.stderr).toContain('build failed: nothing was written');
    expect(existsSync(strictOut)).toBe(false);
  });

  it('mints every @id under the base IRI given on the command line', () => {
    const iriOut = join(scratch, 'dist-iri');
    expect(runCli(['build', '--source', sourceFolder, '--out', iriOut, '--base-iri', 'https://data.example.net/cyber/']).status).toBe(0);
    const graph = JSON.parse(readFileSync(join(iriOut, 'dataset.jsonld'), 'utf8')) as { '@graph': Array<{ '@id': string }> };
    expect(graph['@graph'].every((node) => node['@id'].startsWith('https://data.example.net/cyber/'))).toBe(true);
  });

  it('leaves the previous dataset untouched when a page is bad, and says where', () => {
    const source = join(scratch, 'bad-source');
    cpSync(sourceFolder, source, { recursive: true });
    writeFileSync(join(source, 'broken.md'), validFrontMatter.replace('dateModified: 2013-01', 'dateModified: 2013-13-45') + '\nText.\n');
    const before = snapshot(out);
    const bad = runCli(['build', '--source', source, '--out', out]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/broken\.md\n\s*5:15\s+error\s+`dateModified` of front matter is not a valid ISO 8601 date/);
    expect(bad.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
    expect(snapshot(out)).toEqual(before);
  });

  it('refuses an output folder that is the source folder', () => {
    const same = runCli(['build', '--source', sourceFolder, '--out', sourceFolder]);
    expect(same.status).toBe(1);
    expect(same.stderr).toContain('Output folder must not be the source folder');
  });

  it('explains its usage on an unknown option', () => {
    const wrong = runCli(['build', '--sauce', 'x']);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('Usage:');
  });
});

describe('npm run check', () => {
  it('validates and writes nothing', () => {
    const cwdDist = join(scratch, 'never');
    const run = runCli(['check', '--source', sourceFolder, '--out', cwdDist]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Checked from 1 page: /);
    expect(existsSync(cwdDist)).toBe(false);
  });

  it('fails on a folder without pages', () => {
    const empty = mkdtempSync(join(scratch, 'empty-'));
    const run = runCli(['check', '--source', empty]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('No pages found');
  });
});

describe('a build the system refuses', () => {
  // A path through a regular file: refused (ENOTDIR) whoever runs the tests, root included.
  const file = join(scratch, 'a-file');
  writeFileSync(file, 'not a folder');

  it('says what was refused and what to do, exits with 74, and writes nothing, for the output folder', () => {
    const refused = runCli(['build', '--source', sourceFolder, '--out', join(file, 'dist')]);
    expect(refused.status).toBe(74);
    expect(refused.stderr).toMatch(/^stopped: ENOTDIR: not a directory, \w+ '[^']*a-file[^']*'\na part of the path is a file, not a folder: choose another path; the output folder was left as it was\n$/);
    expect(readFileSync(file, 'utf8')).toBe('not a folder');
  });

  it('and for the cache folder', () => {
    const out = join(scratch, 'dist-refused-cache');
    const refused = runCli(['build', '--source', sourceFolder, '--out', out], { OPEN_DATA_PIPELINE_CACHE: join(file, 'cache') });
    expect(refused.status).toBe(74);
    expect(refused.stderr).toMatch(/^stopped: ENOTDIR: not a directory, \w+ '[^']*a-file[^']*'\n/);
    expect(refused.stderr).not.toContain('internal error');
    expect(existsSync(out)).toBe(false);
  });
});

