import { nodes, sectionUnder, tableRows } from '../markdown.js';
import { readFileSync } from 'node:fs';
import type { Heading, List, Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { emitMarkdown, heading, readmePath, serialise, sourceBlocks, timelinePath } from '../../pipeline/emit/index.js';
import { schemaDirectory, tables, type Dataset } from '../../pipeline/model/index.js';
import { fixture, options } from './fixture.js';

function parseMarkdown(text: string): Root {
  return unified().use(remarkParse).use(remarkGfm).parse(text);
}

function emitted(dataset: Dataset = fixture(), emitOptions = options): { readme: Root; timeline: Root; readmeText: string } {
  const files = emitMarkdown(dataset, emitOptions);
  const readmeText = files.get(readmePath) ?? '';
  return { readme: parseMarkdown(readmeText), timeline: parseMarkdown(files.get(timelinePath) ?? ''), readmeText };
}


describe('README.md', () => {
  it('has the dataset title, its description and every section of the card', () => {
    const { readme } = emitted();
    const headings = readme.children.filter((node): node is Heading => node.type === 'heading');
    expect(headings[0]).toMatchObject({ depth: 1 });
    expect(toString(headings[0] ?? { type: 'root', children: [] })).toBe(options.title);
    expect(readme.children[1]?.type).toBe('paragraph');
    expect(toString(readme.children[1] ?? { type: 'root', children: [] })).toBe(options.description);
    expect(headings.filter((heading) => heading.depth === 2).map((heading) => toString(heading))).toEqual([
      'Source and rights',
      'Contents',
      'Counts',
      'How to cite',
      'CSV conventions',
      'Data dictionary',
    ]);
  });

  it('states each source page, its rights verbatim and its licence, and claims no open licence', () => {
    const dataset = fixture();
    const { readme } = emitted(dataset);
    const source = toString(sectionUnder(readme, 'Source and rights'));
    for (const document of dataset.documents) {
      for (const value of [document.title, document.publisher, document.dateModified, document.rights, document.license, document.url ?? '']) expect(source).toContain(value);
    }
    expect(source).toMatch(/derived from/);
    expect(source).toMatch(/grants no licence/);
    expect(source).not.toMatch(/open licen[cs]e|CC-BY|public domain/i);
  });

  it('counts the records of every table', () => {
    const dataset = fixture();
    const { readme } = emitted(dataset);
    expect(tableRows(sectionUnder(readme, 'Counts'))).toEqual([['Table', 'Records'], ...tables.map(({ name }) => [name, String(dataset[name].length)])]);
    const contents = tableRows(sectionUnder(readme, 'Contents'));
    for (const { name } of tables) expect(contents).toContainEqual([`csv/${name}.csv`, expect.any(String), String(dataset[name].length)]);
    for (const path of ['dataset.jsonld', 'README.md', 'timeline.md']) expect(contents.map((row) => row[0])).toContain(path);
  });

  it('suggests a citation from the publisher, title, date and base IRI', () => {
    const citation = toString(sectionUnder(emitted().readme, 'How to cite'));
    expect(citation).toContain('French Ministry of Foreign Affairs and International Development (2013-01-15)');
    expect(citation).toContain(options.title);
    expect(citation).toContain(options.baseIri);
  });

  it('documents the CSV conventions it applies', () => {
    const conventions = toString(sectionUnder(emitted().readme, 'CSV conventions'));
    for (const phrase of ['UTF-8', 'CRLF', 'header', 'OWASP', 'ISO 8601', 'code points', '\\|', '\\\\']) expect(conventions).toContain(phrase);
    const semicolon = toString(sectionUnder(emitted(fixture(), { ...options, multiValueSeparator: ';' }).readme, 'CSV conventions'));
    expect(semicolon).toContain('\\;');
  });

  it('has a data dictionary row for every schema property, with its description', () => {
    const { readme } = emitted();
    const dictionary = sectionUnder(readme, 'Data dictionary');
    for (const { name, schema } of tables) {
      const rows = tableRows(sectionUnder(dictionary, `${name} (csv/${name}.csv)`));
      expect(rows[0]).toEqual(['Column', 'Type', 'Required', 'Description']);
      const json = JSON.parse(readFileSync(new URL(schema, schemaDirectory), 'utf8')) as { required: string[]; properties: Record<string, { description: string }> };
      for (const [property, definition] of Object.entries(json.properties)) {
        if (property === 'position') {
          for (const column of ['startLine', 'startColumn', 'startOffset', 'endLine', 'endColumn', 'endOffset']) {
            const row = rows.find((candidate) => candidate[0] === column);
            expect(row?.[3], `${name}.${column}`).toContain(definition.description.replace(/\.$/, ''));
          }
          continue;
        }
        const row = rows.find((candidate) => candidate[0] === property);
        expect(row, `${name}.${property}`).toEqual([property, expect.any(String), json.required.includes(property) ? 'yes' : 'no', definition.description]);
      }
    }
  });

  it('shows markup in names as text, not as markup', () => {
    const dataset = fixture();
    const [document] = dataset.documents;
    if (!document) throw new Error('fixture has a document');
    document.title = 'A *bold* <b>x</b> [link](https://evil.example) | pipe _under_';
    document.rights = '# not a heading\n- not a list';
    const { readme, readmeText } = emitted(dataset, { ...options, title: '<script>alert(1)</script> *x*' });
    const kinds = new Set(nodes(readme).map((node) => node.type));
    for (const kind of ['strong', 'emphasis', 'html']) expect(kinds.has(kind as Nodes['type']), kind).toBe(false);
    expect(toString(readme.children[0] ?? { type: 'root', children: [] })).toBe('<script>alert(1)</script> *x*');
    expect(toString(sectionUnder(readme, 'Source and rights'))).toContain(document.title);
    expect(toString(sectionUnder(readme, 'Source and rights'))).toContain('# not a heading');
    // No link made from the data's markup: a GFM renderer may still autolink the bare URL in the text,
    // but then the link shows its own target, so every link reads exactly as where it goes.
    for (const link of nodes(readme).filter((node) => node.type === 'link')) expect(toString(link)).toBe(link.url);
    expect(readmeText).not.toMatch(/(?<!\\)<script>/);
  });

  it("reads as one list of sources, though each page's entry is serialised on its own and joined", () => {
    const dataset = fixture();
    const [first] = dataset.documents;
    if (!first) throw new Error('fixture has a document');
    const titles = ['1. Looks like a numbered item', 'Ends like a closed heading #', '- Looks like a bullet'];
    dataset.documents = titles.map((title, index) => ({ ...first, id: `${first.id}-${index}`, title, ...(index === 1 ? { url: undefined } : {}) }));
    const { readme, readmeText } = emitted(dataset);
    const section = sectionUnder(readme, 'Source and rights');
    const headings = section.children.filter((node): node is Heading => node.type === 'heading' && node.depth === 3);
    expect(headings.map((heading) => toString(heading))).toEqual(titles);
    const lists = section.children.filter((node): node is List => node.type === 'list');
    expect(lists.map((list) => [list.ordered, list.children.length])).toEqual([
      [false, 6],
      [false, 5],
      [false, 6],
    ]);
    // Each entry is a heading then its list, in the pages' order, and the caveat follows the last.
    expect(section.children.map((node) => node.type)).toEqual(['heading', 'list', 'heading', 'list', 'heading', 'list', 'paragraph']);
    // Byte for byte what remark writes for the section as one tree.
    const whole = serialise([heading(2, 'Source and rights'), ...dataset.documents.flatMap(sourceBlocks)]);
    expect(readmeText).toContain(whole);
  });
});

describe('timeline.md', () => {
  function items(dataset: Dataset = fixture()): string[] {
    const { timeline } = emitted(dataset);
    const list = timeline.children.find((node): node is List => node.type === 'list');
    return (list?.children ?? []).map((item) => toString(item.children[0] ?? { type: 'root', children: [] }));
  }

  it('lists the events by date, with qualifier, interval and planned marker', () => {
    const { timeline } = emitted();
    expect(timeline.children[0]).toMatchObject({ type: 'heading', depth: 1 });
    expect(toString(timeline.children[0] ?? { type: 'root', children: [] })).toBe('Timeline');
    expect(items()).toEqual([
      '2009-07 The French Network and Information Security Agency (ANSSI) was set up in Paris in July 2009',
      '2012-08 to 2013-06 Experts of the United Nations met its Deputy Secretary-General, Ana Exemplo, in France from August 2012 to June 2013',
      'late 2013 (planned) the third conference will be held in Paris late in 2013',
    ]);
  });

  it('sorts by start date, then id, whatever the input order', () => {
    const dataset = fixture();
    dataset.events.reverse();
    const [late] = dataset.events;
    if (!late) throw new Error('fixture has events');
    dataset.events.push({ ...late, id: 'event/cyber-security/0', name: 'same date, smaller id' });
    expect(items(dataset).map((item) => item.slice(0, 20))).toEqual([
      '2009-07 The French N',
      '2012-08 to 2013-06 E',
      'late 2013 (planned) ',
      'late 2013 (planned) ',
    ]);
    expect(items(dataset)[2]).toContain('same date, smaller id');
  });

  it('names the place and the participants, and quotes the sentence', () => {
    const { timeline } = emitted();
    const text = toString(timeline);
    expect(text).toContain('Where: France');
    expect(text).toContain('Who: United Nations; Ana Exemplo');
    expect(text).toContain('Reported as: The French Network and Information Security Agency (ANSSI) was set up in Paris in July 2009.');
  });

  it('shows markup in event names and participants as text', () => {
    const dataset = fixture();
    const [event] = dataset.events;
    const [organization] = dataset.organizations;
    if (!event || !organization) throw new Error('fixture has records');
    event.name = 'Met *bold* <b>x</b>';
    organization.name = '_Agency_ <img src=x>';
    const { timeline } = emitted(dataset);
    const kinds = new Set(nodes(timeline).map((node) => node.type));
    expect(kinds.has('emphasis')).toBe(false);
    expect(kinds.has('html')).toBe(false);
    // The date is the one strong node of each item; nothing from the data became one.
    expect(nodes(timeline).filter((node) => node.type === 'strong').map((node) => toString(node))).toEqual(['2009-07', '2012-08 to 2013-06', 'late 2013 (planned)']);
    expect(toString(timeline)).toContain('Met *bold* <b>x</b>');
    expect(toString(timeline)).toContain('Who: _Agency_ <img src=x>');
  });
});
