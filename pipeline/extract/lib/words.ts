import { isAcronym, isCapitalised, type Token } from './tokens.js';
import { calendarWords, functionWords, organizationHeads, roleWords } from './vocabulary.js';

/**
 * A capitalised word that can be part of a proper name of a person or a place: not an acronym, a month,
 * a function word, a title or an organisation noun.
 */
export function isProperNameWord(token: Token): boolean {
  return (
    isCapitalised(token.text) &&
    !isAcronym(token.text) &&
    !calendarWords.has(token.text) &&
    !functionWords.has(token.text) &&
    !roleWords.has(token.text) &&
    !organizationHeads.has(token.text)
  );
}
