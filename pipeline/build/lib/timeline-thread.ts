import { once } from 'node:events';
import type { TimelineBuilder, TimelineEvent, TimelineFactory } from '../../emit/index.js';
import { startModuleWorker } from './pool.js';

const workerUrl = new URL('./timeline-worker.ts', import.meta.url).href;

/** What the build asks of the timeline's thread: take a page's events, or give the next piece of text. */
export type TimelineRequest = { type: 'add'; events: readonly TimelineEvent[] } | { type: 'next' };

/**
 * A timeline made in a worker thread of its own (see timeline-worker.ts): serialising a list item per
 * event is most of the cost of timeline.md, and while the pages are written the second core is free.
 * The thread ends when the builder is closed, once the pieces are written or the writing stopped.
 */
export const threadTimeline: TimelineFactory = (names): TimelineBuilder => {
  const worker = startModuleWorker(workerUrl, {}, { names: [...names] });
  let failure: Error | undefined;
  worker.on('error', (error) => {
    failure = error;
  });
  // A thread that ends without a word (killed, out of memory) must not leave the build waiting.
  const exited = once(worker, 'exit').then(([code]) => Promise.reject(failure ?? new Error(`the timeline's thread stopped (exit code ${String(code)})`)));
  exited.catch(() => undefined);
  return {
    add: (events) => {
      if (events.length > 0) worker.postMessage({ type: 'add', events } satisfies TimelineRequest);
    },
    pieces: async function* () {
      for (;;) {
        worker.postMessage({ type: 'next' } satisfies TimelineRequest);
        const [reply] = (await Promise.race([once(worker, 'message'), exited])) as [{ text: string; done: boolean }];
        if (reply.text !== '') yield reply.text;
        if (reply.done) return;
      }
    },
    close: async () => {
      await worker.terminate();
    },
  };
};
