import * as chrono from 'chrono-node';
import type { Event } from '../../model/types.js';

/** A date expression found in a passage. */
export interface DateMention {
  /** UTF-16 span in the passage text. */
  start: number;
  end: number;
  text: string;
  startDate: string;
  endDate?: string;
  qualifier?: NonNullable<Event['dateQualifier']>;
}

const year = String.raw`(1[0-9]{3}|20[0-9]{2})`;

/** A month's name, in full or abbreviated, as a capturing group. */
const month = String.raw`(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)`;

/** "2009", "June", "11" → 2009-06-11; without a day, 2009-06. */
function monthDate(yearText: string, monthText: string, day: string | undefined): string {
  const index = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(monthText.slice(0, 3).toLowerCase()) + 1;
  const value = `${yearText}-${String(index).padStart(2, '0')}`;
  return day === undefined ? value : `${value}-${day.padStart(2, '0')}`;
}

const qualifierWords: Record<string, NonNullable<Event['dateQualifier']>> = {
  early: 'early',
  beginning: 'early',
  start: 'early',
  mid: 'mid',
  middle: 'mid',
  late: 'late',
  end: 'late',
  around: 'around',
  circa: 'around',
  'c.': 'around',
  about: 'around',
  spring: 'spring',
  summer: 'summer',
  autumn: 'autumn',
  fall: 'autumn',
  winter: 'winter',
};

/**
 * Rules for what chrono-node does not read: a year on its own ("in 2008"), a qualified year
 * ("early in 2011", "mid-2010", "at the end of 2012", "in the spring of 2007") and a span of years
 * ("from 2006 to 2016", "between 2014 and 2015", "2006–2016"). Each keeps the precision written: a year.
 */
const yearRules: Array<{ pattern: RegExp; read: (m: RegExpExecArray) => Omit<DateMention, 'start' | 'end' | 'text'> }> = [
  {
    pattern: new RegExp(String.raw`\b(?:from|between)\s+${year}\s+(?:to|and|until|till|through)\s+${year}\b`, 'gi'),
    read: (m) => ({ startDate: m[1]!, endDate: m[2]! }),
  },
  {
    // "a strategy for 2019 to 2024", "covering 2018 to 2022": the span of years a plan covers.
    pattern: new RegExp(String.raw`(?<=\b(?:for|covering|spanning)\s+)${year}\s+(?:to|until|through)\s+${year}\b`, 'gi'),
    read: (m) => ({ startDate: m[1]!, endDate: m[2]! }),
  },
  {
    // "between October 2021 and May 2022", "from July 2023 to October 2024": months of two years.
    pattern: new RegExp(String.raw`\b(?:from|between)\s+${month}\s+${year}\s+(?:to|and|until|till|through)\s+${month}\s+${year}\b`, 'gi'),
    read: (m) => ({ startDate: monthDate(m[2]!, m[1]!, undefined), endDate: monthDate(m[4]!, m[3]!, undefined) }),
  },
  {
    // "between January and June 2009", "from 11 June to 11 July 2010": two days or months of one year.
    pattern: new RegExp(String.raw`\b(?:from|between)\s+(?:(\d{1,2})\s+)?${month}\s+(?:to|and|until|till|through)\s+(?:(\d{1,2})\s+)?${month}\s+${year}\b`, 'gi'),
    read: (m) => ({ startDate: monthDate(m[5]!, m[2]!, m[1]), endDate: monthDate(m[5]!, m[4]!, m[3]) }),
  },
  {
    // "on 1 and 2 December 2010", "on 15 & 16 October": two days of one month.
    pattern: new RegExp(String.raw`\b([12]?\d|3[01])\s+(?:and|&)\s+([12]?\d|3[01])\s+${month}\s+${year}\b`, 'gi'),
    read: (m) => ({ startDate: monthDate(m[4]!, m[3]!, m[1]), endDate: monthDate(m[4]!, m[3]!, m[2]) }),
  },
  {
    // "on December 1 and 2, 2010": the same, month first.
    pattern: new RegExp(String.raw`\b${month}\s+([12]?\d|3[01])\s+(?:and|&)\s+([12]?\d|3[01]),?\s+${year}\b`, 'gi'),
    read: (m) => ({ startDate: monthDate(m[4]!, m[1]!, m[2]), endDate: monthDate(m[4]!, m[1]!, m[3]) }),
  },
  {
    pattern: new RegExp(String.raw`\b${year}\s*[–—-]\s*${year}\b`, 'g'),
    read: (m) => ({ startDate: m[1]!, endDate: m[2]! }),
  },
  {
    pattern: new RegExp(
      String.raw`\b(?:(?:in|at)\s+)?(?:the\s+)?(early|mid|late|beginning|start|middle|end|spring|summer|autumn|fall|winter)(?:-|\s+(?:of\s+|in\s+)?)${year}\b`,
      'gi',
    ),
    read: (m) => ({ startDate: m[2]!, qualifier: qualifierWords[m[1]!.toLowerCase()]! }),
  },
  {
    pattern: new RegExp(String.raw`\b(around|circa|c\.|about)\s+${year}\b`, 'gi'),
    read: (m) => ({ startDate: m[2]!, qualifier: 'around' }),
  },
];

/** A year standing alone: four digits not part of a longer number, an amount or a measure. */
// "Law 1273 of 2009", "(Act 1038)", "Decree No. 1078": a number after a document's noun or "No." numbers the document.
const bareYear = new RegExp(String.raw`(?<![\d.,$€£¥#/-])(?<!\b(?:Law|Decree|Resolution|Article|Section|No\.?|Number|\(Act)\s+)${year}(?![\d]|[.,/-]\d|\s*(?:%|per\s*cent|km|kg|m\b|people|persons|euros?|dollars?))`, 'g');

const isoDate = /^(?:on\s+)?\d{4}-\d{2}-\d{2}$/i;

const monthNames = /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/i;

/**
 * Finds the dates of a passage. `reference` (the page's dateModified) completes dates the text gives
 * without a year; a date whose year the text does not give nor imply is dropped rather than guessed.
 */
export function findDates(text: string, reference: string, unread: UnreadDate[] = []): DateMention[] {
  const found: DateMention[] = [];
  const free = (start: number, end: number) => found.every((d) => end <= d.start || start >= d.end);

  for (const rule of yearRules) {
    for (const match of text.matchAll(rule.pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (free(start, end)) found.push({ start, end, text: match[0], ...rule.read(match as RegExpExecArray) });
    }
  }

  const referenceDate = new Date(`${reference.padEnd(7, '-01').slice(0, 7)}-01T00:00:00Z`);
  for (const { index: start, result } of readWithChrono(text, referenceDate)) {
    const end = start + result.text.length;
    if (!free(start, end)) continue;
    // A date needs a month written as a word ("14 May 2008") or in ISO 8601 (2008-05-14): "5/6" is not one.
    if (!/\d/.test(result.text) || !(monthNames.test(result.text) || isoDate.test(result.text))) continue;
    const startCertain = result.start.isCertain('year');
    const endCertain = result.end?.isCertain('year') ?? false;
    if (!startCertain && !endCertain) {
      unread.push(withoutLeadingPreposition({ start, end, text: result.text, reason: 'no-year' as const }));
      continue;
    }
    // A year before the common era ("July 2009 BC") or past 9999 has no ISO 8601 date of four digits.
    if (![result.start, result.end ?? undefined].every((components) => components === undefined || inIsoYears(components.get('year')))) {
      unread.push(withoutLeadingPreposition({ start, end, text: result.text, reason: 'unreadable' as const }));
      continue;
    }
    const startDate = componentsToDate(result.start);
    const endDate = result.end ? componentsToDate(result.end) : undefined;
    found.push({ start, end, text: result.text, startDate, ...(endDate && endDate !== startDate ? { endDate } : {}) });
  }

  for (const match of text.matchAll(bareYear)) {
    const start = match.index;
    const end = start + match[0].length;
    // Not the year of a date that could not be read ("July 2009 BC" is no date of 2009).
    if (free(start, end) && unread.every((u) => end <= u.start || start >= u.end)) found.push({ start, end, text: match[0], startDate: match[0] });
  }

  // Numbers written like a date that no rule read: a day or month out of range, or an unknown order.
  for (const match of text.matchAll(numericDate)) {
    const start = match.index;
    const end = start + match[0].length;
    if (free(start, end) && unread.every((u) => end <= u.start || start >= u.end)) unread.push({ start, end, text: match[0], reason: 'unreadable' });
  }
  unread.sort((a, b) => a.start - b.start);

  return found.map(withoutLeadingPreposition).sort((a, b) => a.start - b.start);
}

/** Something written like a date that gives no date: a day and month without a year, or numbers out of range. */
export interface UnreadDate {
  start: number;
  end: number;
  text: string;
  reason: 'no-year' | 'unreadable';
}

const numericDate = /(?<![\d/.-])(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{4}[/.-]\d{1,2}[/.-]\d{1,2})(?![\d/.-]*\d)/g;

/** Longest stretch of text chrono-node reads at once: it looks back from each date to the stretch's start. */
const chronoChunk = 2000;

/**
 * chrono-node's results for `text`, read in stretches that end at a sentence end, so that a passage of
 * thousands of sentences costs time in proportion to its length. A passage shorter than a stretch is
 * read whole, exactly as chrono-node reads it.
 */
function readWithChrono(text: string, instant: Date): Array<{ index: number; result: chrono.ParsedResult }> {
  const results: Array<{ index: number; result: chrono.ParsedResult }> = [];
  for (let from = 0; from < text.length; ) {
    const to = from + chronoChunk >= text.length ? text.length : sentenceEndBefore(text, from, from + chronoChunk);
    for (const result of chrono.en.casual.parse(text.slice(from, to), { instant, timezone: 'UTC' })) {
      results.push({ index: from + result.index, result });
    }
    from = to;
  }
  return results;
}

/** The last sentence end in the second half of text[from, limit), or `limit` when there is none. */
function sentenceEndBefore(text: string, from: number, limit: number): number {
  const stretch = text.slice(from, limit);
  let end = -1;
  for (const match of stretch.matchAll(/(\S+)[.!?]\s+(?=\p{Lu})/gu)) {
    // "Sept. 2011" and "J. Smith" do not end a sentence.
    if (match.index >= stretch.length / 2 && match[1]!.length > 1 && !monthNames.test(match[1]!)) end = match.index + match[0].length;
  }
  return end < 0 ? limit : from + end;
}

/** "on 14 May 2008" → "14 May 2008": the quote is the date, not the preposition that introduces it. */
function withoutLeadingPreposition<T extends { start: number; text: string }>(mention: T): T {
  const lead = /^(?:on|in|at|from|since|by|during)\s+/i.exec(mention.text)?.[0].length ?? 0;
  if (lead === 0) return mention;
  return { ...mention, start: mention.start + lead, text: mention.text.slice(lead) };
}

/** Whether a year is one ISO 8601 writes in four digits, no sign. */
function inIsoYears(year: number | null): boolean {
  return year !== null && year >= 1 && year <= 9999;
}

/** The ISO 8601 value of a date at the precision the text gives: year, year-month or full date. */
function componentsToDate(components: chrono.ParsedComponents): string {
  const y = String(components.get('year')).padStart(4, '0');
  if (!components.isCertain('month')) return y;
  const m = String(components.get('month')).padStart(2, '0');
  if (!components.isCertain('day')) return `${y}-${m}`;
  return `${y}-${m}-${String(components.get('day')).padStart(2, '0')}`;
}

/** The value of the `date` field: a date, or an interval start/end. */
export function dateValue(mention: Pick<DateMention, 'startDate' | 'endDate'>): string {
  return mention.endDate ? `${mention.startDate}/${mention.endDate}` : mention.startDate;
}

/** Whether `date` lies after `reference`, comparing at the precision both give. */
export function isAfter(date: string, reference: string): boolean {
  const length = Math.min(date.length, reference.length);
  return date.slice(0, length) > reference.slice(0, length);
}

/** EDTF sub-year codes (ISO 8601-2) for the qualifiers a text puts on a year. */
const edtfQualifiers: Record<NonNullable<DateMention['qualifier']>, (year: string) => string> = {
  spring: (y) => `${y}-21`,
  summer: (y) => `${y}-22`,
  autumn: (y) => `${y}-23`,
  winter: (y) => `${y}-24`,
  // early and late: about the first or second half (semesters 40 and 41), approximate (~)
  early: (y) => `${y}-40~`,
  late: (y) => `${y}-41~`,
  mid: (y) => `${y}-06~`,
  around: (y) => `${y}~`,
};

/** The date in EDTF: the ISO value, or for a qualified year the code that keeps the qualifier. */
export function edtfValue(mention: Pick<DateMention, 'startDate' | 'endDate' | 'qualifier'>): string {
  if (mention.qualifier && !mention.endDate) return edtfQualifiers[mention.qualifier](mention.startDate);
  return dateValue(mention);
}
