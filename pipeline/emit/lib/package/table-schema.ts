import type { TableName } from '../../../model/lib/dataset.js';
import { primaryKeyOf } from '../../../model/lib/keys.js';
import { columnsOf, type Column } from '../csv/columns.js';
import { formulaPrefix, type MultiValueSeparator } from '../csv/cells.js';

/** A Frictionless Table Schema field. */
export type Field = Record<string, unknown> & { name: string; type: string };

/** Patterns of the schemas' formats, for consumers that only read the Table Schema. */
const formatPatterns: Record<string, string> = {
  'reduced-date': '\\d{4}(-\\d{2}(-\\d{2})?)?',
  'reduced-date-or-interval': '\\d{4}(-\\d{2}(-\\d{2})?)?(/\\d{4}(-\\d{2}(-\\d{2})?)?)?',
};

/**
 * The Table Schema of a table, derived from its JSON Schema through the CSV columns: field types,
 * descriptions, constraints, the primary key, and a foreign key for every single-valued reference.
 * Multi-valued references are published as pair tables (participants, affiliations) whose columns are
 * single-valued foreign keys, since a Table Schema foreign key cannot point from a list.
 */
export function tableSchema(table: TableName, separator: MultiValueSeparator): Record<string, unknown> {
  const columns = columnsOf(table);
  const primaryKey = primaryKeyOf(table);
  const foreignKeys = columns
    .filter((column) => column.references !== undefined && !column.multiValued)
    .map((column) => ({ fields: [column.name], reference: { resource: column.references!, fields: [...primaryKeyOf(column.references!)] } }));
  return {
    fields: columns.map((column) => field(column, primaryKey, separator)),
    missingValues: [''],
    primaryKey: [...primaryKey],
    ...(foreignKeys.length > 0 ? { foreignKeys } : {}),
  };
}

function field(column: Column, primaryKey: readonly string[], separator: MultiValueSeparator): Field {
  const constraints: Record<string, unknown> = {};
  // An empty list is written as an empty cell, so a list column is never required in the CSV.
  if ((column.required && !column.multiValued) || primaryKey.includes(column.name)) constraints['required'] = true;
  if (primaryKey.length === 1 && primaryKey[0] === column.name) constraints['unique'] = true;
  const listNote = column.multiValued ? ` Several values are separated by '${separator}'.` : '';
  const formulaNote = column.type === 'string' ? ` A value that starts with =, +, -, @, a tab, a carriage return or ${formulaPrefix} is written with ${formulaPrefix} before it.` : '';
  if (!column.multiValued) {
    if (column.enum) constraints['enum'] = [...column.enum];
    const pattern = column.format ? formatPatterns[column.format] : column.pattern;
    if (pattern && column.type === 'string') constraints['pattern'] = toXsdPattern(pattern);
    if (column.minimum !== undefined) constraints['minimum'] = column.minimum;
    if (column.maximum !== undefined) constraints['maximum'] = column.maximum;
  }
  return {
    name: column.name,
    type: column.multiValued ? 'string' : column.type,
    ...(column.format === 'uri' && !column.multiValued ? { format: 'uri' } : {}),
    description: column.description + listNote + formulaNote,
    ...(Object.keys(constraints).length > 0 ? { constraints } : {}),
  };
}

/**
 * Table Schema patterns are XML Schema regular expressions: anchored already, and without the
 * non-capturing groups of ECMAScript.
 */
function toXsdPattern(pattern: string): string {
  return pattern.replace(/^\^/, '').replace(/\$$/, '').replaceAll('(?:', '(');
}
