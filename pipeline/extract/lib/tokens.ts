/** Words of a passage with their UTF-16 spans: the unit every name finder reads. */
export interface Token {
  text: string;
  start: number;
  end: number;
  /** The token opens a sentence, so its capital letter says nothing. */
  sentenceInitial: boolean;
  /** The token ended in a possessive ’s, which is not part of it. */
  possessive: boolean;
}

const wordPattern = /[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}&’'.-]*[\p{L}\p{N}\p{M}])?/gu;

/** Splits text into word tokens, taking a possessive ’s off the word it follows. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(wordPattern)) {
    let word = match[0];
    const start = match.index;
    let possessive = false;
    const apostrophe = /['’]s$/.exec(word);
    if (apostrophe && word.length > 2) {
      word = word.slice(0, -2);
      possessive = true;
    }
    tokens.push({ text: word, start, end: start + word.length, sentenceInitial: opensSentence(text, start), possessive });
  }
  return tokens;
}

/** Characters that may stand, besides spaces, between a sentence's end and its first word: quotes, brackets, emphasis. */
const openers = new Set([...'"\'“”‘’([«»*_-']);

/** Whether the word at `start` opens a sentence: only openers stand between it and the text's start or a full stop. */
function opensSentence(text: string, start: number): boolean {
  // A backward scan: reading the whole text before every word would be quadratic in a long passage.
  let i = start - 1;
  while (i >= 0 && (openers.has(text.charAt(i)) || /\s/.test(text.charAt(i)))) i--;
  return i < 0 || '.!?:;'.includes(text.charAt(i));
}

/** Whether a word starts with a capital letter, or is a name written with a lower-case prefix (eSafety). */
export function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word) || /^[a-z]\p{Lu}\p{Ll}/u.test(word);
}

/** Whether a word is written like an acronym: ANSSI, EEAS, G8, CoE (two capitals or a capital and a digit). */
export function isAcronym(word: string): boolean {
  if (!/^\p{Lu}[\p{L}\p{N}&-]*$/u.test(word) || word.length > 12) return false;
  const capitals = word.replace(/[^\p{Lu}]/gu, '').length;
  const digits = word.replace(/\D/g, '').length;
  return capitals >= 2 ? capitals * 2 > word.replace(/[&-]/g, '').length : capitals === 1 && digits >= 1 && word.length <= 4;
}

/** Whether only spaces stand between two UTF-16 positions. */
export function adjacent(text: string, from: number, to: number): boolean {
  return from <= to && /^[ \t\u00a0]*$/.test(text.slice(from, to));
}

/** Where `form` stands in `text` as whole words (not inside a longer word), as UTF-16 spans. */
export function wholeWordSpans(text: string, form: string): Array<{ start: number; end: number }> {
  const escaped = form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return [...text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'gu'))].map((match) => ({
    start: match.index,
    end: match.index + form.length,
  }));
}
