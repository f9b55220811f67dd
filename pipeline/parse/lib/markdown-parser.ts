import type { Root } from 'mdast';
import type { Point } from 'unist';
import { Worker } from 'node:worker_threads';
import type { VFile } from 'vfile';
import { reportError } from '../../model/lib/diagnostics.js';

/** Limits on parsing one page. */
export interface ParseLimits {
  /** Deepest nesting of the syntax tree (block quotes, lists, emphasis, links), counted in tree levels. */
  maxDepth: number;
  /** Longest time parsing one page may take, in milliseconds. */
  timeout: number;
  /** Most memory the parser may use, in MB (the old generation of its heap). */
  maxMemory: number;
  /** How to raise each limit, as the command line spells it: named in the messages. */
  raise: { maxDepth: string; timeout: string };
}

export interface ParseRequest {
  id: number;
  text: string;
  maxDepth: number;
}

export type ParseResponse = { id: number; tree: Root } | { id: number; tooDeep: { depth: number; place?: Point } };

const workerUrl = new URL('./markdown-worker.ts', import.meta.url).href;

/**
 * Parses pages in a worker thread with a time and a memory limit. A page that exceeds one is an error on
 * its file; the worker is then replaced, and the build goes on with the next page.
 */
export class MarkdownParser {
  private worker: Worker | undefined;
  private nextId = 0;

  constructor(private readonly limits: ParseLimits) {}

  /** The tree of `file`, or undefined with an error on the file when a limit was exceeded. */
  async parse(file: VFile): Promise<Root | undefined> {
    const worker = (this.worker ??= startWorker(this.limits.maxMemory));
    const id = this.nextId++;
    const outcome = await new Promise<ParseResponse | 'timeout' | Error>((resolve) => {
      const timer = setTimeout(() => resolve('timeout'), this.limits.timeout);
      const settle = (value: ParseResponse | Error) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        resolve(value);
      };
      const onMessage = (response: ParseResponse) => {
        if (response.id === id) settle(response);
      };
      const onError = (error: Error) => settle(error);
      const onExit = (code: number) => settle(new Error(`the parser stopped with code ${code}`));
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.once('exit', onExit);
      worker.postMessage({ id, text: String(file.value), maxDepth: this.limits.maxDepth } satisfies ParseRequest);
    });
    if (outcome === 'timeout' || outcome instanceof Error) await this.close();
    if (outcome === 'timeout') {
      const seconds = this.limits.timeout / 1000;
      reportError(file, `Parsing the page took longer than ${seconds} s, the limit: simplify its Markdown, or raise the limit with ${this.limits.raise.timeout}`, undefined, 'limit-parse-time');
      return undefined;
    }
    if (outcome instanceof Error) {
      const memory = (outcome as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
      reportError(
        file,
        memory ? `Parsing the page needs more than ${this.limits.maxMemory} MB of memory: split the page into smaller ones` : `The Markdown parser failed on the page: ${outcome.message}`,
        undefined,
        memory ? 'limit-memory' : 'parse-failed',
      );
      return undefined;
    }
    if ('tooDeep' in outcome) {
      reportError(
        file,
        `Markdown is nested ${outcome.tooDeep.depth} levels deep (block quotes, lists, emphasis), deeper than the limit of ${this.limits.maxDepth}: flatten it, or raise the limit with ${this.limits.raise.maxDepth}`,
        outcome.tooDeep.place,
        'limit-depth',
      );
      return undefined;
    }
    return outcome.tree;
  }

  /** Stops the worker; the next parse starts a new one. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }
}

function startWorker(maxMemory: number): Worker {
  // The worker imports its TypeScript through tsx's API, whatever runs the main thread (tsx, vitest).
  const bootstrap = `import('tsx/esm/api').then(({ tsImport }) => tsImport(require('node:worker_threads').workerData.url, require('node:worker_threads').workerData.url))`;
  const worker = new Worker(bootstrap, { eval: true, workerData: { url: workerUrl }, resourceLimits: { maxOldGenerationSizeMb: maxMemory } });
  // An idle worker must not keep the process alive.
  worker.unref();
  return worker;
}
