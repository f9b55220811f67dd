import { stringify } from 'csv-stringify/sync';
import { tables, type Dataset, type TableName } from '../../../model/lib/dataset.js';
import { csvPath } from '../files.js';
import { checkOptions, type EmitOptions } from '../options.js';
import { formatCell, valueAt, type MultiValueSeparator } from './cells.js';
import { columnsOf } from './columns.js';

/** CSV dialect of every file: RFC 4180 with CRLF, quotes only where needed. */
export const recordDelimiter = '\r\n';

/** One table as CSV text: header row, then the records in the order given (tables come sorted by id). */
export function tableToCsv(table: TableName, records: readonly object[], separator: MultiValueSeparator): string {
  const columns = columnsOf(table);
  const rows = records.map((record) => columns.map((column) => formatCell(valueAt(record, column.path), column, separator)));
  return stringify(rows, {
    header: true,
    columns: columns.map((column) => column.name),
    record_delimiter: recordDelimiter,
    bom: false,
    // csv-stringify quotes a lone CR or LF only when asked; unquoted, a reader would split the record.
    quoted_match: /[\r\n]/,
    // Not csv-stringify's escape_formulas: cells arrive as text, and it would prefix negative numbers too.
  });
}

/** csv/<table>.csv for every table, in publish order. */
export function emitCsv(dataset: Dataset, options: Pick<EmitOptions, 'multiValueSeparator'>): Map<string, string> {
  checkOptions(options);
  const files = new Map<string, string>();
  for (const { name } of tables) files.set(csvPath(name), tableToCsv(name, dataset[name], options.multiValueSeparator));
  return files;
}
