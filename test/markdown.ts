/** Reading generated Markdown back, as the tests of the card, the timeline and the release note do. */
import type { Heading, Nodes, Root, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** Parses Markdown with GFM, as GitHub renders it. */
export function parseMarkdown(text: string): Root {
  return unified().use(remarkParse).use(remarkGfm).parse(text) as Root;
}

/** Every node of a tree, depth first. */
export function nodes(tree: Nodes): Nodes[] {
  return [tree, ...('children' in tree ? tree.children.flatMap((child) => nodes(child)) : [])];
}

/** The blocks between a heading and the next heading of the same or a higher level. */
export function sectionUnder(tree: Root, title: string): Root {
  const start = tree.children.findIndex((node) => node.type === 'heading' && toString(node) === title);
  if (start < 0) throw new Error(`no heading ${title}`);
  const depth = (tree.children[start] as Heading).depth;
  const rest = tree.children.slice(start + 1);
  const end = rest.findIndex((node) => node.type === 'heading' && node.depth <= depth);
  return { type: 'root', children: end < 0 ? rest : rest.slice(0, end) };
}

/** The first GFM table of a tree as rows of cell texts, header first. */
export function tableRows(tree: Root): string[][] {
  const table = tree.children.find((node): node is Table => node.type === 'table');
  if (!table) throw new Error('no table');
  return table.children.map((row) => row.children.map((cell) => toString(cell)));
}
