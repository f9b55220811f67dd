import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { VFile } from 'vfile';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate, scorePage, targetFor, type Evaluation } from '../../pipeline/evaluate/index.js';
import type { Dataset } from '../../pipeline/model/index.js';
import { sourceFolder } from '../helpers.js';

const corpus = fileURLToPath(new URL('../fixtures/eval/', import.meta.url));

/**
 * The scores as they stand, pinned: a change that lowers one fails here. Raise a floor when a change
 * improves it. Every held-out folder meets the 0.85 target for every kind: held-out/ since the ninth round,
 * held-out-3/ since the twelfth, held-out-4/ on its first score (fourteenth round). held-out-2/, which
 * missed people recall by one person, was retired into tuning/ in the fourteenth round (its misses were
 * read to drive fixes). The tuning floors fell in the ninth to eleventh rounds, and organisation recall in
 * the thirteenth, only because harder pages joined the group; dates recall fell in the fourteenth because
 * years that name documents no longer date false events. See the corpus README and the issue note.
 */
const floors: Record<string, Record<string, [precision: number, recall: number]>> = {
  seed: { organizations: [1, 1], people: [1, 1], places: [1, 1], dates: [1, 1], events: [1, 1] },
  tuning: { organizations: [0.964, 0.941], people: [0.997, 0.985], places: [0.993, 0.987], dates: [0.996, 0.939], events: [0.977, 0.977] },
  'held-out': { organizations: [0.96, 0.96], people: [1, 1], places: [1, 1], dates: [1, 0.941], events: [0.969, 0.969] },
  'held-out-3': { organizations: [0.936, 0.859], people: [1, 0.882], places: [0.889, 0.941], dates: [1, 0.954], events: [0.984, 0.984] },
  'held-out-4': { organizations: [0.958, 0.885], people: [1, 1], places: [1, 1], dates: [1, 0.922], events: [0.964, 0.988] },
};

/** The groups of pages the rules were never tuned on. */
const heldOut = ['held-out', 'held-out-3', 'held-out-4'];

describe('npm run eval', () => {
  let evaluation: Evaluation;
  const files: VFile[] = [];
  beforeAll(async () => {
    evaluation = await evaluate(corpus, sourceFolder, files);
  });

  it('scores every page of the corpus, the seed read from source/', () => {
    const golds = [...heldOut, 'seed', 'tuning'].flatMap((group) =>
      readdirSync(join(corpus, group)).filter((name) => name.endsWith('.gold.json')).map((name) => `${group}/${name.replace('.gold.json', '')}`).sort(),
    );
    expect(evaluation.pages.map((p) => p.page)).toEqual(golds);
    expect(golds).toContain('seed/cyber-security');
    for (const group of heldOut) expect(golds.filter((page) => page.startsWith(`${group}/`)), group).toHaveLength(2);
    expect(files.flatMap((f) => f.messages).filter((m) => m.fatal)).toEqual([]);
  });

  it('meets the seed target of 0.95 for every kind', () => {
    const seed = evaluation.groups.find((g) => g.group === 'seed')!;
    for (const score of seed.scores) {
      expect(score.precision, score.kind).toBeGreaterThanOrEqual(targetFor('seed'));
      expect(score.recall, score.kind).toBeGreaterThanOrEqual(targetFor('seed'));
    }
  });

  it.each(['tuning', ...heldOut])('meets the 0.85 target for every kind on %s', (group) => {
    for (const score of evaluation.groups.find((g) => g.group === group)!.scores) {
      expect(score.precision, `${group} ${score.kind} precision`).toBeGreaterThanOrEqual(targetFor(group));
      expect(score.recall, `${group} ${score.kind} recall`).toBeGreaterThanOrEqual(targetFor(group));
    }
  });

  it.each(Object.keys(floors))('keeps the %s scores at or above their pinned floors', (group) => {
    const scores = evaluation.groups.find((g) => g.group === group)!.scores;
    for (const score of scores) {
      const [precision, recall] = floors[group]![score.kind]!;
      expect(score.precision, `${group} ${score.kind} precision`).toBeGreaterThanOrEqual(precision - 0.005);
      expect(score.recall, `${group} ${score.kind} recall`).toBeGreaterThanOrEqual(recall - 0.005);
    }
  });
});

describe('scorePage', () => {
  const empty: Dataset = { documents: [], sections: [], passages: [], sentences: [], organizations: [], people: [], places: [], events: [], terms: [], entities: [], participants: [], affiliations: [], mentions: [] };

  it('matches an organisation by any of its names, each gold entry once', () => {
    const dataset: Dataset = {
      ...empty,
      organizations: [
        { id: 'organization/a', name: 'Federal Office for Information Security', acronym: 'BSI', alternateNames: [], category: 'governmentBody' },
        { id: 'organization/b', name: 'BSI', alternateNames: [], category: 'organization' },
        { id: 'organization/c', name: 'Something Else Agency', alternateNames: [], category: 'governmentBody' },
      ],
    };
    const [organizations] = scorePage(dataset, { organizations: [{ name: 'the Federal Office for Information Security', aliases: ['BSI'] }], people: [], places: [], dates: [], events: [] });
    expect(organizations).toMatchObject({ matched: 1, extracted: 3, gold: 1, precision: 1 / 3, recall: 1 });
  });

  it('matches dates by value and qualifier, and scores 1 when there is nothing to find or nothing found', () => {
    const event = { id: 'page/p/event/1', documentId: 'page/p', passageId: 'page/p/passage/1', name: 'n', description: 'd', date: '2011', startDate: '2011', edtf: '2011-40~', dateQualifier: 'early' as const, dateText: 'early in 2011', status: 'past' as const, participantIds: [] };
    const scores = scorePage({ ...empty, events: [event] }, { organizations: [], people: [], places: [], dates: [{ text: '2011', value: '2011' }], events: [{ date: '2011' }] });
    expect(scores.find((s) => s.kind === 'dates')).toMatchObject({ matched: 0, precision: 0, recall: 0 });
    expect(scores.find((s) => s.kind === 'events')).toMatchObject({ matched: 1, precision: 1, recall: 1 });
    expect(scores.find((s) => s.kind === 'people')).toMatchObject({ precision: 1, recall: 1 });
  });
});
