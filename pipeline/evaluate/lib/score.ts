import type { Dataset } from '../../model/lib/dataset.js';
import type { Gold } from '../../model/types.js';

/** The kinds of fact scored, in report order. */
export const kinds = ['organizations', 'people', 'places', 'dates', 'events'] as const;
export type Kind = (typeof kinds)[number];

export interface KindScore {
  kind: Kind;
  /** Extracted facts that match a gold fact (each gold fact matched once). */
  matched: number;
  extracted: number;
  gold: number;
  precision: number;
  recall: number;
}

/** Names compared as a reader would: case, a leading article and the apostrophe's shape do not count. */
export function normalise(name: string): string {
  return name.normalize('NFC').replace(/[’‘]/g, "'").replace(/^the\s+/i, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Precision and recall from counts; with nothing to find or nothing found, the score is 1, not 0/0. */
export function ratio(matched: number, total: number): number {
  return total === 0 ? 1 : matched / total;
}

function kindScore(kind: Kind, matched: number, extracted: number, gold: number): KindScore {
  return { kind, matched, extracted, gold, precision: ratio(matched, extracted), recall: ratio(matched, gold) };
}

/** Matches each extracted item to at most one gold item, in order, by a predicate. */
function matchCount<E, G>(extracted: readonly E[], gold: readonly G[], same: (e: E, g: G) => boolean): number {
  const free = gold.map(() => true);
  let matched = 0;
  for (const item of extracted) {
    const index = gold.findIndex((g, i) => free[i] && same(item, g));
    if (index >= 0) {
      free[index] = false;
      matched++;
    }
  }
  return matched;
}

/**
 * Scores one page's extracted dataset against its gold, kind by kind. An organisation matches when any
 * of its names is one of the gold's forms; a person by name; a place by kind, country and (for a city)
 * name; a date by value and qualifier; an event by date and place.
 */
export function scorePage(dataset: Dataset, gold: Gold): KindScore[] {
  const placeName = new Map(dataset.places.map((p) => [p.id, p.name]));
  const organizations = matchCount(dataset.organizations, gold.organizations, (o, g) => {
    const forms = new Set([g.name, ...(g.aliases ?? [])].map(normalise));
    return [o.name, o.acronym ?? '', ...o.alternateNames].some((name) => name !== '' && forms.has(normalise(name)));
  });
  const people = matchCount(dataset.people, gold.people, (p, g) => normalise(p.name) === normalise(g.name));
  const places = matchCount(dataset.places, gold.places, (p, g) => p.kind === g.kind && p.countryCode === g.countryCode && (p.kind === 'Country' || normalise(p.name) === normalise(g.name)));
  const dates = matchCount(dataset.events, gold.dates, (e, g) => e.date === g.value && (e.dateQualifier ?? '') === (g.qualifier ?? ''));
  const events = matchCount(dataset.events, gold.events, (e, g) => {
    const location = e.locationId ? normalise(placeName.get(e.locationId) ?? '') : '';
    return e.date === g.date && location === normalise(g.location ?? '');
  });
  return [
    kindScore('organizations', organizations, dataset.organizations.length, gold.organizations.length),
    kindScore('people', people, dataset.people.length, gold.people.length),
    kindScore('places', places, dataset.places.length, gold.places.length),
    kindScore('dates', dates, dataset.events.length, gold.dates.length),
    kindScore('events', events, dataset.events.length, gold.events.length),
  ];
}

/** Scores of several pages added up (micro-average: every fact counts once). */
export function sumScores(scores: ReadonlyArray<readonly KindScore[]>): KindScore[] {
  return kinds.map((kind) => {
    const of = scores.map((page) => page.find((s) => s.kind === kind)!);
    const matched = of.reduce((n, s) => n + s.matched, 0);
    const extracted = of.reduce((n, s) => n + s.extracted, 0);
    const gold = of.reduce((n, s) => n + s.gold, 0);
    return kindScore(kind, matched, extracted, gold);
  });
}
