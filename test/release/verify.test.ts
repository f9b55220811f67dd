import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDataset, parseChecksums, ReleaseError, verifyDataset } from '../../pipeline/release/index.js';
import { baseDataset, temporaryFolders, writeChecksums, writeDataset } from './fixture.js';

const folders = temporaryFolders();
afterAll(() => folders.cleanup());

const dataset = (): string => writeDataset(join(folders.make(), 'dist'), baseDataset());

describe('verifyDataset', () => {
  it('accepts a consistent dataset and returns its files, sorted', () => {
    const folder = dataset();
    expect(checkDataset(folder)).toEqual([]);
    expect(verifyDataset(folder, 'dist/')).toEqual(['README.md', 'SHA256SUMS', 'csv/events.csv', 'csv/organizations.csv', 'datapackage.json']);
  });

  it('refuses a file whose hash does not match SHA256SUMS', () => {
    const folder = dataset();
    appendFileSync(join(folder, 'csv/events.csv'), 'event/3,Late edit,2011,org/osce\r\n');
    expect(checkDataset(folder)).toEqual(['csv/events.csv does not match its hash in SHA256SUMS']);
    expect(() => verifyDataset(folder, 'dist/')).toThrow(ReleaseError);
    expect(() => verifyDataset(folder, 'dist/')).toThrow(/^dist\/ is stale or inconsistent.*csv\/events\.csv does not match/);
  });

  it('refuses a file SHA256SUMS does not list, and a listed file that is missing', () => {
    const folder = dataset();
    writeFileSync(join(folder, 'notes.txt'), 'left behind\n');
    rmSync(join(folder, 'README.md'));
    expect(checkDataset(folder)).toEqual(['README.md is listed in SHA256SUMS but missing', 'notes.txt is not listed in SHA256SUMS']);
  });

  it('refuses a dataset without SHA256SUMS', () => {
    const folder = dataset();
    rmSync(join(folder, 'SHA256SUMS'));
    expect(checkDataset(folder)).toEqual(['there is no SHA256SUMS']);
  });

  it('refuses a resource whose size or hash differs from datapackage.json, even when SHA256SUMS agrees', () => {
    const folder = dataset();
    writeFileSync(join(folder, 'README.md'), '# Test dataset, edited by hand\n');
    writeChecksums(folder);
    const problems = checkDataset(folder);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^resource readme: datapackage.json gives 15 bytes, README.md has 31$/);
    expect(problems[1]).toBe('resource readme: README.md does not match its hash in datapackage.json');
  });

  it('refuses a missing folder with a hint', () => {
    expect(() => verifyDataset(join(folders.make(), 'nowhere'), 'nowhere/')).toThrow(/nowhere\/ does not exist: build the dataset first/);
  });
});

describe('parseChecksums', () => {
  it('reads sha256sum lines, text and binary mode', () => {
    const hex = 'a'.repeat(64);
    const { sums, problems } = parseChecksums(`${hex}  README.md\n${hex} *csv/a.csv\n`);
    expect(problems).toEqual([]);
    expect([...sums]).toEqual([
      ['README.md', hex],
      ['csv/a.csv', hex],
    ]);
  });

  it('reports malformed lines, duplicates and paths outside the folder', () => {
    const hex = 'b'.repeat(64);
    const { problems } = parseChecksums(`${hex}  a\n${hex}  a\nnot a line\n${hex}  ../etc/passwd\n`);
    expect(problems).toEqual(['SHA256SUMS lists a twice', 'line 3 of SHA256SUMS is not "<sha256>  <path>"', 'SHA256SUMS lists "../etc/passwd", a path outside the folder']);
  });

  it('agrees with the file the fixture writes', () => {
    const folder = dataset();
    const { sums } = parseChecksums(readFileSync(join(folder, 'SHA256SUMS'), 'utf8'));
    expect([...sums.keys()]).toEqual(['README.md', 'csv/events.csv', 'csv/organizations.csv', 'datapackage.json']);
  });
});
