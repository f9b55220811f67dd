/** A worker thread that reads pages (runPageTask) and makes their chunks (runChunkTask) one at a time, for the pool in pool.ts. */
import { parentPort } from 'node:worker_threads';
import { runChunkTask } from './chunk-task.js';
import { readOutcomeOf, runPageTask, transferOf } from './page-task.js';
import { workerReady, type PoolReply, type PoolRequest } from './pool.js';

parentPort?.on('message', async (request: PoolRequest) => {
  const { id } = request;
  let reply: PoolReply;
  let transfer: ArrayBuffer[] = [];
  try {
    if ('task' in request) {
      const read = readOutcomeOf(runPageTask(request.task));
      reply = { id, read };
      transfer = transferOf(read);
    } else reply = { id, chunk: await runChunkTask(request.chunk) };
  } catch (error) {
    // A fault of the pipeline or of the machine, not of the page: the build stops, and says which.
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    reply = { id, fault: error instanceof Error ? (error.stack ?? error.message) : String(error), ...(typeof code === 'string' ? { code } : {}) };
  }
  parentPort?.postMessage(reply, transfer);
});

// Its code is loaded: the pool starts a page's time from here.
parentPort?.postMessage(workerReady);
