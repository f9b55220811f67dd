import type { Dataset } from '../../../model/lib/dataset.js';
import { readmePath, timelinePath } from '../files.js';
import { checkOptions, type EmitOptions } from '../options.js';
import { datasetCard } from './card.js';
import { timeline } from './timeline.js';

/** README.md (the dataset card) and timeline.md. */
export function emitMarkdown(dataset: Dataset, options: EmitOptions): Map<string, string> {
  checkOptions(options);
  return new Map([
    [readmePath, datasetCard(dataset, options)],
    [timelinePath, timeline(dataset)],
  ]);
}
