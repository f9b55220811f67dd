/**
 * Parses pages off the main thread, so that a page the Markdown parser chokes on can be stopped after a
 * time limit, and one that needs too much memory kills this worker, not the build.
 */
import { parentPort } from 'node:worker_threads';
import { parseMarkdown, treeDepth } from './markdown.js';
import type { ParseRequest, ParseResponse } from './markdown-parser.js';

parentPort?.on('message', ({ id, text, maxDepth }: ParseRequest) => {
  const tree = parseMarkdown(text);
  const { depth, place } = treeDepth(tree);
  // A tree deeper than the limit is not sent back: copying it across threads would recurse as deep.
  const response: ParseResponse = depth > maxDepth ? { id, tooDeep: { depth, ...(place ? { place } : {}) } } : { id, tree };
  parentPort?.postMessage(response);
});
