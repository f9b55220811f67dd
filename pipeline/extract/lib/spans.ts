/** A claimed stretch of a passage; finders that run later may not overlap it. */
export interface Span {
  start: number;
  end: number;
}

/**
 * Keeps track of which parts of a passage are already taken by a name. The spans are kept in order and
 * never overlap, so a lookup is a binary search: a passage may hold thousands of names.
 */
export class Claims {
  private readonly spans: Span[] = [];

  overlaps(span: Span): boolean {
    // Only the last span that starts before `span` ends can reach into it: the ends are in order too.
    const before = this.spans[firstStartingAt(this.spans, span.end) - 1];
    return before !== undefined && span.start < before.end;
  }

  claim(span: Span): boolean {
    if (this.overlaps(span)) return false;
    this.spans.splice(firstStartingAt(this.spans, span.start + 1), 0, span);
    return true;
  }

  /** Gives up a span claimed before, exactly as claimed: a longer name read later takes its words. */
  release(span: Span): void {
    const index = this.spans.findIndex((claimed) => claimed.start === span.start && claimed.end === span.end);
    if (index >= 0) this.spans.splice(index, 1);
  }
}

/** Index of the first of `sorted` (ordered by start) that starts at or after `start`; its length when none does. */
export function firstStartingAt(sorted: readonly Span[], start: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]!.start < start) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The spans of `sorted` (ordered by start) that lie wholly within [start, end), in order. */
export function spansWithin<T extends Span>(sorted: readonly T[], start: number, end: number): T[] {
  const found: T[] = [];
  for (let i = firstStartingAt(sorted, start); i < sorted.length && sorted[i]!.start < end; i++) {
    if (sorted[i]!.end <= end) found.push(sorted[i]!);
  }
  return found;
}

/**
 * Whether a span overlaps any of `spans`, answered in logarithmic time: the spans sorted by start, and
 * the furthest end reached by each prefix of them (spans may nest or overlap).
 */
export function overlapTest(spans: readonly Span[]): (start: number, end: number) => boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const reach: number[] = [];
  sorted.forEach((span, index) => reach.push(Math.max(span.end, index > 0 ? reach[index - 1]! : -Infinity)));
  return (start, end) => {
    const before = firstStartingAt(sorted, end);
    return before > 0 && reach[before - 1]! > start;
  };
}

/** Whether a position of `text` stands inside round brackets, by one pass over the text. */
export function insideBrackets(text: string): (index: number) => boolean {
  const opens: number[] = [];
  const spans: Array<{ start: number; end: number }> = [];
  for (let i = text.indexOf('('); i >= 0 && i < text.length; i++) {
    if (text[i] === '(') opens.push(i);
    else if (text[i] === ')' && opens.length > 0) {
      const start = opens.pop()!;
      if (opens.length === 0) spans.push({ start, end: i });
    }
  }
  if (opens.length > 0) spans.push({ start: opens[0]!, end: text.length });
  const test = overlapTest(spans);
  return (index) => test(index, index + 1);
}

/**
 * The lists "A, B and C" among `items`, in text order: runs whose gaps `separator` matches, joined by
 * commas up to one "and" (or "or", "&") that joins the last; a run without one is no list. With
 * `clauses`, ", and" after a single item joins two clauses ("a member of ASEAN, and Manila hosted …").
 */
export function listsOf<T extends Span>(text: string, items: readonly T[], separator: RegExp, { clauses = false } = {}): T[][] {
  const lists: T[][] = [];
  let list: T[] = [];
  let joined = false;
  const close = () => {
    if (joined) lists.push(list);
    list = [];
    joined = false;
  };
  for (const item of items) {
    const previous = list[list.length - 1];
    const gap = previous ? separator.exec(text.slice(previous.end, item.start))?.[0] : undefined;
    if (previous && (gap === undefined || joined)) close();
    if (clauses && gap !== undefined && /^[^,]*,\s*and\s/.test(gap) && list.length === 1) close();
    else if (gap !== undefined && /\s(?:and|or|&)\s/.test(gap)) joined = true;
    list.push(item);
  }
  close();
  return lists;
}
