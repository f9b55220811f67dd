import { isAcronym, isCapitalised, tokenize } from './tokens.js';
import { functionWords, nameConnectors } from './vocabulary.js';

/** An acronym defined in the text, in either order: "Long Form (LF)" or "LF (Long Form)". */
export interface AcronymDefinition {
  acronym: string;
  expansion: string;
  /** UTF-16 spans in the passage. */
  acronymStart: number;
  acronymEnd: number;
  expansionStart: number;
  expansionEnd: number;
}

/**
 * Finds acronym definitions. The expansion is found by Schwartz & Hearst's algorithm (the acronym's
 * letters in order, the first at a word start, within a window of words); when the letters do not match,
 * as with an acronym of a name in another language (ANSSI for the French agency), the expansion is the
 * capitalised name that ends just before the parenthesis.
 */
export function findAcronymDefinitions(text: string): AcronymDefinition[] {
  const definitions: AcronymDefinition[] = [];
  for (const match of text.matchAll(/\(([^()]{1,120})\)/g)) {
    const inner = match[1]!.trim();
    const innerStart = match.index + 1 + match[1]!.indexOf(inner);
    // An expansion is a few words long: read a bounded stretch before the bracket, starting at a word
    // boundary, so that a passage with thousands of brackets stays linear.
    const windowStart = lookBehindStart(text, match.index);
    const before = text.slice(windowStart, match.index);
    if (isAcronym(inner)) {
      const expansion = expansionBefore(inner, before);
      if (expansion) {
        definitions.push({
          acronym: inner,
          expansion: expansion.text,
          acronymStart: innerStart,
          acronymEnd: innerStart + inner.length,
          expansionStart: windowStart + expansion.start,
          expansionEnd: windowStart + expansion.start + expansion.text.length,
        });
      }
      continue;
    }
    // "(Národní úřad pro kybernetickou a informační bezpečnost, NÚKIB)": after a name, its name in another
    // language and the acronym of that one.
    const named = /^(.*[\p{L}\p{N}])\s*[,;]\s*([\p{L}\p{N}&.-]+)$/u.exec(inner);
    // The short form may be written in camel case ("ComDCiber").
    if (named && (isAcronym(named[2]!) || /^\p{Lu}\p{Ll}*\p{Lu}[\p{L}\p{N}]*$/u.test(named[2]!)) && isCapitalised(named[1]!) && /\s/.test(named[1]!) && !/[,;]/.test(named[1]!)) {
      const acronymStart = innerStart + inner.length - named[2]!.length;
      definitions.push({
        acronym: named[2]!,
        expansion: named[1]!,
        acronymStart,
        acronymEnd: acronymStart + named[2]!.length,
        expansionStart: innerStart,
        expansionEnd: innerStart + named[1]!.length,
      });
      continue;
    }
    // Reverse order: the acronym stands before the parenthesis, which holds the expansion.
    const previous = /([\p{L}\p{N}&-]+)\s*$/u.exec(before);
    if (previous && isAcronym(previous[1]!)) {
      // "The CCN (Centro Criptológico Nacional, National Cryptologic Centre)": the first of two names is the acronym's.
      const expansionText = inner.replace(/^(?:the|an?)\s+/i, '').replace(/^([^,;]*\p{Lu}[^,;]*)[,;]\s*\p{Lu}[^,;]*$/u, '$1');
      const words = expansionText.split(/\s+/);
      // An expansion in another language's order or words still names: every word is capitalised.
      const named = words.every((word) => isCapitalised(word) || nameConnectors.has(word));
      if (words.length >= 2 && !expansionText.includes(',') && (named || matchesLetters(previous[1]!, expansionText) !== undefined)) {
        const expansionStart = innerStart + inner.indexOf(expansionText);
        definitions.push({
          acronym: previous[1]!,
          expansion: expansionText,
          acronymStart: windowStart + previous.index,
          acronymEnd: windowStart + previous.index + previous[1]!.length,
          expansionStart,
          expansionEnd: expansionStart + expansionText.length,
        });
      }
    }
  }
  return definitions;
}

/** How far before a bracket an expansion or an acronym is looked for, in UTF-16 units. */
const lookBehind = 400;

function lookBehindStart(text: string, index: number): number {
  if (index <= lookBehind) return 0;
  const space = text.slice(index - lookBehind, index).search(/\s/);
  return space < 0 ? index : index - lookBehind + space + 1;
}

function expansionBefore(acronym: string, before: string): { text: string; start: number } | undefined {
  return byInitials(acronym, before) ?? byLetters(acronym, before);
}

/**
 * The shortest run of words before the bracket, within the sentence, that starts with a capital and whose
 * capitalised words give the acronym's letters: "National center of Incident readiness and Strategy for
 * Cybersecurity (NISC)", "Ministry of Economy, Trade and Industry (METI)".
 */
function byInitials(acronym: string, before: string): { text: string; start: number } | undefined {
  const trimmed = before.trimEnd();
  const sentenceStart = Math.max(...['(', ')', ';', ':', '.', '!', '?'].map((mark) => trimmed.lastIndexOf(mark))) + 1;
  const words = [...trimmed.slice(sentenceStart).matchAll(/\S+/g)];
  for (let i = words.length - 1; i >= Math.max(0, words.length - 12); i--) {
    const start = sentenceStart + words[i]!.index;
    const text = trimmed.slice(start);
    if (isCapitalised(text) && !functionWords.has(words[i]![0]) && initialsMatch(acronym, text)) return { text, start };
  }
  return undefined;
}

function byLetters(acronym: string, before: string): { text: string; start: number } | undefined {
  // The expansion is in the same clause as its acronym: look no further back than punctuation.
  const clauseStart = Math.max(...[',', ';', ':', '(', ')', '.', '!', '?'].map((mark) => before.lastIndexOf(mark))) + 1;
  const words = before.slice(clauseStart).trim().split(/\s+/);
  const window = Math.min(acronym.length + 5, acronym.length * 2);
  const candidate = words.slice(-window).join(' ');
  const trimmedBefore = before.trimEnd();
  const windowStart = trimmedBefore.length - candidate.length;
  const offset = matchesLetters(acronym, candidate);
  if (offset !== undefined) {
    let text = candidate.slice(offset);
    text = text.replace(/^(?:the|an?)\s+/i, '');
    return { text, start: trimmedBefore.length - text.length };
  }
  // The letters do not match: take the capitalised name that ends at the parenthesis, within its sentence
  // and after any bracket ("the University of Rabat (UIR) and Mohammed VI Polytechnic University (UM6P)").
  const boundary = Math.max(...['(', ')', ';', ':', '.', '!', '?'].map((mark) => trimmedBefore.lastIndexOf(mark))) + 1;
  const base = Math.max(0, windowStart - 200, boundary);
  const tokens = tokenize(trimmedBefore.slice(base));
  let first = tokens.length;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const token = tokens[i]!;
    if (isCapitalised(token.text) && !(token.sentenceInitial && functionWords.has(token.text)) && !functionWords.has(token.text)) {
      first = i;
      continue;
    }
    if (nameConnectors.has(token.text) && i > 0 && isCapitalised(tokens[i - 1]!.text)) continue;
    break;
  }
  const named = tokens.slice(first).filter((t) => isCapitalised(t.text));
  if (named.length < 2 || tokens[tokens.length - 1]?.end !== trimmedBefore.length - base) return undefined;
  const start = base + tokens[first]!.start;
  return { text: trimmedBefore.slice(start), start };
}

/**
 * Schwartz & Hearst (2003): where in `long` the expansion of `short` starts, or undefined when the
 * acronym's letters cannot be found in order with the first at the start of a word.
 */
function matchesLetters(short: string, long: string): number | undefined {
  const s = short.toLowerCase();
  const l = long.toLowerCase();
  let sIndex = s.length - 1;
  let lIndex = l.length - 1;
  while (sIndex >= 0) {
    const c = s[sIndex]!;
    if (!/[\p{L}\p{N}]/u.test(c)) {
      sIndex--;
      continue;
    }
    while (lIndex >= 0 && (l[lIndex] !== c || (sIndex === 0 && lIndex > 0 && /[\p{L}\p{N}]/u.test(l[lIndex - 1]!)))) lIndex--;
    if (lIndex < 0) return undefined;
    lIndex--;
    sIndex--;
  }
  return l.lastIndexOf(' ', lIndex) + 1;
}

/** Whether `expansion`'s capitalised words give `acronym`'s letters ("European Union" → EU). */
export function initialsMatch(acronym: string, expansion: string): boolean {
  const initials = expansion
    .split(/[\s-]+/)
    .filter((word) => isCapitalised(word) && !nameConnectors.has(word.toLowerCase()))
    .map((word) => word[0])
    .join('');
  return initials.length >= 2 && initials === acronym.replace(/[^\p{Lu}]/gu, '');
}
