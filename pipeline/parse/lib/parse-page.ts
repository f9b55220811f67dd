import type { Heading, Paragraph, Root, Yaml } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Position } from 'unist';
import { visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import { reportError } from '../../model/lib/diagnostics.js';
import { slug, uniqueIds } from '../../model/lib/ids.js';
import type { Section, SourcePosition } from '../../model/types.js';
import { parseMarkdown } from './markdown.js';
import { passageText } from './passage-text.js';
import { splitSentences } from './sentences.js';
import type { ParsedPage, ParsedPassage } from './types.js';

/** Id of the page at `path` (relative to the source folder): 'page/' and a slug of each folder and the name. */
export function documentIdFor(path: string): string {
  const withoutExtension = path.replace(/\.(md|markdown)$/i, '');
  return `page/${withoutExtension.split('/').map(slug).join('/')}`;
}

/**
 * Reads one page into its front matter, sections, passages and sentences. `tree` is the page's syntax
 * tree when it was parsed elsewhere (in a worker, with limits); otherwise the page is parsed here.
 */
export function parsePage(file: VFile, path: string, tree: Root = parseMarkdown(String(file.value))): ParsedPage {
  const documentId = documentIdFor(path);
  const page: ParsedPage = { file, documentId, path, tree, sections: [], passages: [], sentences: [] };

  const frontMatter = tree.children[0]?.type === 'yaml' ? (tree.children[0] as Yaml) : undefined;
  if (frontMatter?.position) {
    page.frontMatter = { yaml: frontMatter.value, position: toSourcePosition(frontMatter.position) };
  } else {
    reportError(
      file,
      'Page has no front matter: start it with a `---` block that gives title, publisher, language, dateModified, rights and license',
      { line: 1, column: 1 },
      'front-matter-missing',
    );
  }

  const sectionId = uniqueIds();
  const open: Section[] = [];
  visitParents(tree, (node, ancestors) => {
    if (node.type === 'heading') {
      const heading = node as Heading;
      while (open.length > 0 && open[open.length - 1]!.depth >= heading.depth) open.pop();
      const title = toString(heading);
      const parent = open[open.length - 1];
      const section: Section = {
        id: sectionId(`${documentId}/section/${slug(title)}`),
        documentId,
        ...(parent ? { parentId: parent.id } : {}),
        depth: heading.depth,
        order: page.sections.length + 1,
        title,
        position: toSourcePosition(heading.position!),
      };
      page.sections.push(section);
      open.push(section);
      return 'skip';
    }
    if (node.type === 'paragraph') {
      const paragraph = node as Paragraph;
      const { text, segments } = passageText(paragraph.children);
      if (text.trim() === '') return 'skip';
      const order = page.passages.length + 1;
      const id = `${documentId}/passage/${order}`;
      const section = open[open.length - 1];
      const passage: ParsedPassage = {
        id,
        documentId,
        ...(section ? { sectionId: section.id } : {}),
        kind: ancestors[ancestors.length - 1]?.type === 'listItem' ? 'listItem' : 'paragraph',
        order,
        text,
        position: toSourcePosition(paragraph.position!),
        segments,
      };
      page.passages.push(passage);
      page.sentences.push(...splitSentences(file, passage));
      return 'skip';
    }
    return undefined;
  });
  return page;
}

function toSourcePosition(position: Position): SourcePosition {
  return {
    start: { line: position.start.line, column: position.start.column, offset: position.start.offset ?? 0 },
    end: { line: position.end.line, column: position.end.column, offset: position.end.offset ?? 0 },
  };
}
