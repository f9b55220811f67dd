import { stat } from 'node:fs';

/** How often a build wakes the thread pool: a wake-up lost costs it at most this long. */
const wakeInterval = 250;

/** Queues a file operation (a stat of the working folder, its result unused): libuv signals a sleeping thread of its pool. */
export function wakeThreadPool(): void {
  stat('.', () => undefined);
}

/**
 * Keeps libuv's thread pool from sleeping on work it was given, until the function returned is called.
 * glibc's condition variables can lose a wake-up (https://sourceware.org/bugzilla/show_bug.cgi?id=25847,
 * fixed in glibc 2.41; Debian 12 has 2.36): a file operation is queued, every thread of the pool goes
 * on waiting, and the build waits for it for ever. A rebuild of 10,000 pages hung so, half-way through
 * writing its files, with one read queued and the four threads asleep; one more operation queued woke
 * them and it went on. So, while a build runs, one is queued every `interval` milliseconds (a stat: a
 * few microseconds). The timer does not keep the process alive.
 */
export function keepThreadPoolAwake(interval = wakeInterval, wake: () => void = wakeThreadPool): () => void {
  const timer = setInterval(wake, interval);
  timer.unref();
  return () => clearInterval(timer);
}
