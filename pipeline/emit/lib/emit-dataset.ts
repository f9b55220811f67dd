import type { Dataset } from '../../model/lib/dataset.js';
import { emitCsv } from './csv/tables.js';
import { emitJsonLd } from './jsonld/graph.js';
import { emitMarkdown } from './markdown/emit.js';
import { checkOptions, type EmitOptions } from './options.js';

/**
 * Every file of the dataset: relative POSIX path → UTF-8 text. Pure: the same dataset and options give
 * the same bytes (no clock, no locale), and nothing is written; the build stage writes the files.
 */
export async function emitDataset(dataset: Dataset, options: EmitOptions): Promise<Map<string, string>> {
  checkOptions(options);
  return new Map([...emitJsonLd(dataset, options), ...emitCsv(dataset, options), ...emitMarkdown(dataset, options)]);
}
