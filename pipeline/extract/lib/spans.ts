/** A claimed stretch of a passage; finders that run later may not overlap it. */
export interface Span {
  start: number;
  end: number;
}

/** Keeps track of which parts of a passage are already taken by a name. */
export class Claims {
  private readonly spans: Span[] = [];

  overlaps(span: Span): boolean {
    return this.spans.some((taken) => span.start < taken.end && taken.start < span.end);
  }

  claim(span: Span): boolean {
    if (this.overlaps(span)) return false;
    this.spans.push(span);
    return true;
  }
}
