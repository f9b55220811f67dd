import { CodePoints } from '../../model/lib/text.js';
import type { Sentence } from '../../model/types.js';
import type { ParsedPassage } from '../../parse/index.js';
import type { DateMention } from './dates.js';
import { firstStartingAt } from './spans.js';
import { workHeads } from './vocabulary.js';
import type { EntityRef, PageMention } from './types.js';

/** Helpers that read a dated clause as an event: its sentence and clause, whether its year names a thing, who it is about. */

export interface TextRange {
  start: number;
  end: number;
  text: string;
}

/**
 * A bare year that names a thing rather than dates something: between a determiner and a lower-case word,
 * used like an adjective ("the 2015 strategy", "its 2019 report"), or after a document's name or a report's "for".
 */
export function namesAThing(text: string, date: DateMention): boolean {
  const before = text.slice(Math.max(0, date.start - 40), date.start);
  // "A second strategy, covering 2018 to 2022, was adopted …": the years a plan covers are the plan's, not a date of anything.
  // "the Cyber Security Act 2024", "the National Strategy 2022–2026": a year written after a document's noun is its name's.
  const afterWorkHead = /\b(\p{Lu}\p{Ll}+)\s+$/u.exec(before);
  if (afterWorkHead && workHeads.has(afterWorkHead[1]!) && /^\d{4}(?:\s*[–—-]\s*\d{4})?$/.test(date.text)) return true;
  if (/^\d{4}\s*(?:[–—-]|to|until|through)\s*\d{4}$/.test(date.text)) {
    // "A second policy, for 2023 to 2028, …", "the Cybersecurity Strategy of the Republic of Poland for 2019–2024".
    return /\b(?:covering|spanning)\s+$/.test(before) || /\b(?:strategy|plan|policy|agenda|programme|program|roadmap)\b(?:,|[^,.;:]{0,50}?)\s+for\s+$/i.test(before);
  }
  if (!/^\d{4}$/.test(date.text)) return false;
  // "The 2020 Act gives …", "the 2008 National Defence Strategy": a year between an article and a document's capitalised name.
  const named = /^\s+(\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*){0,4})/u.exec(text.slice(date.end, date.end + 80));
  const lastWord = named?.[1]!.split(/\s+/).pop();
  // Not when the sentence is placed in time by the document: "at the time of the 2008 White Paper", "after the 2015 Act".
  const placedInTime = /\b(?:time\s+of|during|after|before|since|until|following)\s+the\s+$/i.test(before);
  if (lastWord !== undefined && workHeads.has(lastWord) && /\b(?:the|its|their|this|that|a)\s+$/i.test(before.slice(-8)) && !placedInTime) return true;
  // "the Cybercrime Prevention Act of 2012", "the Information Technology Act, 2000", "its report for 2019".
  // "Law 1273 of 2009": a document's number may stand between.
  if (/\b(?:Act|Law|Bill|Code|Decree|Regulations?|Ordinance|Strategy|Plan|Policy|Programme|Agenda)(?:\s+(?:No\.\s*)?\d[\d,./-]*)?(?:\s+of|,)\s*$/.test(before)) return true;
  if (/\b(?:report|review|survey|budget|statistics|accounts)\s+(?:for|on)\s+$/i.test(before)) return true;
  // "a national strategy for 2030", "the Digital Morocco 2030 strategy": a year a plan aims at is its name's, not a date of anything.
  if (/\b(?:strategy|plan|agenda|vision|programme|program|roadmap)\s+(?:for|to)\s+$/i.test(before)) return true;
  if (/\p{Lu}[\p{L}-]*\s+$/u.test(before) && /^\s+(?:strategy|plan|agenda|vision|programme|program|roadmap)\b/i.test(text.slice(date.end, date.end + 12))) return true;
  return /\b(?:the|its|their|this|that|our|his|her|a|an)\s+$/i.test(before.slice(-8)) && /^\s+\p{Ll}/u.test(text.slice(date.end, date.end + 3));
}

/** The last organisation or person named before `index`, as a list of none or one. */
export function lastNamedBefore(mentions: readonly PageMention[], index: number): PageMention[] {
  for (let i = firstStartingAt(mentions, index) - 1; i >= 0; i--) {
    const m = mentions[i]!;
    if (m.end <= index && (m.ref.type === 'organization' || m.ref.type === 'person')) return [m];
  }
  return [];
}

/** A passage's sentences as UTF-16 ranges of its text. */
export function sentenceRanges(sentences: readonly Sentence[], passage: ParsedPassage): TextRange[] {
  const codePoints = new CodePoints(passage.text);
  return sentences.map((sentence) => ({ start: codePoints.indexOf(sentence.start), end: codePoints.indexOf(sentence.end), text: sentence.text }));
}

/**
 * The clause of a sentence around `index`: the stretch between commas, colons, semicolons or dashes
 * that are not inside brackets ("the … Agency (ANSSI) was set up in July 2009").
 */
export function clauseAround(text: string, sentence: TextRange, index: number): TextRange {
  let start = sentence.start;
  let end = sentence.end;
  let depth = 0;
  const body = text.slice(sentence.start, sentence.end);
  // A dash between spaces separates clauses; one inside "16–17 April" joins a range.
  for (const match of body.matchAll(/[()[\]]|[,;:\u2014]|\s[-\u2013]\s/g)) {
    const mark = match[0];
    if (mark === '(' || mark === '[') depth++;
    else if (mark === ')' || mark === ']') depth = Math.max(0, depth - 1);
    if (depth > 0 || /^[()[\]]$/.test(mark)) continue;
    const at = sentence.start + match.index;
    if (at < index) start = at + mark.length;
    else {
      end = at;
      break;
    }
  }
  const raw = text.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  const trimmed = raw.trim().replace(/[.!?]+$/, '');
  return { start: start + lead, end: start + lead + trimmed.length, text: trimmed };
}

export function uniqueRefs(refs: EntityRef[]): EntityRef[] {
  const seen = new Set<string>();
  return refs.filter((ref) => {
    const key = JSON.stringify(ref);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
