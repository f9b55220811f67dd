import { countryMentionsByStart, withCountry } from './coordination.js';
import type { Candidate, PageMention } from './types.js';

/** What stands between a person's name and the body they speak for: "Kate Smith of Telstra", "Zhang Wei, of Huawei". */
const ofBetween = /^,?\s+of\s+(?:the\s+)?$/;

/**
 * Untyped names written right after a person's name and "of": "heard from Kate Smith of Telstra, Tom Lee of
 * CyberCX and Raj Patel of Westpac". A place would have been read as one already, so what is left is
 * the body the person works for. Only a name that ends there (no capitalised word after it) is taken.
 */
export function employersOfPeople(text: string, mentions: readonly PageMention[], candidates: readonly Candidate[]): Candidate[] {
  const people = mentions.filter((m) => m.ref.type === 'person');
  if (people.length === 0) return [];
  const countries = countryMentionsByStart(mentions);
  return candidates.flatMap((candidate) => {
    if (candidate.kind !== 'name') return [];
    if (!people.some((person) => person.end < candidate.start && candidate.start - person.end <= 10 && ofBetween.test(text.slice(person.end, candidate.start)))) return [];
    // "Leila Benkirane of Attijariwafa bank": a firm's noun in lower case may end its name.
    const noun = /^\s(?:bank|group)(?![\p{L}\p{N}])/u.exec(text.slice(candidate.end));
    if (noun) return [{ ...candidate, text: text.slice(candidate.start, candidate.end + noun[0].length), end: candidate.end + noun[0].length }];
    // "Youssef El-Masry of Orange Egypt": a country right after the name is part of it.
    return [withCountry(text, candidate, countries)];
  });
}
