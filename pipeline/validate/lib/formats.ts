import { parse as parseLanguageTag } from 'bcp-47';
import parseSpdx from 'spdx-expression-parse';

/** ISO 8601 calendar date at year, month or day precision, checked against the calendar. */
export function isReducedDate(value: string): boolean {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!match) return false;
  const [, , month, day] = match;
  if (month === undefined) return true;
  const m = Number(month);
  if (m < 1 || m > 12) return false;
  if (day === undefined) return true;
  const d = Number(day);
  const year = Number(match[1]);
  const daysInMonth = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return d >= 1 && d <= daysInMonth;
}

/** A reduced-precision date, or an interval of two that does not run backwards. */
export function isReducedDateOrInterval(value: string): boolean {
  const parts = value.split('/');
  if (parts.length === 1) return isReducedDate(value);
  if (parts.length !== 2) return false;
  const [start, end] = parts as [string, string];
  return isReducedDate(start) && isReducedDate(end) && start.slice(0, end.length) <= end;
}

/**
 * A well-formed BCP 47 language tag (en, en-GB, zh-Hant-TW) whose language is an ISO 639 code of two or
 * three letters: the 5-to-8-letter subtags the grammar also allows are reserved, and in front matter they
 * are a language's name written by mistake ("english").
 */
export function isLanguageTag(value: string): boolean {
  const tag = parseLanguageTag(value);
  if (tag.irregular !== null || tag.regular !== null) return true;
  return typeof tag.language === 'string' && /^[a-z]{2,3}$/i.test(tag.language);
}

/** An SPDX licence expression of known identifiers, or a LicenseRef-… of the publisher's own. */
export function isSpdxLicense(value: string): boolean {
  try {
    parseSpdx(value);
    return true;
  } catch {
    return false;
  }
}

/** The formats the schemas use beyond ajv-formats, by the names the schemas give them. */
export const customFormats = {
  'reduced-date': isReducedDate,
  'reduced-date-or-interval': isReducedDateOrInterval,
  bcp47: isLanguageTag,
  'spdx-license': isSpdxLicense,
} as const;
