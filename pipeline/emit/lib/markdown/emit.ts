import { summaryOf, type Dataset } from '../../../model/lib/dataset.js';
import { readmePath, timelinePath } from '../files.js';
import { checkOptions, type EmitOptions } from '../options.js';
import { joined, type EmittedFile } from '../sink.js';
import { datasetCard } from './card.js';
import { timelinePieces } from './timeline.js';

/** README.md (the dataset card) and timeline.md, each as its pieces. */
export function markdownFiles(dataset: Dataset, options: EmitOptions): EmittedFile[] {
  checkOptions(options);
  return [
    { path: readmePath, pieces: () => [datasetCard(summaryOf(dataset), options)] },
    { path: timelinePath, pieces: () => timelinePieces(dataset.events, dataset) },
  ];
}

/** README.md (the dataset card) and timeline.md. */
export function emitMarkdown(dataset: Dataset, options: EmitOptions): Map<string, string> {
  return joined(markdownFiles(dataset, options));
}
