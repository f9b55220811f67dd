import { citiesByName, type CityEntry } from './gazetteer/cities.js';
import { countryNames, type CountryEntry } from './gazetteer/countries.js';
import type { Claims } from './spans.js';
import { firstWords, type Token } from './tokens.js';
import { eventOrWorkHeads, locativePrepositions, nameParticles } from './vocabulary.js';
import { isProperNameWord } from './words.js';

export interface CountryName {
  start: number;
  end: number;
  country: CountryEntry;
  /** Written after "in", "at"…: the country is where something happens. */
  locative: boolean;
}

export interface CityName {
  start: number;
  end: number;
  city: CityEntry;
}

/** Nouns after which a city's name names the place of an event ("the Lisbon Summit", "the London conference"). */
const eventNouns = new Set([...eventOrWorkHeads].map((word) => word.toLowerCase()).concat(['talks', 'round', 'accords', 'meeting', 'conference', 'summit']));

/** Finds the countries of a passage by every name the gazetteer gives them, longest name first. */
export function findCountries(text: string, tokens: readonly Token[], claims: Claims): CountryName[] {
  const names = countryNames();
  const nameWords = firstWords(names);
  const found: CountryName[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const longest = nameWords.get(tokens[i]!.text);
    if (longest === undefined) continue;
    for (let length = Math.min(longest, 8, tokens.length - i); length >= 1; length--) {
      const last = tokens[i + length - 1]!;
      const span = { start: tokens[i]!.start, end: last.end };
      const country = names.get(text.slice(span.start, span.end));
      if (!country || !claims.claim(span)) continue;
      found.push({ ...span, country, locative: locativePrepositions.has(tokens[i - 1]?.text ?? '') });
      i += length - 1;
      break;
    }
  }
  return found;
}

/**
 * Finds cities. A word that is also a city's name ("Nice", "Reading", "March") is taken for the city only
 * where the text says it is a place: after "in", "at", "from"… or before an event noun ("Lisbon Summit").
 * Among cities of one name, one in a country the page names wins, then the most populous.
 */
export function findCities(text: string, tokens: readonly Token[], claims: Claims, pageCountries: ReadonlySet<string>): CityName[] {
  const cities = citiesByName();
  const found: CityName[] = [];
  for (let i = 0; i < tokens.length; i++) {
    for (let length = Math.min(4, tokens.length - i); length >= 1; length--) {
      const words = tokens.slice(i, i + length);
      // "The Hague": an article that is part of the gazetteer's name; "Rio de Janeiro": a particle inside it.
      const inside = (index: number) => index > 0 && index < length - 1;
      if (!words.every((word, index) => isProperNameWord(word) || (index === 0 && word.text === 'The' && length > 1) || (inside(index) && nameParticles.has(word.text)))) continue;
      const span = { start: words[0]!.start, end: words[length - 1]!.end };
      const candidates = cities.get(text.slice(span.start, span.end));
      if (!candidates) continue;
      const previous = tokens[i - 1];
      const next = tokens[i + length];
      // A city listed after one the text placed ("in Brisbane, Melbourne and Perth") is placed too.
      const lastCity = found[found.length - 1];
      const listed = lastCity !== undefined && /^(?:,\s*|,?\s+and\s+|,?\s+or\s+)$/.test(text.slice(lastCity.end, span.start));
      const cue =
        listed ||
        (previous !== undefined && locativePrepositions.has(previous.text) && !words[0]!.sentenceInitial) ||
        (next !== undefined && eventNouns.has(next.text.toLowerCase()) && !words[length - 1]!.possessive);
      if (!cue || !claims.claim(span)) continue;
      // A namesake in a country the page names wins only if it is not a village beside a capital.
      const largest = candidates[0]!;
      const local = candidates.find((c) => pageCountries.has(c.countryCode) && c.population * 10 >= largest.population);
      const city = local ?? largest;
      found.push({ ...span, city });
      i += length - 1;
      break;
    }
  }
  return found;
}
