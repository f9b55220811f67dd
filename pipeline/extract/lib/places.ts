import { citiesByName, type CityEntry } from './gazetteer/cities.js';
import { countryNames, type CountryEntry } from './gazetteer/countries.js';
import { listsOf, type Claims } from './spans.js';
import { adjacent, firstWords, isCapitalised, type Token } from './tokens.js';
import { eventHeads, functionWords, isCommonWord, locativePrepositions, nameParticles, roleWords } from './vocabulary.js';
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

/**
 * Nouns after which a city's name names the place of an event ("the Lisbon Summit", "the London conference").
 * A document named after a city ("the Budapest Convention", "the Tallinn Manual") does not place anything.
 */
const eventNouns = new Set([...eventHeads].map((word) => word.toLowerCase()).concat(['talks', 'round']));

/** Whether a name is a country's or a city's in the gazetteers ("Buenos Aires", "Chile"). */
export function isPlaceName(name: string): boolean {
  return countryNames().has(name) || citiesByName().has(name);
}

/** Articles and particles inside cities' names, in either case: "Sharm El Sheikh", "Dar es Salaam", "Los Angeles" is not one (it starts the name). */
const cityArticles = new Set(['el', 'al', 'es', 'ash', 'ad', 'ar', 'as', 'de', 'del', 'la', 'le', 'da', 'do', 'dos', 'das', 'di', 'du', 'des']);

/**
 * Whether a word can stand at `index` in a city's name of `length` words. Not an arrow made per word:
 * the finder asks this of every run of up to four words of every passage.
 */
function isCityNameWord(word: Token, index: number, length: number): boolean {
  if (isProperNameWord(word)) return true;
  // "The Hague": an article that is part of the gazetteer's name.
  if (index === 0) return word.text === 'The' && length > 1;
  // A word that is also a title may stand inside a longer name after its first word: "Sharm El Sheikh".
  if (roleWords.has(word.text)) return true;
  // "Rio de Janeiro": a particle inside the name; "Sharm El Sheikh", "Dar Es Salaam": an article, capitalised.
  return index < length - 1 && (nameParticles.has(word.text) || cityArticles.has(word.text.toLowerCase()));
}

/** The fewest people a city has for its name alone, without "in" or "at" before it, to be read as the city. */
const unmistakablePopulation = 100_000;

/**
 * Whether a name is a country's or a large city's, one a reader takes for the place without a word that
 * says so ("Sydney", "Kenya"); a small town's name ("Smith", "Soto") is not enough.
 */
export function isWellKnownPlaceName(name: string): boolean {
  return countryNames().has(name) || (citiesByName().get(name)?.[0]?.population ?? 0) >= unmistakablePopulation;
}

/**
 * Whether a place's name ending in token `last` starts a longer name: a capitalised word follows it
 * ("Central Europe", "the Jordan Valley"). Not an event's noun: "the Lisbon Summit" is in Lisbon.
 */
function startsLongerName(text: string, last: Token, next: Token | undefined): boolean {
  return next !== undefined && !last.possessive && isCapitalised(next.text) && adjacent(text, last.end, next.start) && !eventNouns.has(next.text.toLowerCase());
}

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
      if (!country) continue;
      // "the Jordan Valley", "the Vietnam War": the name starts a longer one (a region, an event).
      if (startsLongerName(text, last, tokens[i + length])) break;
      if (!claims.claim(span)) continue;
      // Where something happens is "in" or "at" a country; "teams from Colombia" are not there.
      found.push({ ...span, country, locative: ['in', 'at'].includes(tokens[i - 1]?.text ?? '') });
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
export function findCities(text: string, tokens: readonly Token[], claims: Claims, pageCountries: ReadonlyMap<string, number>): CityName[] {
  const cities = citiesByName();
  const found: CityName[] = [];
  const listedCities = citiesListedTogether(text, tokens, claims);
  for (let i = 0; i < tokens.length; i++) {
    for (let length = Math.min(4, tokens.length - i); length >= 1; length--) {
      const words = tokens.slice(i, i + length);
      if (!words.every((word, index) => isCityNameWord(word, index, length))) continue;
      const span = { start: words[0]!.start, end: words[length - 1]!.end };
      const candidates = cities.get(text.slice(span.start, span.end));
      if (!candidates) continue;
      const previous = tokens[i - 1];
      const next = tokens[i + length];
      // A city listed after one the text placed ("in Brisbane, Melbourne and Perth") is placed too.
      const lastCity = found[found.length - 1];
      const listed = lastCity !== undefined && /^(?:,\s*|,?\s+and\s+|,?\s+or\s+)$/.test(text.slice(lastCity.end, span.start));
      const eventNoun = next !== undefined && eventNouns.has(next.text.toLowerCase()) && !words[length - 1]!.possessive;
      // "in Central Europe": the city's name starts a longer one.
      const continued = startsLongerName(text, words[length - 1]!, next);
      // "Dublin hosts …", "Guadalajara's industry": a large city whose name is no word of English is a
      // place wherever it stands alone (a capitalised word before it makes it part of another name).
      const alone = previous === undefined || !isCapitalised(previous.text) || !adjacent(text, previous.end, span.start) || previous.sentenceInitial && functionWords.has(previous.text);
      // Not when it is listed beside a name already read ("Santander and CaixaBank began …"): the list decides.
      const afterList = /^(?:\s*,\s*|\s+(?:and|or)\s+)(?:the\s+)?/.exec(text.slice(span.end))?.[0];
      const beforeList = /(?:\s*,\s*|\s+(?:and|or)\s+)(?:the\s+)?$/.exec(text.slice(Math.max(0, span.start - 12), span.start))?.[0];
      const besideName =
        (afterList !== undefined && claims.overlaps({ start: span.end + afterList.length, end: span.end + afterList.length + 1 })) ||
        (beforeList !== undefined && claims.overlaps({ start: span.start - beforeList.length - 1, end: span.start - beforeList.length }));
      const unmistakable = alone && !besideName && candidates[0]!.population >= unmistakablePopulation && !words.some((word) => isCommonWord(word.text));
      const cue =
        listed ||
        listedCities.has(span.start) ||
        (previous !== undefined && locativePrepositions.has(previous.text) && !words[0]!.sentenceInitial) ||
        // "In Bucaramanga, the university opened …": "In" opening the sentence, before a name that is no word of English.
        (previous !== undefined && previous.text === 'In' && previous.sentenceInitial && !words.some((word) => isCommonWord(word.text))) ||
        eventNoun ||
        unmistakable;
      if (!cue || continued || !claims.claim(span)) continue;
      // A namesake in a country the page names wins only if it is not a village beside a capital.
      const largest = candidates[0]!;
      // Of namesakes in several such countries, the one in the country the page names most often.
      let local: CityEntry | undefined;
      for (const c of candidates) {
        const named = pageCountries.get(c.countryCode) ?? 0;
        if (named > 0 && c.population * 5 >= largest.population && named > (local ? pageCountries.get(local.countryCode)! : 0)) local = c;
      }
      const city = local ?? largest;
      found.push({ ...span, city });
      i += length - 1;
      break;
    }
  }
  return found;
}

/**
 * "Buenos Aires, Córdoba and Rosario host …": names of cities listed together, none a word of English,
 * are places wherever the list stands. Returns where each listed name starts.
 */
function citiesListedTogether(text: string, tokens: readonly Token[], claims: Claims): Set<number> {
  const cities = citiesByName();
  const names: Array<{ start: number; end: number }> = [];
  for (let i = 0; i < tokens.length; i++) {
    for (let length = Math.min(3, tokens.length - i); length >= 1; length--) {
      const words = tokens.slice(i, i + length);
      if (!words.every(isProperNameWord) || words.some((w, k) => k > 0 && !adjacent(text, words[k - 1]!.end, w.start))) continue;
      const span = { start: words[0]!.start, end: words[length - 1]!.end };
      const name = text.slice(span.start, span.end);
      if (!cities.has(name) || claims.overlaps(span) || (length === 1 && isCommonWord(name))) continue;
      const next = tokens[i + length];
      if (next && isCapitalised(next.text) && adjacent(text, span.end, next.start)) continue;
      names.push(span);
      i += length - 1;
      break;
    }
  }
  const listed = new Set<number>();
  for (const list of listsOf(text, names, /^(?:\s*,\s*|,?\s+(?:and|or)\s+)$/)) for (const span of list) listed.add(span.start);
  return listed;
}
