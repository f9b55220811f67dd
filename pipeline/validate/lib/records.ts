import type { VFile } from 'vfile';
import { tables, type Dataset } from '../../model/lib/dataset.js';
import { reportError } from '../../model/lib/diagnostics.js';
import { keyOf } from '../../model/lib/keys.js';
import { describeError, validatorFor } from './validators.js';

/**
 * Checks every record of the dataset, or of the tables given, against its table's JSON Schema. A record that fails is reported on
 * the file of its document (at its source position when it has one): no invalid record is ever written.
 */
export function validateRecords(dataset: Partial<Dataset>, fileOf: (documentId: string) => VFile | undefined, fallback: VFile): void {
  for (const { name, schema } of tables) {
    const records = dataset[name];
    if (records === undefined) continue;
    const validate = validatorFor(schema);
    for (const record of records as unknown as Array<Record<string, unknown>>) {
      if (validate(record)) continue;
      const documentId = typeof record['documentId'] === 'string' ? record['documentId'] : String(record['id']);
      const file = fileOf(documentId) ?? fallback;
      const position = record['position'] as { start: { line: number; column: number } } | undefined;
      for (const error of validate.errors ?? []) {
        reportError(file, describeError(error, `${name} record \`${keyOf(name, record)}\``), position?.start, `record-${error.keyword}`);
      }
    }
  }
}
