import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Point } from 'unist';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

/** The syntax tree of a page: CommonMark with YAML front matter. */
export function parseMarkdown(text: string): Root {
  return processor.parse(text) as Root;
}

/** How deep a tree is nested and where its deepest node starts. */
export interface Depth {
  depth: number;
  place: Point | undefined;
}

/**
 * The depth of the deepest node (the root is 0), found without recursion: a tree nested thousands of
 * levels deep must be measured, not overflow the stack of whoever walks it next.
 */
export function treeDepth(tree: Root): Depth {
  let deepest: Depth = { depth: 0, place: tree.position?.start };
  const stack: Array<{ node: { children?: unknown[]; position?: { start: Point } }; depth: number }> = [{ node: tree, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth > deepest.depth) deepest = { depth, place: node.position?.start };
    for (const child of node.children ?? []) stack.push({ node: child as typeof node, depth: depth + 1 });
  }
  return deepest;
}
