export { emitDataset, writeDataset, type PageEntitiesWritten, type PageWritten } from './lib/emit-dataset.js';
export { fingerprint, FingerprintBuilder, MemoryScratch, MemorySink, type EmittedFile, type FileSink, type FileWriter, type Fingerprint, type Scratch } from './lib/sink.js';
export { checkOptions, type EmitOptions } from './lib/options.js';
export { emitJsonLd, jsonLdDocument, nodeContextFor } from './lib/jsonld/graph.js';
export { context as jsonLdContext } from './lib/jsonld/context.js';
export { emitCsv, recordDelimiter, tableToCsv } from './lib/csv/tables.js';
export { columnOf, columnsOf, describeTable, type Column, type ColumnType, type TableDescription } from './lib/csv/columns.js';
export {
  escapeCharacter,
  formatCell,
  formulaPrefix,
  formulaTriggers,
  joinValues,
  neutraliseFormula,
  restoreFormula,
  splitValues,
  type MultiValueSeparator,
} from './lib/csv/cells.js';
export { emitMarkdown } from './lib/markdown/emit.js';
export { timelineItem, timelineText, type TimelineEvent, type TimelineItem } from './lib/markdown/timeline.js';
export { chunkContext, isPageChunk, pageChunk, type ChunkContext, type EmitParts, type PageChunk } from './lib/page-chunk.js';
export { consistentEvents, EventIndex, pageEvents, type PageEvents } from './lib/page-events.js';
export { byteLength, bytesOf, type Text } from './lib/text.js';
export { csvPath, jsonLdPath, readmePath, timelinePath } from './lib/files.js';
export { plainDecimal } from './lib/decimal.js';
export { blockList, code, heading, link, list, paragraph, serialise, strong, table, text } from './lib/markdown/mdast.js';
export { sourceBlocks } from './lib/markdown/card.js';
export { emitQuality, type QualityInput } from './lib/quality/quality.js';
