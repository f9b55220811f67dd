import { describe, expect, it } from 'vitest';
import { validateFrontMatter } from '../../pipeline/validate/index.js';
import { parseText } from '../helpers.js';

function check(frontMatter: string) {
  const page = parseText(`---\n${frontMatter}\n---\n\nBody.\n`);
  const value = validateFrontMatter(page);
  return { value, messages: page.file.messages.map((m) => ({ reason: m.reason, line: m.line, column: m.column, ruleId: m.ruleId, fatal: m.fatal })) };
}

const valid = `title: T
publisher: P
language: en-GB
dateModified: 2013-01
rights: All rights reserved
license: LicenseRef-All-Rights-Reserved`;

describe('validateFrontMatter', () => {
  it('returns valid front matter, keeping a reduced-precision date as a string', () => {
    const { value, messages } = check(`${valid}\nurl: https://example.org/page\ndescription: About it.`);
    expect(messages).toEqual([]);
    expect(value).toMatchObject({ dateModified: '2013-01', language: 'en-GB', url: 'https://example.org/page' });
  });

  it('names a missing required field', () => {
    const { value, messages } = check(valid.replace('rights: All rights reserved\n', ''));
    expect(value).toBeUndefined();
    expect(messages).toEqual([{ reason: 'front matter lacks required field `rights`', line: 2, column: 1, ruleId: 'front-matter-required', fatal: true }]);
  });

  it('points at the line and column of an invalid date', () => {
    const { messages } = check(valid.replace('dateModified: 2013-01', 'dateModified: 2013-13-45'));
    expect(messages).toEqual([
      expect.objectContaining({ line: 5, column: 15, ruleId: 'front-matter-format', reason: expect.stringContaining('`dateModified` of front matter is not a valid ISO 8601 date') }),
    ]);
  });

  it('points at an unknown field', () => {
    const { messages } = check(`${valid}\nauthor: Someone`);
    expect(messages).toEqual([expect.objectContaining({ line: 8, column: 1, reason: 'front matter has unknown field `author`: remove it or check its spelling' })]);
  });

  it('refuses a licence that is not an SPDX identifier or LicenseRef', () => {
    const { messages } = check(valid.replace('LicenseRef-All-Rights-Reserved', 'all rights reserved'));
    expect(messages[0]?.reason).toContain('`license` of front matter is not a valid SPDX licence identifier');
  });

  it('refuses a language that is not a BCP 47 tag', () => {
    const { messages } = check(valid.replace('language: en-GB', 'language: English language'));
    expect(messages[0]?.reason).toContain('BCP 47');
  });

  it('refuses a wrong type', () => {
    const { messages } = check(valid.replace('title: T', 'title: [a, b]'));
    expect(messages[0]).toMatchObject({ reason: '`title` of front matter must be of type string', line: 2, column: 8 });
  });

  it('reports YAML that does not parse, with its place', () => {
    const { value, messages } = check(`${valid}\ntitle: again`);
    expect(value).toBeUndefined();
    expect(messages[0]).toMatchObject({ ruleId: 'front-matter-yaml', line: 8 });
  });

  it('stops a YAML alias bomb instead of expanding it', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) bomb.push(`${'b'.repeat(i)}: &${'b'.repeat(i)} [${Array(9).fill(i === 1 ? '*a' : `*${'b'.repeat(i - 1)}`).join(',')}]`);
    const { value, messages } = check(`${valid}\n${bomb.join('\n')}`);
    expect(value).toBeUndefined();
    expect(messages[0]?.ruleId).toBe('front-matter-yaml');
  });
});
