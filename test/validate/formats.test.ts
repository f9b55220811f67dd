import { describe, expect, it } from 'vitest';
import { isLanguageTag, isReducedDate, isReducedDateOrInterval, isSpdxLicense } from '../../pipeline/validate/index.js';

describe('formats', () => {
  it.each([
    ['2008', true],
    ['2009-07', true],
    ['2013-01-15', true],
    ['2012-02-29', true],
    ['2013-02-29', false],
    ['2013-13', false],
    ['2013-13-45', false],
    ['13', false],
    ['2013-1', false],
    ['2009-07-01T00:00:00Z', false],
  ])('reduced date %s → %s', (value, expected) => {
    expect(isReducedDate(value)).toBe(expected);
  });

  it.each([
    ['2012-08/2013-06', true],
    ['2006/2016', true],
    ['2013-06/2012-08', false],
    ['2012/2013/2014', false],
    ['2012-08', true],
  ])('date or interval %s → %s', (value, expected) => {
    expect(isReducedDateOrInterval(value)).toBe(expected);
  });

  it.each([
    ['en', true],
    ['en-GB', true],
    ['zh-Hant-TW', true],
    ['english', false],
    ['', false],
  ])('language tag %j → %s', (value, expected) => {
    expect(isLanguageTag(value)).toBe(expected);
  });

  it.each([
    ['CC-BY-4.0', true],
    ['LicenseRef-All-Rights-Reserved', true],
    ['MIT OR Apache-2.0', true],
    ['All rights reserved', false],
    ['CC-BY-99', false],
  ])('licence %j → %s', (value, expected) => {
    expect(isSpdxLicense(value)).toBe(expected);
  });
});
