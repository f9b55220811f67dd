import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../pipeline/build/index.js';
import { validFrontMatter } from '../helpers.js';

const scratch = mkdtempSync(join(tmpdir(), 'odp-curation-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const page = `${validFrontMatter}
The Quai d'Orsay and the Ministry of the Armed Forces met in Paris in 2012. The Armed Forces Ministry reported to NATO.
The XQZ programme started in 2013. Reading the report, Mr Dupont agreed.
`;

async function buildWith(curation: string | undefined) {
  const source = mkdtempSync(join(scratch, 'source-'));
  writeFileSync(join(source, 'page.md'), page);
  if (curation !== undefined) writeFileSync(join(source, 'curation.yml'), curation);
  const result = await build({ source });
  const messages = result.files.flatMap((f) => f.messages.map((m) => `${m.fatal ? 'error' : 'warning'} ${m.line ?? ''}:${m.column ?? ''} ${m.reason}`));
  return { ...result, messages };
}

describe('curation.yml', () => {
  it('adds an entity the extractor misses, with a mention wherever its name stands', async () => {
    const { dataset } = await buildWith(`add:\n  - type: organization\n    name: Quai d'Orsay\n    category: governmentBody\n    countryCode: FR\n`);
    const quai = dataset!.organizations.find((o) => o.name === "Quai d'Orsay");
    expect(quai).toMatchObject({ category: 'governmentBody', countryCode: 'FR' });
    expect(dataset!.mentions.filter((m) => m.entityId === quai!.id).map((m) => m.quote)).toEqual(["Quai d'Orsay"]);
  });

  it('merges two names of one entity', async () => {
    const { dataset } = await buildWith(`merge:\n  - name: Ministry of the Armed Forces\n    aliases: [Armed Forces Ministry]\n`);
    const ministries = dataset!.organizations.filter((o) => o.name.includes('Armed Forces'));
    expect(ministries.map((o) => [o.name, o.alternateNames])).toEqual([['Ministry of the Armed Forces', ['Armed Forces Ministry']]]);
    expect(dataset!.mentions.filter((m) => m.entityId === ministries[0]!.id)).toHaveLength(2);
  });

  it('gives an external identifier', async () => {
    const { dataset, outputs } = await buildWith(`sameAs:\n  - name: North Atlantic Treaty Organization\n    iri: http://www.wikidata.org/entity/Q7184\n`);
    expect(dataset!.organizations.find((o) => o.acronym === 'NATO')?.sameAs).toEqual(['http://www.wikidata.org/entity/Q7184']);
    const graph = JSON.parse(outputs!.get('dataset.jsonld')!)['@graph'] as Array<{ name?: string; sameAs?: string[] }>;
    expect(graph.find((n) => n.name === 'North Atlantic Treaty Organization')?.sameAs).toEqual(['http://www.wikidata.org/entity/Q7184']);
  });

  it('rejects a false match', async () => {
    const without = await buildWith(undefined);
    expect(without.dataset!.places.map((p) => p.name)).toContain('Paris');
    const { dataset } = await buildWith(`reject:\n  - text: Paris\n    reason: a test of rejection\n`);
    expect(dataset!.places.map((p) => p.name)).not.toContain('Paris');
  });

  it('defines an acronym the page does not, which silences its warning', async () => {
    const without = await buildWith(undefined);
    expect(without.messages).toContainEqual(expect.stringContaining('Acronym `XQZ` is not defined'));
    const { dataset, messages } = await buildWith(`terms:\n  - acronym: XQZ\n    expansion: cross-quay zone\n`);
    expect(dataset!.terms.map((t) => [t.acronym, t.expansion])).toContainEqual(['XQZ', 'cross-quay zone']);
    expect(messages.filter((m) => m.includes('XQZ'))).toEqual([]);
  });

  it('reports, with its place, a curated entry that no longer matches the text', async () => {
    const { ok, messages } = await buildWith(`reject:\n  - text: Paris\nsameAs:\n  - name: Ministry of Nothing\n    iri: http://www.wikidata.org/entity/Q1\n`);
    expect(ok).toBe(true);
    expect(messages).toContainEqual('warning 4:11 Curated sameAs entry `Ministry of Nothing` matches nothing in the pages: correct it or remove it');
  });

  it('refuses an entry that is not in its schema, such as a $ref or a non-http IRI', async () => {
    const ref = await buildWith(`sameAs:\n  - name: NATO\n    $ref: http://example.com/remote.json\n    iri: http://www.wikidata.org/entity/Q7184\n`);
    expect(ref.ok).toBe(false);
    expect(ref.messages).toContainEqual(expect.stringContaining('has unknown field `$ref`'));
    const ftp = await buildWith(`sameAs:\n  - name: NATO\n    iri: ftp://example.com/x\n`);
    expect(ftp.ok).toBe(false);
  });
});
