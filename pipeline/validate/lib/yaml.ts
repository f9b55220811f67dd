import { isMap, isScalar, LineCounter, parseDocument, type Document as YamlDocument } from 'yaml';
import { location } from 'vfile-location';
import type { VFile } from 'vfile';
import { reportError } from '../../model/lib/diagnostics.js';
import type { SchemaFile } from '../../model/lib/schema-files.js';
import { describeError, validatorFor } from './validators.js';

/** At most this many alias expansions: a YAML alias bomb fails instead of eating memory. */
const maxAliasCount = 100;

/**
 * Reads YAML that stands in `file` from offset `startOffset`, and checks it against `schema`. Problems
 * are reported on the file at the line and column of the offending key or value, with `rulePrefix` in
 * their rule id; returns the value only when it is valid.
 */
export function readYaml<T>(file: VFile, yaml: string, startOffset: number, schema: SchemaFile, subject: string, rulePrefix: string): T | undefined {
  const place = location(file);
  const at = (yamlOffset: number | undefined) => place.toPoint(startOffset + (yamlOffset ?? 0));

  let document: YamlDocument;
  try {
    document = parseDocument(yaml, { lineCounter: new LineCounter(), uniqueKeys: true, prettyErrors: false });
  } catch (error) {
    reportError(file, `${capitalise(subject)} cannot be read: ${firstLine((error as Error).message)}`, at(0), `${rulePrefix}-yaml`);
    return undefined;
  }
  // A tag the core schema does not know (!!js/function, !custom) would be read as plain text: refuse it.
  const problems = [...document.errors, ...document.warnings.filter((warning) => warning.code === 'TAG_RESOLVE_FAILED')];
  if (problems.length > 0) {
    for (const error of problems) {
      reportError(file, `${capitalise(subject)} is not valid YAML: ${firstLine(error.message)}`, at(error.pos[0]), `${rulePrefix}-yaml`);
    }
    return undefined;
  }
  if (!isMap(document.contents)) {
    reportError(file, `${capitalise(subject)} must be a YAML mapping of \`key: value\` lines`, at(0), `${rulePrefix}-shape`);
    return undefined;
  }
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount });
  } catch (error) {
    reportError(file, `${capitalise(subject)} cannot be read: ${firstLine((error as Error).message)}`, at(0), `${rulePrefix}-yaml`);
    return undefined;
  }
  const validate = validatorFor(schema);
  if (validate(value)) return value as T;
  for (const error of validate.errors ?? []) {
    const key = error.keyword === 'additionalProperties' ? String(error.params['additionalProperty']) : undefined;
    reportError(file, describeError(error, subject), at(offsetOf(document, error.instancePath, key)), `${rulePrefix}-${error.keyword}`);
  }
  return undefined;
}

/** Offset in the YAML text of the value at a JSON pointer, or of a key of the mapping there. */
function offsetOf(document: YamlDocument, pointer: string, key?: string): number {
  const path = pointer.split('/').slice(1).map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'));
  const node = path.length === 0 ? document.contents : document.getIn(path, true);
  if (key !== undefined && isMap(node)) {
    const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
    if (pair && isScalar(pair.key)) return pair.key.range?.[0] ?? 0;
  }
  if (node && typeof node === 'object' && 'range' in node) {
    return (node as { range?: [number, number, number] }).range?.[0] ?? 0;
  }
  return 0;
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.trim();
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
