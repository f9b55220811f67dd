import type { FrontMatter } from '../../model/types.js';
import type { ParsedPage } from '../../parse/index.js';
import { readYaml } from './yaml.js';

/**
 * Reads and checks a page's front matter against schemas/front-matter.schema.json; returns it only when
 * it is valid. Problems are reported on the page's file with their line and column.
 */
export function validateFrontMatter(page: ParsedPage): FrontMatter | undefined {
  if (!page.frontMatter) return undefined;
  // The YAML text starts on the line after the opening `---`.
  const start = String(page.file.value).indexOf('\n', page.frontMatter.position.start.offset) + 1;
  return readYaml<FrontMatter>(page.file, page.frontMatter.yaml, start, 'front-matter.schema.json', 'front matter', 'front-matter');
}
