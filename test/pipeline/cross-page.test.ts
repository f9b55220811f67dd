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
import { root, sourceFolder } from '../helpers.js';

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
