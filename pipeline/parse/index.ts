export { readPage } from './lib/read-page.js';
export { documentIdFor, parsePage } from './lib/parse-page.js';
export { passageText, sourceOffsetOf } from './lib/passage-text.js';
export { splitSentences } from './lib/sentences.js';
export { sourcePoint } from './lib/positions.js';
export type { ParsedPage, ParsedPassage, TextSegment } from './lib/types.js';
export { parseMarkdown, treeDepth } from './lib/markdown.js';
