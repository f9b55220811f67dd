import { isMap, isScalar, LineCounter, parseDocument, type Document as YamlDocument } from 'yaml';
import { location } from 'vfile-location';
import { reportError } from '../../model/lib/diagnostics.js';
import type { FrontMatter } from '../../model/types.js';
import type { ParsedPage } from '../../parse/index.js';
import { describeError, validatorFor } from './validators.js';

/** At most this many alias expansions: a YAML alias bomb fails instead of eating memory. */
const maxAliasCount = 100;

/**
 * Reads and checks a page's front matter against schemas/front-matter.schema.json. Problems are reported
 * on the page's file at the line and column of the offending key or value; returns the front matter only
 * when it is valid.
 */
export function validateFrontMatter(page: ParsedPage): FrontMatter | undefined {
  if (!page.frontMatter) return undefined;
  const { file } = page;
  const place = location(file);
  // The YAML text starts on the line after the opening `---`.
  const yamlStart = String(file.value).indexOf('\n', page.frontMatter.position.start.offset) + 1;
  const at = (yamlOffset: number | undefined) => place.toPoint(yamlStart + (yamlOffset ?? 0));

  const lineCounter = new LineCounter();
  const document = parseDocument(page.frontMatter.yaml, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (document.errors.length > 0) {
    for (const error of document.errors) {
      reportError(file, `Front matter is not valid YAML: ${firstLine(error.message)}`, at(error.pos[0]), 'front-matter-yaml');
    }
    return undefined;
  }
  if (!isMap(document.contents)) {
    reportError(file, 'Front matter must be a YAML mapping of `key: value` lines', at(0), 'front-matter-shape');
    return undefined;
  }
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount });
  } catch (error) {
    reportError(file, `Front matter cannot be read: ${firstLine((error as Error).message)}`, at(0), 'front-matter-yaml');
    return undefined;
  }
  const validate = validatorFor('front-matter.schema.json');
  if (validate(value)) return value as FrontMatter;
  for (const error of validate.errors ?? []) {
    const key = error.keyword === 'additionalProperties' ? String(error.params['additionalProperty']) : undefined;
    reportError(file, describeError(error, 'front matter'), at(offsetOf(document, error.instancePath, key)), `front-matter-${error.keyword}`);
  }
  return undefined;
}

/** Offset in the YAML text of the value at a JSON pointer, or of a key of the mapping there. */
function offsetOf(document: YamlDocument, pointer: string, key?: string): number {
  const path = pointer.split('/').slice(1).map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'));
  if (key !== undefined) {
    const map = path.length === 0 ? document.contents : document.getIn(path, true);
    if (isMap(map)) {
      const pair = map.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
      if (pair && isScalar(pair.key)) return pair.key.range?.[0] ?? 0;
    }
  }
  const node = path.length === 0 ? document.contents : document.getIn(path, true);
  if (node && typeof node === 'object' && 'range' in node) {
    const range = (node as { range?: [number, number, number] }).range;
    return range?.[0] ?? 0;
  }
  return 0;
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.trim();
}
