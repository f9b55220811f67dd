import { nodes, sectionUnder, tableRows } from '../markdown.js';
import { join } from 'node:path';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { afterAll, describe, expect, it } from 'vitest';
import { bump, bumpReasons, changelog, releaseNote, shownChanges, shownRecords, shownValueLength, type Changelog } from '../../pipeline/release/index.js';
import { baseDataset, copy, table, temporaryFolders, writeDataset, type DatasetSpec } from './fixture.js';

const folders = temporaryFolders();
afterAll(() => folders.cleanup());

function compare(change: (spec: DatasetSpec) => void): Changelog {
  const root = folders.make();
  const previous = baseDataset('1.0.0');
  const current = copy(previous);
  current.version = '2.0.0';
  change(current);
  return changelog(writeDataset(join(root, 'previous'), previous), writeDataset(join(root, 'current'), current));
}

function note(log: Changelog, previousLabel?: string): { text: string; tree: Root } {
  const text = releaseNote({ changelog: log, bump: bump(log), reasons: bumpReasons(log), ...(previousLabel ? { previousLabel } : {}), archive: { file: 'test-dataset-2.0.0.tar.gz', sha256: 'ab'.repeat(32) } });
  return { text, tree: unified().use(remarkParse).use(remarkGfm).parse(text) };
}


/** The text of each top-level list item of the first list in a tree. */
function items(tree: Root): string[] {
  const list = tree.children.find((node) => node.type === 'list');
  if (!list || list.type !== 'list') throw new Error('no list');
  return list.children.map((item) => toString(item));
}

describe('release note', () => {
  it('names the release, the previous version and the implied bump, with the reasons', () => {
    const log = compare((spec) => void table(spec, 'organizations').rows.pop());
    const { tree } = note(log, 'v1.0.0');
    expect(toString(tree.children[0]!)).toBe('Test dataset 2.0.0');
    expect(items({ type: 'root', children: tree.children.slice(1, 2) })).toEqual([
      'Package: test-dataset',
      'Version: 2.0.0',
      'Previous version: 1.0.0 (v1.0.0)',
      'Version bump implied by the changes: major',
      `Archive: test-dataset-2.0.0.tar.gz, SHA-256 ${'ab'.repeat(32)}`,
    ]);
    expect(items(sectionUnder(tree, 'Version bump'))).toEqual(['major: organizations: 1 record removed']);
  });

  it('counts the changes per table in a GFM table', () => {
    const log = compare((spec) => {
      const organizations = table(spec, 'organizations');
      organizations.fields.push({ name: 'country', type: 'string' });
      organizations.rows = [
        ['org/anssi', 'ANSSI', '2010', 'FR'],
        ['org/nato', 'NATO', '1949', ''],
        ['org/un', 'United Nations', '1945', ''],
        ['org/eu', 'European Union', '1993', ''],
      ];
      spec.tables = spec.tables.filter((t) => t.name !== 'events');
    });
    const changelogSection = sectionUnder(note(log).tree, 'Data changelog');
    expect(tableRows(changelogSection)).toEqual([
      ['Table', 'Records before', 'Records after', 'Added', 'Removed', 'Changed', 'Fields added', 'Fields removed', 'Fields renamed or retyped'],
      ['organizations', '3', '4', '2', '1', '1', '1', '0', '0'],
      ['events', '2', '—', '—', '2', '—', '—', '4', '—'],
    ]);
    expect(items(sectionUnder(changelogSection, 'Resources'))).toEqual(['Removed: events (csv/events.csv), a table of 2 records']);
    const organizations = sectionUnder(changelogSection, 'Table organizations');
    expect(items(organizations)).toEqual(['Fields added: country (string)']);
    const text = toString(organizations);
    expect(text).toContain('Records added (2):');
    expect(text).toContain('Records removed (1):');
    expect(text).toContain('org/osce');
    expect(text).toContain('Records changed (1):');
    expect(text).toMatch(/org\/anssi\s*founded: 2009 → 2010/);
  });

  it('lists records added up to a readable number, then "and N more"', () => {
    const log = compare((spec) => {
      for (let i = 0; i < shownRecords + 5; i++) table(spec, 'organizations').rows.push([`org/${i}`, `Org ${i}`, '2000']);
    });
    const text = toString(sectionUnder(note(log).tree, 'Table organizations'));
    expect(text).toContain(`Records added (${shownRecords + 5}):`);
    expect(text).toContain(`org/${shownRecords - 1}`);
    expect(text).not.toContain(`org/${shownRecords}`);
    expect(text).toContain('and 5 more');
  });

  it('lists changed records field by field, old → new, up to a readable number', () => {
    const root = folders.make();
    const before = baseDataset('2.0.0');
    const organizations = table(before, 'organizations');
    const extra = Array.from({ length: shownChanges + 2 }, (_, i) => ({ name: `f${i}`, type: 'string' }));
    organizations.fields.push(...extra);
    for (let i = 0; i < shownRecords + 5; i++) organizations.rows.push([`org/${i}`, `Org ${i}`, '2000']);
    organizations.rows = organizations.rows.map((row) => [...row, ...extra.map(() => 'old')]);
    const after = copy(before);
    after.version = '2.0.1';
    for (const row of table(after, 'organizations').rows) row.splice(3, extra.length, ...extra.map((_, i) => `new ${i}`));
    const log = changelog(writeDataset(join(root, 'before'), before), writeDataset(join(root, 'after'), after));
    expect(log.tables[0]?.changed).toHaveLength(shownRecords + 8);
    const text = toString(sectionUnder(note(log).tree, 'Table organizations'));
    expect(text).toContain(`Records changed (${shownRecords + 8}):`);
    expect(text).toContain('f0: old → new 0');
    expect(text).toContain(`f${shownChanges - 1}: old → new ${shownChanges - 1}`);
    expect(text).not.toContain(`f${shownChanges}: old`);
    expect(text).toContain('and 2 more fields');
    expect(text).toContain('and 8 more');
  });

  it('keeps the data’s Markdown characters as text, on one line, cut when long', () => {
    const long = 'x'.repeat(shownValueLength + 50);
    const log = compare((spec) => {
      const rows = table(spec, 'organizations').rows;
      rows[0]![1] = '*Agence* [nationale](javascript:alert(1)) <b>|</b> `code`';
      rows[1]![1] = 'two\nlines';
      rows[2]![1] = long;
    });
    const { tree } = note(log);
    const all = nodes(tree);
    expect(all.some((node) => node.type === 'emphasis' || node.type === 'link' || node.type === 'html')).toBe(false);
    const values = all.filter((node) => node.type === 'inlineCode').map((node) => (node.type === 'inlineCode' ? node.value : ''));
    expect(values).toContain('*Agence* [nationale](javascript:alert(1)) <b>|</b> `code`');
    expect(values).toContain('two↵lines');
    expect(values).toContain(`${'x'.repeat(shownValueLength)}…`);
  });

  it('says when nothing changed', () => {
    const { tree } = note(compare(() => {}));
    expect(toString(sectionUnder(tree, 'Data changelog'))).toBe('No data changed since 1.0.0.');
    expect(toString(sectionUnder(tree, 'Version bump'))).toBe('Nothing changed since 1.0.0.');
  });

  it('says first release and lists the counts', () => {
    const log = changelog(undefined, writeDataset(join(folders.make(), 'dist'), baseDataset()));
    const { tree } = note(log);
    const facts = items({ type: 'root', children: tree.children.slice(1, 2) });
    expect(facts).toContain('Previous version: none, this is the first release');
    const changelogSection = sectionUnder(tree, 'Data changelog');
    expect(toString(changelogSection.children[0]!)).toBe('First release: every resource is new.');
    expect(tableRows(changelogSection)).toEqual([
      ['Resource', 'File', 'Records', 'Fields'],
      ['organizations', 'csv/organizations.csv', '3', '3'],
      ['events', 'csv/events.csv', '2', '4'],
      ['readme', 'README.md', '', ''],
    ]);
  });
});
