import Database from 'better-sqlite3';
import { parse as parseCsv } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../pipeline/build/index.js';
import { restoreFormula } from '../../pipeline/emit/index.js';
import { sourceFolder } from '../helpers.js';

interface Resource {
  name: string;
  path: string;
  type?: string;
  schema?: { fields: Array<{ name: string; type: string; constraints?: { required?: boolean } }>; primaryKey: string[]; foreignKeys?: Array<{ fields: string[]; reference: { resource: string; fields: string[] } }> };
}

/** Loads every CSV into SQLite with the keys the Table Schemas declare, foreign keys enforced. */
function load(outputs: Map<string, string>): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  const descriptor = JSON.parse(outputs.get('datapackage.json')!) as { resources: Resource[] };
  const tables = descriptor.resources.filter((r) => r.type === 'table');
  const sqlType = (type: string) => (type === 'integer' ? 'INTEGER' : type === 'number' ? 'REAL' : 'TEXT');
  db.transaction(() => {
    for (const { name, schema } of tables) {
      const columns = schema!.fields.map((f) => `"${f.name}" ${sqlType(f.type)}${f.constraints?.required ? ' NOT NULL' : ''}`);
      const keys = (schema!.foreignKeys ?? []).map((fk) => `FOREIGN KEY (${fk.fields.map((f) => `"${f}"`).join(', ')}) REFERENCES "${fk.reference.resource}" (${fk.reference.fields.map((f) => `"${f}"`).join(', ')}) DEFERRABLE INITIALLY DEFERRED`);
      db.exec(`CREATE TABLE "${name}" (${[...columns, `PRIMARY KEY (${schema!.primaryKey.map((k) => `"${k}"`).join(', ')})`, ...keys].join(', ')})`);
    }
    for (const { name, path, schema } of tables) {
      const rows = parseCsv(outputs.get(path)!, { columns: true }) as Array<Record<string, string>>;
      const fields = schema!.fields;
      const insert = db.prepare(`INSERT INTO "${name}" VALUES (${fields.map(() => '?').join(', ')})`);
      for (const row of rows) {
        insert.run(...fields.map((f) => {
          const cell = row[f.name] ?? '';
          if (cell === '') return null;
          return f.type === 'integer' || f.type === 'number' ? Number(cell) : restoreFormula(cell);
        }));
      }
    }
  })();
  return db;
}

describe('the CSVs loaded into SQLite', () => {
  let db: Database.Database;
  beforeAll(async () => {
    db = load((await build({ source: sourceFolder })).outputs!);
  });

  it('hold every foreign key (SQLite checks them)', () => {
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('join events to the places where they happened', () => {
    const rows = db.prepare(`SELECT e.date, p.name AS place, p.countryCode FROM events e JOIN places p ON p.id = e.locationId ORDER BY e.startDate, p.name`).all();
    expect(rows).toEqual([
      { date: '2010-11', place: 'Lisbon', countryCode: 'PT' },
      { date: '2011', place: 'Deauville', countryCode: 'FR' },
      { date: '2011-11', place: 'London', countryCode: 'GB' },
      { date: '2012-10', place: 'Budapest', countryCode: 'HU' },
      { date: '2013-10', place: 'Seoul', countryCode: 'KR' },
    ]);
  });

  it('join mentions to the entities they name', () => {
    const rows = db.prepare(`SELECT m.quote FROM mentions m JOIN entities e ON e.id = m.entityId JOIN organizations o ON o.id = e.id WHERE o.acronym = 'ANSSI' ORDER BY m.passageId, m.start`).all() as Array<{ quote: string }>;
    expect(rows.map((r) => r.quote)).toEqual(['French Network and Information Security Agency', 'ANSSI', 'ANSSI', 'ANSSI']);
  });

  it('join events to their participants through the pair table', () => {
    const rows = db.prepare(`SELECT ev.date, en.name FROM participants pa JOIN events ev ON ev.id = pa.eventId JOIN entities en ON en.id = pa.entityId WHERE en.entityType = 'organization' AND ev.date LIKE '2009%'`).all();
    expect(rows).toEqual([{ date: '2009-07', name: 'French Network and Information Security Agency' }]);
  });

  it('refuse a row whose reference resolves to nothing', () => {
    expect(() => db.prepare(`INSERT INTO participants VALUES ('page/cyber-security/event/1', 'organization/nowhere')`).run()).toThrow(/FOREIGN KEY/);
  });
});
