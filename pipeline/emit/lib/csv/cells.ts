import { plainDecimal } from '../decimal.js';
import type { Column } from './columns.js';

/** The separators a multi-valued cell may use (options.multiValueSeparator). */
export type MultiValueSeparator = '|' | ';';

/** Escapes a separator or itself inside one value of a multi-valued cell. */
export const escapeCharacter = '\\';

/**
 * First characters that make spreadsheet software read a cell as a formula (OWASP, CSV injection).
 * A cell that starts with one is written with `formulaPrefix` before it.
 */
export const formulaTriggers: readonly string[] = ['=', '+', '-', '@', '\t', '\r'];

/**
 * The prefix that neutralises a formula. A value that already starts with it is prefixed too, so that
 * "a text cell starting with ' had one added" always holds and the rule can be undone exactly.
 */
export const formulaPrefix = "'";

/** Joins the values of a multi-valued cell, escaping the separator and the escape character in each value. */
export function joinValues(values: readonly string[], separator: MultiValueSeparator): string {
  return values.map((value) => value.replaceAll(escapeCharacter, escapeCharacter + escapeCharacter).replaceAll(separator, escapeCharacter + separator)).join(separator);
}

/** Undoes joinValues: splits on unescaped separators and drops the escapes. An empty cell is an empty list. */
export function splitValues(cell: string, separator: MultiValueSeparator): string[] {
  if (cell === '') return [];
  const values: string[] = [];
  let current = '';
  for (let i = 0; i < cell.length; i++) {
    const char = cell.charAt(i);
    if (char === escapeCharacter && i + 1 < cell.length) {
      current += cell.charAt(++i);
    } else if (char === separator) {
      values.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  values.push(current);
  return values;
}

/** Prefixes a text cell that a spreadsheet would run as a formula (or that starts with the prefix itself). */
export function neutraliseFormula(cell: string): string {
  const first = cell.charAt(0);
  return formulaTriggers.includes(first) || first === formulaPrefix ? formulaPrefix + cell : cell;
}

/** Undoes neutraliseFormula on a text cell: every text cell that starts with the prefix had it added. */
export function restoreFormula(cell: string): string {
  return cell.startsWith(formulaPrefix) ? cell.slice(formulaPrefix.length) : cell;
}

/** Reads the value at a column's path in a record (position.start.line). */
export function valueAt(record: object, path: readonly string[]): unknown {
  let value: unknown = record;
  for (const key of path) value = value === undefined || value === null ? undefined : (value as Record<string, unknown>)[key];
  return value;
}

/**
 * The text of one cell. Absent values are empty cells; numbers are plain decimals and never neutralised
 * (a negative longitude stays a number); text cells, multi-valued ones included, are neutralised whole.
 */
export function formatCell(value: unknown, column: Column, separator: MultiValueSeparator): string {
  if (value === undefined || value === null) return '';
  if (column.multiValued) {
    if (!Array.isArray(value)) throw new Error(`column ${column.name} holds a list, not ${typeof value}`);
    const joined = joinValues(value.map((item: unknown) => scalar(item, column)), separator);
    return column.type === 'string' ? neutraliseFormula(joined) : joined;
  }
  const text = scalar(value, column);
  return column.type === 'string' ? neutraliseFormula(text) : text;
}

function scalar(value: unknown, column: Column): string {
  switch (column.type) {
    case 'integer':
    case 'number':
      if (typeof value !== 'number') throw new Error(`column ${column.name} holds numbers, not ${typeof value}`);
      return plainDecimal(value);
    case 'boolean':
      if (typeof value !== 'boolean') throw new Error(`column ${column.name} holds booleans, not ${typeof value}`);
      return value ? 'true' : 'false';
    case 'string':
      if (typeof value !== 'string') throw new Error(`column ${column.name} holds text, not ${typeof value}`);
      return value;
  }
}
