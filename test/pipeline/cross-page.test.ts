/**
 * Cross-page entities: an organisation, person or place named on several pages is one record with
 * mentions on each page, and its id does not change when pages are added or removed.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../pipeline/build/index.js';
import type { Dataset } from '../../pipeline/model/index.js';
import { mergePages } from '../../pipeline/extract/index.js';
import { extractText, root, sourceFolder } from '../helpers.js';

const scratch = mkdtempSync(join(tmpdir(), 'odp-cross-page-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A source folder holding the given pages (seed, second, clean) and nothing else. */
function corpus(name: string, pages: Array<'seed' | 'second' | 'clean'>): string {
  const folder = join(scratch, name);
  const from = { seed: join(sourceFolder, 'cyber-security.md'), second: join(root, 'test/fixtures/second-page/source/germany-cyber-security.md'), clean: join(root, 'test/fixtures/bad-input/clean-page/source/page.md') };
  for (const page of pages) cpSync(from[page], join(folder, `${page}.md`));
  return folder;
}

async function dataset(folder: string): Promise<Dataset> {
  const result = await build({ source: folder, cache: false });
  expect(result.ok).toBe(true);
  return result.dataset!;
}

const ids = (data: Dataset) => new Map([...data.organizations, ...data.people, ...data.places].map((r) => [r.name, r.id]));

describe('entities across pages', async () => {
  const two = await dataset(corpus('two', ['seed', 'second']));
  const three = await dataset(corpus('three', ['seed', 'second', 'clean']));
  const one = await dataset(corpus('one', ['second']));

  it('are one record, with mentions on each page that names them', () => {
    for (const name of ['European Union', 'North Atlantic Treaty Organization', 'France', 'Germany']) {
      const records = [...two.organizations, ...two.places].filter((r) => r.name === name);
      expect(records, name).toHaveLength(1);
      const pages = new Set(two.mentions.filter((m) => m.entityId === records[0]!.id).map((m) => m.documentId));
      expect([...pages].sort(), name).toEqual(['page/second', 'page/seed']);
    }
  });

  it('keep their ids when a page is added or removed', () => {
    const before = ids(two);
    for (const [name, id] of ids(three)) if (before.has(name)) expect(id, name).toBe(before.get(name));
    for (const [name, id] of ids(one)) expect(id, name).toBe(before.get(name));
    // The added page names the European Commission and Paris too: still one record each.
    expect(three.places.filter((p) => p.name === 'Paris')).toHaveLength(1);
  });
});

describe('government bodies whose names say no country', () => {
  const france = 'France reformed its defence in 2008. In 2013 the Ministry of Defence of France set up a cyber command, and France trained its staff. The National Cyber Security Centre opened in Paris in 2014.';
  const spain = 'Spain adopted a strategy in 2013. The Ministry of Defence set up the Joint Cyber Command in Madrid in 2013; Spain funds it. The National Cyber Security Centre opened in 2015.';
  const international = 'The Ministry of Defence and the National Cyber Security Centre met in 2020 with France, Spain and Italy.';
  const organizations = (...bodies: string[]) => mergePages(bodies.map((body, index) => extractText(body, `page-${index}.md`))).organizations;

  it('are the bodies of the country their page is about: two countries, two records', () => {
    const found = organizations(france.replace('of France ', ''), spain).filter((o) => o.name === 'Ministry of Defence' || o.name === 'National Cyber Security Centre');
    expect(found.map((o) => [o.id, o.countryCode])).toEqual([
      ['organization/ministry-of-defence-es', 'ES'],
      ['organization/ministry-of-defence-fr', 'FR'],
      ['organization/national-cyber-security-centre-es', 'ES'],
      ['organization/national-cyber-security-centre-fr', 'FR'],
    ]);
  });

  it('are one record across pages about the same country, with mentions on each', () => {
    const dataset = mergePages([extractText(spain, 'a.md'), extractText(spain.replace('2015', '2016'), 'b.md')]);
    const ministry = dataset.organizations.filter((o) => o.name === 'Ministry of Defence');
    expect(ministry.map((o) => o.id)).toEqual(['organization/ministry-of-defence-es']);
    expect(new Set(dataset.mentions.filter((m) => m.entityId === ministry[0]!.id).map((m) => m.documentId)).size).toBe(2);
  });

  it('stay without a country, and one record, when no country stands out on the page', () => {
    expect(organizations(international).filter((o) => o.name === 'Ministry of Defence').map((o) => [o.id, o.countryCode ?? null])).toEqual([['organization/ministry-of-defence', null]]);
  });

  it('never take the page\'s country when the name gives one, however many words it has', () => {
    const canada = 'Canada set up its centre in 2014, and Canada funds it. Canada worked with the United States Department of Homeland Security in 2015.';
    expect(organizations(canada).map((o) => [o.id, o.countryCode])).toEqual([['organization/united-states-department-of-homeland-security', 'US']]);
  });
});

