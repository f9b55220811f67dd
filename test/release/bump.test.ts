import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bump, bumpReasons, changelog, checkVersion, expectedVersion, ReleaseError } from '../../pipeline/release/index.js';
import { baseDataset, copy, table, temporaryFolders, writeDataset, type DatasetSpec } from './fixture.js';

const folders = temporaryFolders();
afterAll(() => folders.cleanup());

/** The changelog from the base dataset to the base dataset changed by `change`. */
function changes(change: (spec: DatasetSpec) => void) {
  const root = folders.make();
  const previous = baseDataset('1.2.0');
  const current = copy(previous);
  change(current);
  return changelog(writeDataset(join(root, 'previous'), previous), writeDataset(join(root, 'current'), current));
}

const renameField = (spec: DatasetSpec) => void (table(spec, 'organizations').fields[1] = { name: 'label', type: 'string' });

describe('bump: the Frictionless Data versioning rules', () => {
  it('a removed resource is major', () => {
    expect(bump(changes((spec) => void (spec.files = [])))).toBe('major');
  });

  it('a removed table is major', () => {
    expect(bump(changes((spec) => void (spec.tables = spec.tables.slice(0, 1))))).toBe('major');
  });

  it('a removed field is major', () => {
    expect(
      bump(
        changes((spec) => {
          const t = table(spec, 'organizations');
          t.fields.pop();
          t.rows = t.rows.map((row) => row.slice(0, 2));
        }),
      ),
    ).toBe('major');
  });

  it('a renamed field is major', () => {
    const log = changes(renameField);
    expect(log.tables[0]?.fields.renamed).toHaveLength(1);
    expect(bump(log)).toBe('major');
  });

  it('a changed field type is major', () => {
    expect(bump(changes((spec) => void (table(spec, 'organizations').fields[2]!.type = 'string')))).toBe('major');
  });

  it('a removed record (its identifier gone) is major', () => {
    expect(bump(changes((spec) => void table(spec, 'organizations').rows.pop()))).toBe('major');
  });

  it('a changed primary key is major', () => {
    expect(bump(changes((spec) => void (table(spec, 'organizations').primaryKey = ['name'])))).toBe('major');
  });

  it('an added record is minor', () => {
    expect(bump(changes((spec) => void table(spec, 'organizations').rows.push(['org/un', 'United Nations', '1945'])))).toBe('minor');
  });

  it('an added field is minor', () => {
    expect(
      bump(
        changes((spec) => {
          const t = table(spec, 'organizations');
          t.fields.push({ name: 'country', type: 'string' });
          t.rows = t.rows.map((row) => [...row, 'FR']);
        }),
      ),
    ).toBe('minor');
  });

  it('an added resource is minor', () => {
    expect(bump(changes((spec) => void spec.files.push({ name: 'timeline', path: 'timeline.md', text: '# Timeline\n' })))).toBe('minor');
  });

  it('changed values only are a patch', () => {
    expect(bump(changes((spec) => void (table(spec, 'organizations').rows[0]![1] = 'Agence nationale')))).toBe('patch');
  });

  it('a changed file that is not a table is a patch', () => {
    expect(bump(changes((spec) => void (spec.files[0]!.text = '# Test dataset, corrected\n')))).toBe('patch');
  });

  it('nothing changed is none', () => {
    const log = changes(() => {});
    expect(bumpReasons(log)).toEqual([]);
    expect(bump(log)).toBe('none');
  });

  it('the largest change decides: values changed, a record added and one removed is major', () => {
    const log = changes((spec) => {
      const rows = table(spec, 'organizations').rows;
      rows[0]![1] = 'Agence nationale';
      rows.push(['org/un', 'United Nations', '1945']);
      table(spec, 'events').rows.pop();
    });
    expect(bumpReasons(log).map((r) => r.bump)).toEqual(['major', 'minor', 'patch']);
    expect(bump(log)).toBe('major');
  });

  it('a first release implies no bump', () => {
    const log = changelog(undefined, writeDataset(join(folders.make(), 'current'), baseDataset()));
    expect(bump(log)).toBe('none');
  });
});

describe('checkVersion', () => {
  it('expects the next version of the bump', () => {
    expect(expectedVersion('1.2.0', 'major')).toBe('2.0.0');
    expect(expectedVersion('1.2.0', 'minor')).toBe('1.3.0');
    expect(expectedVersion('1.2.0', 'patch')).toBe('1.2.1');
    expect(expectedVersion('1.2.0', 'none')).toBe('1.2.1');
    expect(expectedVersion('2.0.0-rc.1', 'major')).toBe('2.0.0');
  });

  it('accepts the expected version or a greater one', () => {
    expect(() => checkVersion('2.0.0', '1.2.0', 'major')).not.toThrow();
    expect(() => checkVersion('3.0.0', '1.2.0', 'major')).not.toThrow();
    expect(() => checkVersion('1.3.0', '1.2.0', 'minor')).not.toThrow();
    expect(() => checkVersion('2.0.0', '1.2.0', 'patch')).not.toThrow();
    expect(() => checkVersion('1.2.1', '1.2.0', 'none')).not.toThrow();
  });

  it('refuses a version smaller than the bump requires, naming the expected version', () => {
    expect(() => checkVersion('1.3.0', '1.2.0', 'major')).toThrow(ReleaseError);
    expect(() => checkVersion('1.3.0', '1.2.0', 'major')).toThrow(/too small.*expected 2\.0\.0/);
    expect(() => checkVersion('1.2.1', '1.2.0', 'minor')).toThrow(/expected 1\.3\.0/);
  });

  it('refuses a version that is not greater than the previous one, even with no change', () => {
    expect(() => checkVersion('1.2.0', '1.2.0', 'none')).toThrow(/not greater than the previous version 1\.2\.0.*expected 1\.2\.1/);
    expect(() => checkVersion('1.1.9', '1.2.0', 'patch')).toThrow(/not greater/);
    expect(() => checkVersion('1.2.0+build.2', '1.2.0+build.1', 'none')).toThrow(/not greater/);
  });

  it('accepts a pre-release of the expected version', () => {
    expect(() => checkVersion('2.0.0-rc.1', '1.2.0', 'major')).not.toThrow();
    expect(() => checkVersion('2.0.0', '2.0.0-rc.1', 'major')).not.toThrow();
    expect(() => checkVersion('1.2.1-rc.1', '1.2.0', 'major')).toThrow(/expected 2\.0\.0/);
  });

  it('gives the reason in the message', () => {
    const log = changes((spec) => void table(spec, 'organizations').rows.pop());
    expect(() => checkVersion('1.2.1', '1.2.0', bump(log), bumpReasons(log))).toThrow('major: organizations: 1 record removed');
  });

  it('accepts any version for a first release', () => {
    expect(() => checkVersion('0.0.1', undefined, 'none')).not.toThrow();
  });
});
