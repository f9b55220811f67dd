import { stringify } from 'csv-stringify/sync';
import { tables, type Dataset, type TableName } from '../../../model/lib/dataset.js';
import { csvPath } from '../files.js';
import { checkOptions, type EmitOptions } from '../options.js';
import { joined, type EmittedFile } from '../sink.js';
import { formatCell, valueAt, type MultiValueSeparator } from './cells.js';
import { columnsOf } from './columns.js';

/** CSV dialect of every file: RFC 4180 with CRLF, quotes only where needed. */
export const recordDelimiter = '\r\n';

/** Rows stringified at once: enough to amortise each call, few enough that a piece stays small. */
export const rowsPerPiece = 1000;

/** The options csv-stringify writes a table's rows with, its header row or not. */
function stringifyOptions(table: TableName, header: boolean) {
  return {
    header,
    columns: columnsOf(table).map((column) => column.name),
    record_delimiter: recordDelimiter,
    bom: false,
    // csv-stringify quotes a lone CR or LF only when asked; unquoted, a reader would split the record.
    quoted_match: /[\r\n]/,
    // Not csv-stringify's escape_formulas: cells arrive as text, and it would prefix negative numbers too.
  };
}

/** A table's header row. */
export function csvHeader(table: TableName): string {
  return stringify([], stringifyOptions(table, true));
}

/** Records as CSV rows, without the header, in the order given. */
export function csvRows(table: TableName, records: readonly object[], separator: MultiValueSeparator): string {
  const columns = columnsOf(table);
  return stringify(
    records.map((record) => columns.map((column) => formatCell(valueAt(record, column.path), column, separator))),
    stringifyOptions(table, false),
  );
}

/**
 * One table as CSV text, in pieces of whole rows: the header row, then the records in the order given
 * (tables come sorted by id). Joined, the pieces are the table's CSV.
 */
export function* csvPieces(table: TableName, records: Iterable<object>, separator: MultiValueSeparator): Generator<string> {
  let rows: object[] = [];
  let text = csvHeader(table);
  for (const record of records) {
    rows.push(record);
    if (rows.length === rowsPerPiece) {
      yield text + csvRows(table, rows, separator);
      text = '';
      rows = [];
    }
  }
  yield text + csvRows(table, rows, separator);
}

/** One table as CSV text (see csvPieces). */
export function tableToCsv(table: TableName, records: readonly object[], separator: MultiValueSeparator): string {
  return [...csvPieces(table, records, separator)].join('');
}

/** csv/<table>.csv for every table, in publish order, each as its pieces. */
export function csvFiles(dataset: Dataset, options: Pick<EmitOptions, 'multiValueSeparator'>): EmittedFile[] {
  checkOptions(options);
  return tables.map(({ name }) => ({ path: csvPath(name), pieces: () => csvPieces(name, dataset[name], options.multiValueSeparator) }));
}

/** csv/<table>.csv for every table, in publish order. */
export function emitCsv(dataset: Dataset, options: Pick<EmitOptions, 'multiValueSeparator'>): Map<string, string> {
  return joined(csvFiles(dataset, options));
}
