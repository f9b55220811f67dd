import type { Organization } from '../../model/types.js';
import { countryByDemonym, countryNames } from './gazetteer/countries.js';
import { internationalOrganizations } from './gazetteer/organizations.js';
import { adjacent, isAcronym, isCapitalised, type Token } from './tokens.js';
import {
  calendarWords,
  functionWords,
  governmentHeads,
  governmentModifiers,
  internationalModifiers,
  organizationHeads,
  roleWords,
} from './vocabulary.js';

/** An organisation's name found in a passage. */
export interface OrganizationName {
  start: number;
  end: number;
  name: string;
  category: Organization['category'];
  countryCode?: string;
  /** The gazetteer's name when the gazetteer knows the organisation. */
  canonicalName?: string;
  acronym?: string;
}

// "in" is left out: "… Centre of Excellence in Tallinn" names a place after it far more often than a
// name goes on ("… Co-operation in Europe" is in the gazetteer).
const complementConnectors = new Set(['of', 'for', 'on', 'and', '&']);

/**
 * Finds organisation names: names the international-organisation gazetteer knows, and capitalised
 * phrases headed by an organisation noun ("French Network and Information Security Agency",
 * "Ministry of Foreign Affairs and International Development"). A post ("Deputy Secretary-General")
 * ends a name; a function word at the start of a sentence is not part of one.
 */
export function findOrganizationNames(text: string, tokens: readonly Token[]): OrganizationName[] {
  const found: OrganizationName[] = [];
  const taken = (start: number, end: number) => found.some((f) => start < f.end && f.start < end);

  // Gazetteer names of two words or more, longest first.
  const gazetteer = internationalOrganizations();
  for (let i = 0; i < tokens.length; i++) {
    for (let length = Math.min(10, tokens.length - i); length >= 2; length--) {
      const last = tokens[i + length - 1]!;
      const phrase = text.slice(tokens[i]!.start, last.end);
      const entry = gazetteer.get(phrase);
      // "Security Council" inside "National Cyber Security Council" is not the gazetteer's.
      const previous = tokens[i - 1];
      const insideLongerName = previous !== undefined && isModifier(previous) && adjacent(text, previous.end, tokens[i]!.start);
      if (entry && !insideLongerName && !taken(tokens[i]!.start, last.end)) {
        found.push({ start: tokens[i]!.start, end: last.end, name: phrase, category: 'internationalOrganization', canonicalName: entry.name, ...(entry.acronyms[0] ? { acronym: entry.acronyms[0] } : {}) });
        i += length - 1;
        break;
      }
    }
  }

  for (let i = 0; i < tokens.length; i++) {
    if (!organizationHeads.has(tokens[i]!.text) || taken(tokens[i]!.start, tokens[i]!.end)) continue;
    // The head is the last organisation noun of a run of capitalised words ("Federal Criminal Police Office").
    for (let k = i + 1; k < tokens.length && isModifier(tokens[k]!) && !tokens[k - 1]!.possessive && adjacent(text, tokens[k - 1]!.end, tokens[k]!.start); k++) {
      if (organizationHeads.has(tokens[k]!.text)) i = k;
    }
    const head = tokens[i]!;
    // Modifiers to the left: capitalised words, joined by connectors between capitalised words.
    let first = i;
    while (first > 0) {
      const previous = tokens[first - 1]!;
      if (previous.possessive || !adjacent(text, previous.end, tokens[first]!.start)) break;
      if (isModifier(previous)) {
        first--;
        continue;
      }
      const beforeConnector = tokens[first - 2];
      if ((previous.text === 'and' || previous.text === '&') && beforeConnector && isModifier(beforeConnector) && adjacent(text, beforeConnector.end, previous.start)) {
        first -= 2;
        continue;
      }
      break;
    }
    // A complement to the right: "of Foreign Affairs", "for Security and Co-operation in Europe".
    let last = i;
    let j = i + 1;
    while (!tokens[last]!.possessive && j < tokens.length && complementConnectors.has(tokens[j]!.text) && adjacent(text, tokens[last]!.end, tokens[j]!.start)) {
      let k = j + 1;
      if (tokens[k]?.text === 'the' && tokens[j]!.text !== 'and' && adjacent(text, tokens[j]!.end, tokens[k]!.start)) k++;
      let end = k;
      while (end < tokens.length && isComplementWord(tokens[end]!) && adjacent(text, tokens[end - 1]!.end, tokens[end]!.start)) {
        end++;
        if (tokens[end - 1]!.possessive) break;
      }
      if (end === k) break;
      last = end - 1;
      j = end;
    }
    if (first === last) continue;
    const start = tokens[first]!.start;
    const end = tokens[last]!.end;
    if (taken(start, end)) continue;
    const words = tokens.slice(first, last + 1).map((t) => t.text);
    found.push({ start, end, name: text.slice(start, end), ...classify(words, i - first, head.text) });
    i = last;
  }
  return found.sort((a, b) => a.start - b.start);
}

function isModifier(token: Token): boolean {
  return (
    isCapitalised(token.text) &&
    !roleWords.has(token.text) &&
    !functionWords.has(token.text) &&
    !calendarWords.has(token.text) &&
    !(token.sentenceInitial && functionWords.has(token.text))
  );
}

function isComplementWord(token: Token): boolean {
  return isCapitalised(token.text) && !roleWords.has(token.text) && !calendarWords.has(token.text) && !isAcronym(token.text);
}

/**
 * A name that says whose state it is ("French …", "… of France") is a government body of that state;
 * "International …" before the head marks an organisation of states; otherwise the head decides.
 */
function classify(words: string[], headIndex: number, head: string): Pick<OrganizationName, 'category' | 'countryCode'> {
  const country = words.map((word) => countryByDemonym(word) ?? countryNames().get(word)).find((entry) => entry !== undefined);
  if (country) return { category: 'governmentBody', countryCode: country.cca2 };
  if (words.slice(0, headIndex).some((word) => internationalModifiers.has(word))) return { category: 'internationalOrganization' };
  if (governmentHeads.has(head) || words.some((word) => governmentModifiers.has(word))) return { category: 'governmentBody' };
  return { category: 'organization' };
}

/**
 * An organisation named by an acronym's expansion ("National center of Incident readiness and Strategy
 * for Cybersecurity (NISC)", "Ministry of Economy, Trade and Industry (METI)"): a capitalised expansion
 * that holds an organisation noun, whatever its case, names an organisation even where the capitalised
 * phrase reader stops short.
 */
export function organizationFromExpansion(text: string, start: number, end: number): OrganizationName | undefined {
  const name = text.slice(start, end);
  if (!isCapitalised(name)) return undefined;
  const words = name.split(/[\s,]+/).filter((word) => word !== '');
  const headIndex = words.findLastIndex((word) => organizationHeads.has(word.charAt(0).toUpperCase() + word.slice(1)));
  if (headIndex < 0) return undefined;
  return { start, end, name, ...classify(words, headIndex, words[headIndex]!.charAt(0).toUpperCase() + words[headIndex]!.slice(1)) };
}
