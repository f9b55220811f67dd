import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../pipeline/build/index.js';
import { tables } from '../../pipeline/model/index.js';
import { verifyPackage } from '../../pipeline/validate/index.js';
import { describedAgain, sharedAvailable, sharedFolder, sourceFolder } from '../helpers.js';

let outputs: Map<string, string>;
let descriptor: {
  resources: Array<{ name: string; path: string; type?: string; bytes: number; hash: string; schema?: { primaryKey: string[]; foreignKeys?: Array<{ fields: string[]; reference: { resource: string } }> } }>;
  [key: string]: unknown;
};
beforeAll(async () => {
  const result = await build({ source: sourceFolder });
  outputs = result.outputs!;
  descriptor = JSON.parse(outputs.get('datapackage.json')!);
});

describe.runIf(sharedAvailable())('datapackage.json against the official Data Package v2 profiles', () => {
  const profiles = join(sharedFolder, 'standards/datapackage-2.0');
  const load = (name: string) => JSON.parse(readFileSync(join(profiles, name), 'utf8')) as object;

  it('is valid against datapackage.json', () => {
    const ajv = new Ajv.default({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const validate = ajv.compile(load('datapackage.json'));
    expect(validate(descriptor), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('has table schemas and dialects valid against tableschema.json and tabledialect.json', () => {
    const ajv = new Ajv.default({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const tableSchema = ajv.compile(load('tableschema.json'));
    const dialect = ajv.compile(load('tabledialect.json'));
    for (const resource of descriptor.resources.filter((r) => r.type === 'table')) {
      const r = resource as unknown as { schema: object; dialect: object };
      expect(tableSchema(r.schema), `${resource.name}: ${JSON.stringify(tableSchema.errors)}`).toBe(true);
      expect(dialect(r.dialect), `${resource.name}: ${JSON.stringify(dialect.errors)}`).toBe(true);
    }
  });
});

describe('datapackage.json', () => {
  it('lists every published file but itself and SHA256SUMS, with POSIX relative paths', () => {
    const listed = descriptor.resources.map((r) => r.path).sort();
    const published = [...outputs.keys()].filter((path) => path !== 'datapackage.json' && path !== 'SHA256SUMS').sort();
    expect(listed).toEqual(published);
    for (const path of listed) expect(path).toMatch(/^[a-z0-9][a-z0-9./-]*$/i);
  });

  it('takes name, version, licences, sources and contributors from the source, stating the rights as printed', () => {
    expect(descriptor).toMatchObject({
      name: 'france-cyber-security-2013',
      version: '1.0.0',
      created: '2013-01-01T00:00:00Z',
      licenses: [{ name: 'LicenseRef-All-Rights-Reserved', title: 'All rights reserved - French Ministry of Foreign Affairs and International Development - 2015' }],
      sources: [{ title: 'Cyber security (French Ministry of Foreign Affairs and International Development, 2013-01)' }],
      contributors: [{ title: 'French Ministry of Foreign Affairs and International Development', roles: ['publisher'] }],
    });
    // (hashes left out: a hexadecimal digest may well contain "cc0")
    const text = JSON.stringify({ ...descriptor, resources: descriptor.resources.map(({ hash: _hash, ...resource }) => resource) });
    expect(text).not.toMatch(/CC-BY|CC0|ODbL|PDDL|open licen/i);
  });

  it('declares a table resource with a primary key for every table', () => {
    expect(descriptor.resources.filter((r) => r.type === 'table').map((r) => r.name)).toEqual(tables.map((t) => t.name));
    for (const resource of descriptor.resources.filter((r) => r.type === 'table')) expect(resource.schema?.primaryKey.length).toBeGreaterThan(0);
  });

  it('declares the foreign keys between tables', () => {
    const keys = descriptor.resources.flatMap((r) => (r.schema?.foreignKeys ?? []).map((fk) => `${r.name}.${fk.fields.join('+')} → ${fk.reference.resource}`));
    expect(keys).toEqual(
      expect.arrayContaining([
        'mentions.entityId → entities',
        'mentions.passageId → passages',
        'mentions.sentenceId → sentences',
        'events.locationId → places',
        'participants.eventId → events',
        'participants.entityId → entities',
        'affiliations.personId → people',
        'affiliations.organizationId → organizations',
        'terms.organizationId → organizations',
        'sections.parentId → sections',
      ]),
    );
  });

  it('passes the package check: sizes, hashes, headers, types, keys and references', async () => {
    expect(await verifyPackage(outputs)).toEqual([]);
  });
});

describe('the package check catches', () => {
  const tamper = (path: string, change: (text: string) => string) => {
    const copy = new Map(outputs);
    copy.set(path, change(copy.get(path)!));
    return copy;
  };

  it('a file changed after it was described', async () => {
    const problems = await verifyPackage(tamper('csv/places.csv', (t) => t.replace('France', 'Frankreich')));
    expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(/^has \d+ bytes, the descriptor says \d+$/), expect.stringMatching(/^has hash sha256:/)]);
  });

  it('a foreign key that resolves to nothing', async () => {
    const files = describedAgain(tamper('csv/participants.csv', (t) => t.replace('organization/north-atlantic-treaty-organization', 'organization/nowhere')));
    expect((await verifyPackage(files)).map((p) => p.message)).toContainEqual(expect.stringContaining('entityId = organization/nowhere is not in entities'));
  });

  it('a repeated primary key', async () => {
    const files = describedAgain(tamper('csv/places.csv', (t) => { const lines = t.split('\r\n'); return [...lines.slice(0, -1), lines[1], ''].join('\r\n'); }));
    expect((await verifyPackage(files)).map((p) => p.message)).toContainEqual(expect.stringContaining('is repeated'));
  });

  it('a repeated primary key of a table others point into, and no foreign key into it is taken for broken', async () => {
    // One set of keys serves both: the repeats of sentences.csv's ids and the mentions' sentenceId.
    const files = describedAgain(tamper('csv/sentences.csv', (t) => { const lines = t.split('\r\n'); return [...lines.slice(0, -1), lines[2], ''].join('\r\n'); }));
    const messages = (await verifyPackage(files)).map((p) => p.message);
    expect(messages).toEqual([expect.stringMatching(/^row \d+: primary key .* is repeated$/)]);
  });

  it('a value of the wrong type', async () => {
    const files = describedAgain(tamper('csv/sections.csv', (t) => t.replace(/,1,Cyber security,/, ',one,Cyber security,')));
    expect((await verifyPackage(files)).map((p) => p.message)).toContainEqual(expect.stringContaining('"one" is not an integer'));
  });

  it('a header that is not the schema', async () => {
    const files = describedAgain(tamper('csv/terms.csv', (t) => t.replace('acronym,expansion', 'expansion,acronym')));
    expect((await verifyPackage(files)).map((p) => p.message)).toContainEqual(expect.stringContaining('header is'));
  });
});
