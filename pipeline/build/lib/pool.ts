import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { ChunkOutcome, ChunkTask } from './chunk-task.js';
import { workerYoungGeneration } from './options.js';
import type { PageReadOutcome, PageTask } from './page-task.js';

/** What a worker is asked to do: read a page, or make a page's chunk. */
export type PoolRequest = { id: number; task: PageTask } | { id: number; chunk: ChunkTask };

/** A fault carries the system's error code, when the system refused (a disk full, say), so that it is reported as such. */
export type PoolReply = { id: number; read: PageReadOutcome } | { id: number; chunk: ChunkOutcome } | { id: number; fault: string; code?: string };

/** Why a page could not be read within the pool's limits. */
export type PoolFailure = { failure: 'timeout' } | { failure: 'memory' };

export interface PoolOptions {
  /** Worker threads: one per core. */
  size: number;
  /** Longest time one page may take, in milliseconds. */
  timeout: number;
  /** Heap each worker may use, in MB. */
  maxMemory: number;
}

interface Slot {
  worker: StartedWorker | undefined;
  busy: boolean;
}

/** A page worker, and when it is ready: its code loaded, it says so (see page-worker.ts). */
interface StartedWorker {
  worker: Worker;
  ready: Promise<void>;
}

const workerUrl = new URL('./page-worker.ts', import.meta.url).href;

/**
 * Reads pages in worker threads, one page per worker at a time: pages are independent, so a corpus uses
 * every core. A page that takes longer than the time limit, or more memory than the cap, costs its
 * worker (replaced for the next page) and comes back as a failure, never a crash of the build.
 */
export class PagePool {
  private readonly slots: Slot[];
  private readonly waiting: Array<() => void> = [];
  private nextId = 0;

  constructor(private readonly options: PoolOptions) {
    this.slots = Array.from({ length: Math.max(1, options.size) }, () => ({ worker: undefined, busy: false }));
  }

  /** How many pages are read at once. */
  get size(): number {
    return this.slots.length;
  }

  async run(task: PageTask): Promise<PageReadOutcome | PoolFailure> {
    const reply = await this.send((id) => ({ id, task }), task.shownPath);
    return 'failure' in reply ? reply : (reply as { read: PageReadOutcome }).read;
  }

  /** Makes a page's chunk (see runChunkTask), under the same limits as reading it. */
  async chunk(task: ChunkTask): Promise<ChunkOutcome | PoolFailure> {
    const reply = await this.send((id) => ({ id, chunk: task }), task.shownPath);
    return 'failure' in reply ? reply : (reply as { chunk: ChunkOutcome }).chunk;
  }

  private async send(request: (id: number) => PoolRequest, shownPath: string): Promise<PoolReply | PoolFailure> {
    const slot = await this.acquire();
    try {
      return await this.runOn(slot, request(this.nextId++), shownPath);
    } finally {
      slot.busy = false;
      this.waiting.shift()?.();
    }
  }

  /** How many workers are alive (started and not stopped). */
  get running(): number {
    return this.slots.filter((slot) => slot.worker !== undefined).length;
  }

  /**
   * Starts one worker now, if none is running, so that its code is loaded by the time a page is sent:
   * for a rebuild, which learns which pages changed only after hashing them all.
   */
  warm(): void {
    if (this.running > 0) return;
    const slot = this.slots[0]!;
    slot.worker ??= startWorker(this.options.maxMemory);
  }

  /**
   * Stops the workers that are idle, which gives back all they held; the next page starts new ones. A
   * worker busy with a page (another build's, in this process) is left to it.
   */
  async recycle(): Promise<void> {
    await Promise.all(this.slots.filter((slot) => !slot.busy).map((slot) => this.stop(slot)));
  }

  /** Stops every worker; the next page starts new ones. */
  async close(): Promise<void> {
    await Promise.all(this.slots.map((slot) => this.stop(slot)));
  }

  private async acquire(): Promise<Slot> {
    for (;;) {
      const free = this.slots.find((slot) => !slot.busy);
      if (free) {
        free.busy = true;
        return free;
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  private async runOn(slot: Slot, request: PoolRequest, shownPath: string): Promise<PoolReply | PoolFailure> {
    const started = (slot.worker ??= startWorker(this.options.maxMemory));
    const { worker } = started;
    const id = request.id;
    worker.ref();
    // The page's time starts once the worker is ready: loading the pipeline's code takes a second or
    // more (several on a busy machine), which is no page's doing.
    try {
      await started.ready;
    } catch (error) {
      worker.unref();
      await this.stop(slot);
      throw error;
    }
    const replied = nextMessage(worker, (message): message is PoolReply => (message as PoolReply).id === id, this.options.timeout);
    worker.postMessage(request);
    const reply = await replied;
    worker.unref();
    if (reply === 'timeout') {
      await this.stop(slot);
      return { failure: 'timeout' };
    }
    if (reply instanceof Error) {
      await this.stop(slot);
      if ((reply as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') return { failure: 'memory' };
      throw reply;
    }
    if ('fault' in reply) throw Object.assign(new Error(`reading ${shownPath} failed: ${reply.fault}`), reply.code !== undefined ? { code: reply.code } : {});
    return reply;
  }

  private async stop(slot: Slot): Promise<void> {
    const started = slot.worker;
    slot.worker = undefined;
    if (started) await started.worker.terminate();
  }
}

/** The message a page worker sends once its code is loaded. */
export const workerReady = 'page worker ready';

function startWorker(maxMemory: number): StartedWorker {
  const worker = startModuleWorker(workerUrl, { resourceLimits: { maxOldGenerationSizeMb: maxMemory } });
  // An idle worker must not keep the process alive; run() holds a reference while a page is read.
  worker.unref();
  const ready = nextMessage(worker, (message): message is typeof workerReady => message === workerReady).then((message) => {
    if (message instanceof Error) throw message;
  });
  // Awaited by the first page sent to it; a worker that never gets one must not leave a rejection unhandled.
  ready.catch(() => undefined);
  return { worker, ready };
}

/**
 * A worker thread running the TypeScript module at `url`: from its bundle, when this code runs from the
 * bundles pipeline/compile.mjs makes (the worker's is beside it, by the same name); otherwise through
 * tsx's API, whatever runs the main thread (tsx, vitest). Its young generation is workerYoungGeneration
 * unless `options` say otherwise.
 */
export function startModuleWorker(url: string, options: Pick<WorkerOptions, 'resourceLimits'> = {}, data: Record<string, unknown> = {}): Worker {
  const settings = { resourceLimits: { maxYoungGenerationSizeMb: workerYoungGeneration, ...options.resourceLimits }, workerData: { ...data, url } };
  const bundle = bundleOf(url);
  if (bundle) return new Worker(bundle, settings);
  const bootstrap = `import('tsx/esm/api').then(({ tsImport }) => tsImport(require('node:worker_threads').workerData.url, require('node:worker_threads').workerData.url))`;
  return new Worker(bootstrap, { ...settings, eval: true });
}

/**
 * The folder of the bundle this code runs from, if it does: compile.mjs keeps each module's
 * `import.meta.url` as its TypeScript file's, but not its `import.meta.filename`.
 */
const bundleFolder = import.meta.filename?.endsWith('.mjs') ? dirname(import.meta.filename) : undefined;

function bundleOf(url: string): URL | undefined {
  if (bundleFolder === undefined) return undefined;
  const bundle = join(bundleFolder, `${basename(fileURLToPath(url), '.ts')}.mjs`);
  return existsSync(bundle) ? pathToFileURL(bundle) : undefined;
}

/**
 * The first message of `worker` that `accepts` takes; or the error, or the exit, that comes first (as
 * an Error); or, after `timeout` milliseconds, 'timeout'. Its listeners are removed once it settles.
 */
function nextMessage<T>(worker: Worker, accepts: (message: unknown) => message is T, timeout?: number): Promise<T | Error | 'timeout'> {
  return new Promise((resolve) => {
    const timer = timeout === undefined ? undefined : setTimeout(() => settle('timeout'), timeout);
    const onMessage = (message: unknown) => {
      if (accepts(message)) settle(message);
    };
    const onError = (error: Error) => settle(error);
    const onExit = (code: number) => settle(new Error(`the page worker stopped with code ${code}`));
    function settle(value: T | Error | 'timeout') {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      resolve(value);
    }
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
  });
}
