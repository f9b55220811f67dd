/** Reading the command line's sizes and durations: "4MiB", "500KB", "20s", "1500ms". */

const sizeUnits: Readonly<Record<string, number>> = { b: 1, kb: 1000, mb: 1000 ** 2, gb: 1000 ** 3, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3 };

/** Bytes in a size such as 4194304, 4MiB or 4.5MB (KB, MB, GB are powers of 1000; KiB, MiB, GiB of 1024). */
export function parseSize(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*([kmg]i?b|b)?$/i.exec(text.trim());
  if (!match) return undefined;
  const bytes = Number(match[1]) * sizeUnits[(match[2] ?? 'b').toLowerCase()]!;
  return Number.isFinite(bytes) && bytes >= 1 ? Math.floor(bytes) : undefined;
}

/** Milliseconds in a duration such as 20, 20s or 1500ms (a bare number is seconds). */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s)?$/i.exec(text.trim());
  if (!match) return undefined;
  const milliseconds = Number(match[1]) * (match[2]?.toLowerCase() === 'ms' ? 1 : 1000);
  return Number.isFinite(milliseconds) && milliseconds >= 1 ? Math.round(milliseconds) : undefined;
}

/** A whole number of at least 1. */
export function parseCount(text: string): number | undefined {
  return /^\d+$/.test(text.trim()) && Number(text) >= 1 && Number.isSafeInteger(Number(text)) ? Number(text) : undefined;
}
