import { countryByDemonym } from './gazetteer/countries.js';
import { isPlaceName } from './places.js';
import { adjacent, isAcronym, isCapitalised, type Token } from './tokens.js';
import { insideBrackets, listsOf } from './spans.js';
import type { Candidate, PageMention } from './types.js';
import { calendarWords, eventOrWorkHeads, functionWords, isCommonWord, organizationHeads, predicateOpeners, roleWords } from './vocabulary.js';

/** What may stand between two items of one list of names: a bracket after the first, a comma, "and" or "or", and an article. */
const listSeparator = /^(?:\s*\([^()]*\))?(?:\s*,\s*|,?\s+(?:and|or|&)\s+)(?:the\s+)?$/;

/**
 * Names listed with organisations: "Spark, Chorus and the Bank of New Zealand", "Infosys, Wipro and Tata
 * Consultancy Services". Items of one list are things of one kind, so an untyped name in a list that holds
 * an organisation, and no person or place, is an organisation too. A name that ends like a document or an
 * event ("… Act", "… Summit") is left alone.
 */
export function namesListedWithOrganizations(text: string, mentions: readonly PageMention[], candidates: readonly Candidate[]): Candidate[] {
  type Item = { start: number; end: number; mention?: PageMention; candidate?: Candidate; blocks?: boolean };
  const countriesByStart = countryMentionsByStart(mentions);
  const items: Item[] = [
    // An acronym's definition is read as the bracket after a name, not as an item.
    ...mentions.filter((m) => m.ref.type !== 'event' && m.ref.type !== 'term').map((mention) => ({ start: mention.start, end: mention.end, mention })),
    // A document or a word of English opening the sentence is an item too, of a list that is not of bodies.
    ...candidates.flatMap(splitAtAnd).map((candidate) => withCountry(text, candidate, countriesByStart)).map((candidate) => ({ start: candidate.start, end: candidate.end, candidate, blocks: !isNameOfABody(text, candidate) })),
  ].sort((a, b) => a.start - b.start || b.end - a.end);
  // A mention inside another is read as the outer one; what stands in brackets (another name, an
  // acronym) belongs to the item before them.
  const bracketed = insideBrackets(text);
  let reach = -1;
  const outer = items.filter((item) => {
    const inside = item.end <= reach;
    reach = Math.max(reach, item.end);
    return !inside && !bracketed(item.start);
  });
  const listed: Candidate[] = [];
  for (const list of listsOf(text, outer, listSeparator, { clauses: true })) {
    const kinds = new Set(list.map((item) => item.mention?.ref.type));
    if (kinds.has('organization') && !kinds.has('person') && !kinds.has('place') && !list.some((item) => item.blocks)) {
      for (const item of list) if (item.candidate) listed.push(item.candidate);
    }
  }
  return listed;
}

/** The page's mentions of countries (not cities), by where they start. */
export function countryMentionsByStart(mentions: readonly PageMention[]): Map<number, PageMention> {
  return new Map(mentions.filter((m) => m.ref.type === 'place' && !m.ref.id.startsWith('place/geonames-')).map((m) => [m.start, m] as const));
}

/**
 * "Telecom Argentina", "O2 Czech Republic": an unknown name written right before a country's name, and
 * ending there (no capitalised word after it), is named with it (the country there is part of the name, not a place).
 */
export function withCountry(text: string, candidate: Candidate, countriesByStart: ReadonlyMap<number, PageMention>): Candidate {
  const gap = /^[ \t\u00a0]+/.exec(text.slice(candidate.end))?.[0].length ?? 0;
  const country = gap > 0 ? countriesByStart.get(candidate.end + gap) : undefined;
  // "Orange Egypt share threat information": what follows may be a verb, but not another word of a name.
  if (!country || /^(?:[ \t\u00a0]+\p{Lu}|[-–])/u.test(text.slice(country.end))) return candidate;
  return { ...candidate, text: text.slice(candidate.start, country.end), end: country.end };
}

/** "Indra and GMV", read as one capitalised run, is two names in a list. */
function splitAtAnd(candidate: Candidate): Candidate[] {
  const parts: Candidate[] = [];
  let start = 0;
  for (const match of candidate.text.matchAll(/\s+(?:and|&)\s+/g)) {
    parts.push({ ...candidate, text: candidate.text.slice(start, match.index), start: candidate.start + start, end: candidate.start + match.index });
    start = match.index + match[0].length;
  }
  parts.push({ ...candidate, text: candidate.text.slice(start), start: candidate.start + start });
  return parts;
}

function isNameOfABody(text: string, candidate: Candidate): boolean {
  const words = candidate.text.split(/\s+/);
  const last = words[words.length - 1]!;
  if (eventOrWorkHeads.has(last) || words.some((word) => calendarWords.has(word))) return false;
  // A word of English opening a sentence is capitalised for that alone ("Security, privacy and …").
  const opensSentence = /(?:^|[.!?:;]\s*)$/.test(text.slice(0, candidate.start));
  return !(opensSentence && words.length === 1 && isCommonWord(candidate.text));
}

/** A verb after a subject of two names (see predicateOpeners). */
const predicateOpener = new RegExp(String.raw`^${predicateOpeners}$`, 'u');

/**
 * Two unknown names that are together the subject of a verb: "Telstra and Optus agreed to share …",
 * "Telkom and Vodacom began sharing …". Bodies act together this way; a word of English, a city, a
 * country, a people or a month is never read so. Returns the spans of both names.
 */
export function pairedSubjects(text: string, tokens: readonly Token[], named: (start: number, end: number) => boolean): Array<{ start: number; end: number; name: string }> {
  const found: Array<{ start: number; end: number; name: string }> = [];
  for (let i = 0; i + 3 < tokens.length; i++) {
    const [first, and, second, verb] = [tokens[i]!, tokens[i + 1]!, tokens[i + 2]!, tokens[i + 3]!];
    if (and.text !== 'and' || !predicateOpener.test(verb.text)) continue;
    if (!adjacent(text, first.end, and.start) || !adjacent(text, and.end, second.start) || !adjacent(text, second.end, verb.start)) continue;
    // Each name is one word: the word before the first is not capitalised, or the sentence starts there.
    const before = tokens[i - 1];
    if (!first.sentenceInitial && before && isCapitalised(before.text) && adjacent(text, before.end, first.start)) continue;
    if (![first, second].every((token) => isUnknownName(token) && !named(token.start, token.end))) continue;
    found.push({ start: first.start, end: first.end, name: first.text }, { start: second.start, end: second.end, name: second.text });
  }
  return found;
}

function isUnknownName(token: Token): boolean {
  return (
    isCapitalised(token.text) &&
    !token.possessive &&
    !isAcronym(token.text) &&
    !isCommonWord(token.text) &&
    !functionWords.has(token.text) &&
    !calendarWords.has(token.text) &&
    !roleWords.has(token.text) &&
    !organizationHeads.has(token.text) &&
    countryByDemonym(token.text) === undefined &&
    !isPlaceName(token.text)
  );
}
