import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

/** Below this much heap in use, collecting is not worth its time (a build of a few pages; the tests). */
const worthCollecting = 128 * 2 ** 20;

/**
 * Collects the garbage now, whole, when the heap holds more than `above` bytes (or, `of` buffers, when
 * the buffers outside the heap do: a few small objects may hold megabytes there). A large build lets go
 * of hundreds of megabytes at once at two points: the pages' summaries once merged, and what the
 * emission held once the files are written. Left to itself, V8 goes on growing the heap towards a
 * limit it set while the build held the most, and the process's memory peaks later, full of garbage:
 * collected there, a cold build of 10,000 pages peaked at 998 MB instead of 1,116 to 1,210 MB, for a
 * few tenths of a second. V8 gives `gc` to contexts made once --expose-gc is set, whatever the
 * command line: one is made for it.
 */
export function collectGarbage(above = worthCollecting, { of = 'heap' }: { of?: 'heap' | 'buffers' } = {}): void {
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  if ((of === 'heap' ? heapUsed : arrayBuffers) < above) return;
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  // Compacted: a plain collection leaves the pages the garbage was spread over committed (a heap of
  // 320 MB holding 115 MB stayed 320 MB), and the process's memory with them.
  setFlagsFromString('--compact-on-every-full-gc');
  try {
    gc();
  } finally {
    setFlagsFromString('--no-compact-on-every-full-gc');
  }
}
