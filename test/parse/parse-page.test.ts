import { describe, expect, it } from 'vitest';
import { documentIdFor } from '../../pipeline/parse/index.js';
import { parseText, validFrontMatter } from '../helpers.js';

describe('parsePage', () => {
  const page = parseText(
    `${validFrontMatter}
# Title

Intro paragraph. Second sentence.

## First part

- item one;
- item *two* with \`code\`

### Deeper

Text under deeper.

## First part

Repeated heading.
`,
    'folder/My Page.md',
  );

  it('derives a stable document id from the path', () => {
    expect(page.documentId).toBe('page/folder/my-page');
    expect(documentIdFor('Über uns.markdown')).toBe('page/uber-uns');
  });

  it('builds the heading hierarchy with unique ids', () => {
    expect(page.sections.map((s) => [s.id, s.depth, s.parentId ?? null])).toEqual([
      ['page/folder/my-page/section/title', 1, null],
      ['page/folder/my-page/section/first-part', 2, 'page/folder/my-page/section/title'],
      ['page/folder/my-page/section/deeper', 3, 'page/folder/my-page/section/first-part'],
      ['page/folder/my-page/section/first-part-2', 2, 'page/folder/my-page/section/title'],
    ]);
  });

  it('yields paragraphs and list items as passages without markup', () => {
    expect(page.passages.map((p) => [p.kind, p.text, p.sectionId?.split('/').pop()])).toEqual([
      ['paragraph', 'Intro paragraph. Second sentence.', 'title'],
      ['listItem', 'item one;', 'first-part'],
      ['listItem', 'item two with code', 'first-part'],
      ['paragraph', 'Text under deeper.', 'deeper'],
      ['paragraph', 'Repeated heading.', 'first-part-2'],
    ]);
  });

  it('gives each passage its source position', () => {
    const intro = page.passages[0]!;
    expect(intro.position.start).toMatchObject({ line: 12, column: 1 });
    expect(page.file.value.slice(intro.position.start.offset, intro.position.end.offset)).toBe('Intro paragraph. Second sentence.');
  });

  it('splits sentences with code-point offsets into the passage text', () => {
    const sentences = page.sentences.filter((s) => s.passageId === page.passages[0]!.id);
    expect(sentences.map((s) => [s.text, s.start, s.end])).toEqual([
      ['Intro paragraph.', 0, 16],
      ['Second sentence.', 17, 33],
    ]);
  });

  it('ends a sentence after a year (regression: a splitter that would not break after "2009.")', () => {
    const dated = parseText(`${validFrontMatter}\nIt was set up in July 2009. ANSSI is an agency. It met to June 2013. France’s man is here.\n`);
    expect(dated.sentences.map((s) => s.text)).toEqual([
      'It was set up in July 2009.',
      'ANSSI is an agency.',
      'It met to June 2013.',
      'France’s man is here.',
    ]);
  });

  it('counts offsets in code points, not UTF-16 units', () => {
    const astral = parseText(`${validFrontMatter}\n𝒳 marks it. Then 𝒴 follows.\n`);
    const second = astral.sentences[1]!;
    expect(second.text).toBe('Then 𝒴 follows.');
    expect(Array.from(astral.passages[0]!.text).slice(second.start, second.end).join('')).toBe(second.text);
  });

  it('reports a page without front matter', () => {
    const bare = parseText('# Just a heading\n');
    expect(bare.file.messages.map((m) => [m.ruleId, m.fatal, m.line])).toEqual([['front-matter-missing', true, 1]]);
  });
});
