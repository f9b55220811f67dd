/** A worker thread that reads pages (runPageTask) one at a time, for the pool in pool.ts. */
import { parentPort } from 'node:worker_threads';
import { runPageTask, type PageTask } from './page-task.js';
import type { PoolReply } from './pool.js';

parentPort?.on('message', ({ id, task }: { id: number; task: PageTask }) => {
  let reply: PoolReply;
  try {
    reply = { id, outcome: runPageTask(task) };
  } catch (error) {
    // A fault of the pipeline, not of the page: the build stops with an internal error.
    reply = { id, fault: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort?.postMessage(reply);
});
