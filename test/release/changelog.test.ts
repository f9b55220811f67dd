import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { changelog, ReleaseError } from '../../pipeline/release/index.js';
import { baseDataset, copy, table, temporaryFolders, writeDataset, type DatasetSpec } from './fixture.js';

const folders = temporaryFolders();
afterAll(() => folders.cleanup());

/** The changelog from the base dataset to `change(base)`. */
function compare(change: (spec: DatasetSpec) => void, previous: DatasetSpec = baseDataset()) {
  const root = folders.make();
  const current = copy(previous);
  current.version = '9.0.0';
  change(current);
  return changelog(writeDataset(join(root, 'previous'), previous), writeDataset(join(root, 'current'), current));
}

describe('changelog', () => {
  it('finds nothing between two identical datasets', () => {
    const log = compare(() => {});
    expect(log.previous?.version).toBe('1.0.0');
    expect(log.current.version).toBe('9.0.0');
    expect(log.resourcesAdded).toEqual([]);
    expect(log.resourcesRemoved).toEqual([]);
    expect(log.resourcesChanged).toEqual([]);
    expect(log.tables.map((t) => t.resource)).toEqual(['organizations', 'events']);
    for (const t of log.tables) {
      expect(t.added).toEqual([]);
      expect(t.removed).toEqual([]);
      expect(t.changed).toEqual([]);
      expect(t.fields).toEqual({ added: [], removed: [], renamed: [], retyped: [] });
    }
  });

  it('matches records by primary key: added, removed, and changed field by field', () => {
    const log = compare((spec) => {
      const organizations = table(spec, 'organizations');
      organizations.rows = [
        ['org/nato', 'North Atlantic Treaty Organization', '1949'], // name changed
        ['org/anssi', 'ANSSI', '2010'], // founded changed, and moved: order does not matter
        ['org/un', 'United Nations', '1945'], // added
        // org/osce removed
      ];
      table(spec, 'events').rows[1] = ['event/2', 'Lisbon Summit', '2010-12', 'org/un'];
    });
    const [organizations, events] = log.tables;
    expect(organizations?.records).toEqual({ previous: 3, current: 3 });
    expect(organizations?.added).toEqual([['org/un']]);
    expect(organizations?.removed).toEqual([['org/osce']]);
    expect(organizations?.changed).toEqual([
      { key: ['org/nato'], changes: [{ field: 'name', previousField: 'name', from: 'NATO', to: 'North Atlantic Treaty Organization' }] },
      { key: ['org/anssi'], changes: [{ field: 'founded', previousField: 'founded', from: '2009', to: '2010' }] },
    ]);
    expect(events?.changed).toEqual([
      {
        key: ['event/2'],
        changes: [
          { field: 'date', previousField: 'date', from: '2010-11', to: '2010-12' },
          { field: 'organizationId', previousField: 'organizationId', from: 'org/nato', to: 'org/un' },
        ],
      },
    ]);
  });

  it('compares values exactly, as the CSV text (an empty cell, a space, a line break)', () => {
    const log = compare((spec) => {
      const rows = table(spec, 'organizations').rows;
      rows[0]![1] = 'ANSSI ';
      rows[1]![2] = '';
      rows[2]![1] = 'OS\r\nCE';
    });
    expect(log.tables[0]?.changed.map((record) => record.changes.map((c) => [c.field, c.to]))).toEqual([[['name', 'ANSSI ']], [['founded', '']], [['name', 'OS\r\nCE']]]);
  });

  it('matches records by a composite primary key', () => {
    const previous = baseDataset();
    previous.tables.push({
      name: 'participants',
      fields: [
        { name: 'eventId', type: 'string' },
        { name: 'entityId', type: 'string' },
        { name: 'role', type: 'string' },
      ],
      primaryKey: ['eventId', 'entityId'],
      rows: [
        ['event/1', 'org/anssi', 'host'],
        ['event/2', 'org/nato', 'host'],
        ['event/2', 'org/osce', 'guest'],
      ],
    });
    const log = compare((spec) => {
      table(spec, 'participants').rows = [
        ['event/1', 'org/anssi', 'host'],
        ['event/2', 'org/nato', 'guest'],
        ['event/1', 'org/osce', 'guest'],
      ];
    }, previous);
    const participants = log.tables.find((t) => t.resource === 'participants');
    expect(participants?.primaryKey).toEqual(['eventId', 'entityId']);
    expect(participants?.added).toEqual([['event/1', 'org/osce']]);
    expect(participants?.removed).toEqual([['event/2', 'org/osce']]);
    expect(participants?.changed).toEqual([{ key: ['event/2', 'org/nato'], changes: [{ field: 'role', previousField: 'role', from: 'host', to: 'guest' }] }]);
  });

  it('finds fields added, removed and retyped, and does not report new fields as changed values', () => {
    const log = compare((spec) => {
      const organizations = table(spec, 'organizations');
      organizations.fields = [
        { name: 'id', type: 'string' },
        { name: 'name', type: 'string' },
        { name: 'founded', type: 'string' }, // integer → string
        { name: 'country', type: 'string' }, // added
      ];
      organizations.rows = organizations.rows.map((row) => [...row, 'FR']);
      const events = table(spec, 'events');
      events.fields = events.fields.filter((f) => f.name !== 'date'); // removed
      events.rows = events.rows.map(([id = '', name = '', , organization = '']) => [id, name, organization]);
    });
    const [organizations, events] = log.tables;
    expect(organizations?.fields).toEqual({ added: [{ name: 'country', type: 'string' }], removed: [], renamed: [], retyped: [{ name: 'founded', from: 'integer', to: 'string' }] });
    expect(organizations?.changed).toEqual([]);
    expect(events?.fields).toEqual({ added: [], removed: [{ name: 'date', type: 'string' }], renamed: [], retyped: [] });
    expect(events?.changed).toEqual([]);
  });

  it('finds a renamed field: same type and the same values under another name', () => {
    const log = compare((spec) => {
      const organizations = table(spec, 'organizations');
      organizations.fields[1] = { name: 'label', type: 'string' };
      organizations.rows[0]![2] = '2010';
    });
    const organizations = log.tables[0];
    expect(organizations?.fields.renamed).toEqual([{ from: { name: 'name', type: 'string' }, to: { name: 'label', type: 'string' } }]);
    expect(organizations?.fields.added).toEqual([]);
    expect(organizations?.fields.removed).toEqual([]);
    expect(organizations?.changed).toEqual([{ key: ['org/anssi'], changes: [{ field: 'founded', previousField: 'founded', from: '2009', to: '2010' }] }]);
  });

  it('does not take a new field with other values for a rename', () => {
    const log = compare((spec) => {
      const organizations = table(spec, 'organizations');
      organizations.fields[1] = { name: 'label', type: 'string' };
      organizations.rows[0]![1] = 'Agence nationale de la sécurité des systèmes d’information';
    });
    expect(log.tables[0]?.fields.renamed).toEqual([]);
    expect(log.tables[0]?.fields.added.map((f) => f.name)).toEqual(['label']);
    expect(log.tables[0]?.fields.removed.map((f) => f.name)).toEqual(['name']);
  });

  it('finds resources added and removed by name, and files that are not tables and changed', () => {
    const log = compare((spec) => {
      spec.tables = spec.tables.filter((t) => t.name !== 'events');
      spec.tables.push({ name: 'terms', fields: [{ name: 'id', type: 'string' }], primaryKey: ['id'], rows: [['term/anssi'], ['term/osce']] });
      spec.files[0]!.text = '# Test dataset, new edition\n';
      spec.files.push({ name: 'timeline', path: 'timeline.md', text: '# Timeline\n' });
    });
    expect(log.resourcesAdded).toEqual([
      { name: 'terms', path: 'csv/terms.csv', table: true, records: 2, fields: 1 },
      { name: 'timeline', path: 'timeline.md', table: false },
    ]);
    expect(log.resourcesRemoved).toEqual([{ name: 'events', path: 'csv/events.csv', table: true, records: 2, fields: 4 }]);
    expect(log.resourcesChanged).toEqual([{ name: 'readme', path: 'README.md', table: false }]);
    expect(log.tables.map((t) => t.resource)).toEqual(['organizations']);
  });

  it('describes a first release: no previous version, every resource with its counts', () => {
    const root = folders.make();
    const log = changelog(undefined, writeDataset(join(root, 'current'), baseDataset()));
    expect(log.previous).toBeUndefined();
    expect(log.resources).toEqual([
      { name: 'organizations', path: 'csv/organizations.csv', table: true, records: 3, fields: 3 },
      { name: 'events', path: 'csv/events.csv', table: true, records: 2, fields: 4 },
      { name: 'readme', path: 'README.md', table: false },
    ]);
    expect(log.tables).toEqual([]);
  });

  it('refuses a table whose primary key is not unique', () => {
    expect(() => compare((spec) => void table(spec, 'organizations').rows.push(['org/nato', 'NATO again', '1949']))).toThrow(ReleaseError);
    expect(() => compare((spec) => void table(spec, 'organizations').rows.push(['org/nato', 'NATO again', '1949']))).toThrow(/two records with the primary key org\/nato/);
  });
});
