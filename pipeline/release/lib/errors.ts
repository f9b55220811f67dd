/**
 * A reason the release is refused (a stale dist/, a version too small, an unreadable previous release).
 * The command line prints its message, one line, and never a stack trace.
 */
export class ReleaseError extends Error {
  override readonly name = 'ReleaseError';
}

/** "a, b and 3 more": the first few items of a list of problems, for a one-line message. */
export function summarise(items: readonly string[], shown = 3): string {
  const head = items.slice(0, shown).join('; ');
  return items.length > shown ? `${head}; and ${items.length - shown} more` : head;
}
