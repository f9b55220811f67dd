/**
 * A worker thread that makes timeline.md for threadTimeline: it serialises each event's item as the
 * pages come, then sorts them and hands the text back a piece at a time, when asked.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { timelineItem, timelineText, type TimelineEvent, type TimelineItem } from '../../emit/index.js';
import type { TimelineRequest } from './timeline-thread.js';

const names = new Map((workerData as { names: Array<[string, string]> }).names);
const items: TimelineItem[] = [];
let pieces: Generator<string> | undefined;
/** Pieces sent together, so that a large timeline takes a few hundred messages, not a message per piece. */
const bytesPerMessage = 1 << 20;

parentPort!.on('message', (request: TimelineRequest) => {
  if (request.type === 'add') {
    for (const event of request.events as TimelineEvent[]) items.push(timelineItem(event, names));
    return;
  }
  pieces ??= timelineText(items);
  let text = '';
  let next = pieces.next();
  while (!next.done) {
    text += next.value;
    if (text.length >= bytesPerMessage) break;
    next = pieces.next();
  }
  parentPort!.postMessage({ text, done: next.done === true });
});
