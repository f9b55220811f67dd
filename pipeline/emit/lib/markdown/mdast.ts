import type { BlockContent, Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Table, TableCell, Text } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';

/**
 * Small builders of mdast nodes. Every piece of data goes into a `text` node, so that remark escapes
 * whatever Markdown would otherwise read as markup (`*`, `_`, `<`, `[`, `|`…).
 */

export function text(value: string): Text {
  return { type: 'text', value };
}

/** Accepts plain strings as text. */
type Inline = string | PhrasingContent;

function phrasing(content: readonly Inline[]): PhrasingContent[] {
  return content.map((item) => (typeof item === 'string' ? text(item) : item));
}

export function heading(depth: Heading['depth'], ...content: Inline[]): Heading {
  return { type: 'heading', depth, children: phrasing(content) };
}

export function paragraph(...content: Inline[]): Paragraph {
  return { type: 'paragraph', children: phrasing(content) };
}

/** Literal characters shown as code (`\|`), for conventions a reader has to type exactly. */
export function code(value: string): PhrasingContent {
  return { type: 'inlineCode', value };
}

export function strong(...content: Inline[]): PhrasingContent {
  return { type: 'strong', children: phrasing(content) };
}

/** A link for http(s) addresses only; anything else (javascript:, data:) stays text. */
export function link(url: string, label: string = url): PhrasingContent {
  return /^https?:\/\//i.test(url) ? { type: 'link', url, children: [text(label)] } : text(label);
}

/** A tight bullet list, one paragraph per item. */
export function list(items: ReadonlyArray<readonly Inline[]>): List {
  return blockList(items.map((item) => [paragraph(...item)]));
}

/** A tight bullet list whose items hold several blocks (a paragraph and a nested list). */
export function blockList(items: ReadonlyArray<BlockContent[]>): List {
  return {
    type: 'list',
    ordered: false,
    spread: false,
    children: items.map((children): ListItem => ({ type: 'listItem', spread: false, children })),
  };
}

/**
 * A GFM table. A cell is one line: line breaks in the data would end the row, so they become spaces.
 */
export function table(header: readonly string[], rows: ReadonlyArray<readonly Inline[]>): Table {
  const cell = (content: Inline): TableCell => ({
    type: 'tableCell',
    children: phrasing([typeof content === 'string' ? content.replace(/\s*[\r\n]+\s*/g, ' ') : content]),
  });
  return {
    type: 'table',
    align: header.map(() => null),
    children: [header, ...rows].map((row) => ({ type: 'tableRow', children: row.map(cell) })),
  };
}

/** Serialises a tree with remark (GFM for tables): the one place Markdown text is produced. */
export function serialise(children: RootContent[]): string {
  const root: Root = { type: 'root', children };
  return processor.stringify(root);
}

/** Made once: the timeline serialises an item at a time, and setting up the plugins is most of a small call. */
const processor = unified().use(remarkGfm).use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*', rule: '-' }).freeze();
