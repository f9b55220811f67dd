import { describe, expect, it } from 'vitest';
import { findAcronymDefinitions, initialsMatch } from '../../pipeline/extract/index.js';

const define = (text: string) => findAcronymDefinitions(text).map((d) => [d.acronym, d.expansion, text.slice(d.expansionStart, d.expansionEnd)]);

describe('findAcronymDefinitions', () => {
  it('finds the expansion by the acronym letters (Schwartz & Hearst)', () => {
    expect(define('it is run by a Group of Governmental Experts (GGE) on cyber security')).toEqual([
      ['GGE', 'Group of Governmental Experts', 'Group of Governmental Experts'],
    ]);
    expect(define('disrupt corporate and government information and communication systems (ICS) and')).toEqual([
      ['ICS', 'information and communication systems', 'information and communication systems'],
    ]);
  });

  it('takes the capitalised name before the bracket for an acronym of another language (ANSSI)', () => {
    expect(define('the French Network and Information Security Agency (ANSSI) was set up')).toEqual([
      ['ANSSI', 'French Network and Information Security Agency', 'French Network and Information Security Agency'],
    ]);
  });

  it('does not reach across a comma for letters (regression: "and National Security, the French … (ANSSI)")', () => {
    const text = 'the White Paper on Defence and National Security, the French Network and Information Security Agency (ANSSI) was set up';
    expect(define(text)).toEqual([['ANSSI', 'French Network and Information Security Agency', 'French Network and Information Security Agency']]);
  });

  it('reads the reverse order: acronym, then expansion in brackets', () => {
    expect(define('the BSI (Federal Office for Information Security) is')).toEqual([
      ['BSI', 'Federal Office for Information Security', 'Federal Office for Information Security'],
    ]);
  });

  it('ignores brackets that hold lower-case words or lists', () => {
    expect(define('links (botnets) or intermediaries (proxies); countries (USA, UK, Germany, etc.)')).toEqual([]);
  });
});

describe('initialsMatch', () => {
  it.each([
    ['EU', 'European Union', true],
    ['OSCE', 'Organization for Security and Co-operation in Europe', true],
    ['EU', 'European Commission', false],
    ['UN', 'Union', false],
  ])('%s ~ %s → %s', (acronym, expansion, expected) => {
    expect(initialsMatch(acronym, expansion)).toBe(expected);
  });
});
