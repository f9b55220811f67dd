import type { Candidate, PageMention } from './types.js';
import { calendarWords, eventOrWorkHeads } from './vocabulary.js';

/** What may stand between two items of one list of names: a comma, "and" or "or", and an article. */
const listSeparator = /^(?:\s*,\s*|,?\s+(?:and|or|&)\s+)(?:the\s+)?$/;

/**
 * Names listed with organisations: "Spark, Chorus and the Bank of New Zealand", "Infosys, Wipro and Tata
 * Consultancy Services". Items of one list are things of one kind, so an untyped name in a list that holds
 * an organisation, and no person or place, is an organisation too. A name that ends like a document or an
 * event ("… Act", "… Summit") is left alone.
 */
export function namesListedWithOrganizations(text: string, mentions: readonly PageMention[], candidates: readonly Candidate[]): Candidate[] {
  type Item = { start: number; end: number; mention?: PageMention; candidate?: Candidate };
  const items: Item[] = [
    ...mentions.filter((m) => m.ref.type !== 'event').map((mention) => ({ start: mention.start, end: mention.end, mention })),
    ...candidates.filter((c) => c.kind === 'name' && isNameOfABody(c.text)).map((candidate) => ({ start: candidate.start, end: candidate.end, candidate })),
  ].sort((a, b) => a.start - b.start || b.end - a.end);
  // A mention inside another (a term's definition holds the organisation's name) is read as the outer one.
  const outer = items.filter((item, index) => !items.slice(0, index).some((other) => other.start <= item.start && item.end <= other.end));
  const listed: Candidate[] = [];
  // A list is "A, B and C": items joined by commas up to its one "and" (or "or"), which joins the last.
  let list: Item[] = [];
  let joined = false;
  const close = () => {
    const kinds = new Set(list.map((item) => item.mention?.ref.type));
    if (joined && kinds.has('organization') && !kinds.has('person') && !kinds.has('place')) {
      for (const item of list) if (item.candidate) listed.push(item.candidate);
    }
    list = [];
    joined = false;
  };
  for (const item of outer) {
    const previous = list[list.length - 1];
    const separator = previous ? listSeparator.exec(text.slice(previous.end, item.start))?.[0] : undefined;
    if (previous && (separator === undefined || joined)) close();
    if (separator !== undefined && /\s(?:and|or|&)\s/.test(separator)) joined = true;
    list.push(item);
  }
  close();
  return listed;
}

function isNameOfABody(name: string): boolean {
  const words = name.split(/\s+/);
  const last = words[words.length - 1]!;
  return !eventOrWorkHeads.has(last) && !words.some((word) => calendarWords.has(word));
}
