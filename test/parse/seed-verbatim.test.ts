import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePage, readPage } from '../../pipeline/parse/index.js';
import { seedPage, sharedAvailable, sharedFolder } from '../helpers.js';

/** The site's navigation and footer around the body of the captured page. */
const chrome = [/^Quick access$/, /^\s*• (Increase|Decrease) text size$/, /^\s*• Add feed$/, /^Updated on : /, /^All rights reserved - /];

describe.runIf(sharedAvailable())('the seed page in source/', () => {
  const seed = readFileSync(join(sharedFolder, 'seeds/000_b8aafcf656c479e1.txt'), 'utf8');
  const lines = seed
    .split('\n')
    .map((line) => line.replace(/^- \u00a0/, '').trimEnd())
    .filter((line) => line.trim() !== '' && !chrome.some((pattern) => pattern.test(line)));
  const page = parsePage(readPage('cyber-security.md', readFileSync(seedPage)), 'cyber-security.md');
  const sentences = new Set(page.sentences.map((s) => s.text));
  const headings = new Set(page.sections.map((s) => s.title));

  it('keeps every heading of the body as a section title', () => {
    const headingLines = lines.filter((line) => !/[.:;]$/.test(line));
    expect(headingLines.length).toBe(4);
    for (const line of headingLines) expect(headings).toContain(line);
  });

  it('keeps every sentence of the body, unchanged, as a sentence of the model', () => {
    const bodyLines = lines.filter((line) => /[.:;]$/.test(line));
    const seedSentences = bodyLines.flatMap((line) => line.split(/(?<=[.!?])\s+(?=["“A-Z])/));
    expect(seedSentences.length).toBeGreaterThan(30);
    const missing = seedSentences.filter((sentence) => !sentences.has(sentence));
    expect(missing).toEqual([]);
  });

  it('drops the navigation chrome and moves the date and rights lines into the front matter', () => {
    const text = page.passages.map((p) => p.text).join('\n');
    for (const word of ['Quick access', 'Increase text size', 'Add feed', 'Updated on', 'All rights reserved']) {
      expect(text).not.toContain(word);
    }
    expect(page.frontMatter?.yaml).toContain('dateModified: 2013-01');
    expect(page.frontMatter?.yaml).toContain(
      'rights: All rights reserved - French Ministry of Foreign Affairs and International Development - 2015',
    );
  });

  it('keeps the three list items of the body as list items', () => {
    expect(page.passages.filter((p) => p.kind === 'listItem').map((p) => p.text.split(' ')[0])).toEqual(['purport', 'are', 'are']);
  });
});
