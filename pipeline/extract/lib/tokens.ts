import { ownCopy } from '../../model/lib/text.js';
import { groupBy } from './group.js';

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

// An ampersand between spaces is a word of its own: it joins the words of a name ("Korea Internet & Security Agency").
const wordPattern = /[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}&’'.-]*[\p{L}\p{N}\p{M}])?|(?<=\s)&(?=\s)/gu;

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

// The finders ask about the same words over and over: each answer is computed once per word. A word is
// kept as its own copy: cut from a page, it kept the whole page alive (a page worker grew by every page read).
const capitalisedWords = new Map<string, boolean>();
const acronymWords = new Map<string, boolean>();
/** Words remembered per question; past this the memory starts afresh, so a huge corpus stays bounded. */
const rememberedWords = 50_000;

function remembered(answers: Map<string, boolean>, word: string, answer: (word: string) => boolean): boolean {
  let known = answers.get(word);
  if (known === undefined) {
    if (answers.size >= rememberedWords) answers.clear();
    known = answer(word);
    answers.set(ownCopy(word), known);
  }
  return known;
}

/** Whether a word starts with a capital letter, or is a name written with a lower-case prefix (eSafety). */
export function isCapitalised(word: string): boolean {
  // Most words start with an ASCII letter, which answers at once: only the others are looked up.
  const first = word.charCodeAt(0);
  if (isAsciiCapital(first)) return true;
  if (first < 0x80) {
    // Any other ASCII character but a lower-case letter is no capital; a lower-case letter is a prefix only before a capital.
    if (first < 0x61 || first > 0x7a) return false;
    const second = word.charCodeAt(1);
    if (!(second >= 0x80) && !isAsciiCapital(second)) return false;
  }
  return remembered(capitalisedWords, word, (w) => /^\p{Lu}/u.test(w) || /^[a-z]\p{Lu}\p{Ll}/u.test(w));
}

/** Whether a word is written like an acronym: ANSSI, EEAS, G8, CoE (two capitals or a capital and a digit). */
export function isAcronym(word: string): boolean {
  // An acronym starts with a capital: a word that starts with any other ASCII character is none.
  const first = word.charCodeAt(0);
  if ((first < 0x80 && !isAsciiCapital(first)) || word.length > maxAcronymLength) return false;
  return remembered(acronymWords, word, readsAsAcronym);
}

function isAsciiCapital(code: number): boolean {
  return code >= 0x41 && code <= 0x5a;
}

const maxAcronymLength = 12;

function readsAsAcronym(word: string): boolean {
  if (!/^\p{Lu}[\p{L}\p{N}&-]*$/u.test(word) || word.length > maxAcronymLength) return false;
  const capitals = word.replace(/[^\p{Lu}]/gu, '').length;
  const digits = word.replace(/\D/g, '').length;
  return capitals >= 2 ? capitals * 2 > word.replace(/[&-]/g, '').length : capitals === 1 && digits >= 1 && word.length <= 4;
}

/** Whether only spaces stand between two UTF-16 positions. */
export function adjacent(text: string, from: number, to: number): boolean {
  return from <= to && /^[ \t\u00a0]*$/.test(text.slice(from, to));
}

/** Text to match literally inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Where `form` stands in `text` as whole words (not inside a longer word), as UTF-16 spans. */
export function wholeWordSpans(text: string, form: string): Array<{ start: number; end: number }> {
  // Most forms are not in most passages: a plain search rules them out before a pattern is compiled.
  if (form === '' || !text.includes(form)) return [];
  return [...text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(form)}(?![\\p{L}\\p{N}])`, 'gu'))].map((match) => ({
    start: match.index,
    end: match.index + form.length,
  }));
}

const firstWordIndexes = new WeakMap<ReadonlyMap<string, unknown>, Map<string, number>>();

/**
 * For a table of names (a gazetteer): the first word of each name, with the most words a name that
 * starts with it has. Only a phrase that starts with one of these words can be in the table, so finders
 * look up a token's phrases only when its word is here.
 */
export function firstWords(names: ReadonlyMap<string, unknown>): Map<string, number> {
  let index = firstWordIndexes.get(names);
  if (!index) {
    index = new Map();
    for (const name of names.keys()) {
      const words = tokenize(name);
      const first = words[0]?.text;
      if (first !== undefined) index.set(first, Math.max(index.get(first) ?? 0, words.length));
    }
    firstWordIndexes.set(names, index);
  }
  return index;
}

/**
 * A finder of where any of `forms` stands in a passage as whole words, longest form first at each word:
 * one pass over the passage's words, each looking up only the forms that start with it (a page names
 * dozens of organisations; searching the passage for each in turn costs a scan per name). The forms are
 * indexed once, when the finder is made: later changes to `forms` are not seen.
 */
export function formFinder<T>(forms: ReadonlyMap<string, T>): (text: string, tokens: readonly Token[]) => Array<{ start: number; end: number; value: T }> {
  const byFirstWord = groupBy(
    [...forms].flatMap(([form, value]) => {
      const first = tokenize(form)[0]?.text;
      return first === undefined ? [] : [{ form, value, first }];
    }),
    (entry) => entry.first,
  );
  for (const list of byFirstWord.values()) list.sort((a, b) => b.form.length - a.form.length);
  return (text, tokens) => {
    const found: Array<{ start: number; end: number; value: T }> = [];
    for (const token of tokens) {
      for (const { form, value } of byFirstWord.get(token.text) ?? []) {
        const end = token.start + form.length;
        if (!text.startsWith(form, token.start) || /[\p{L}\p{N}]/u.test(text.charAt(end))) continue;
        found.push({ start: token.start, end, value });
        break;
      }
    }
    return found;
  };
}
