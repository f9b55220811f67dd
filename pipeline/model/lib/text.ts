/** Conversions between UTF-16 indexes (JavaScript strings) and code-point offsets (what the data publishes). */

const surrogate = /[\uD800-\uDFFF]/;

/**
 * Both conversions for one text, each O(1) after one pass over it: a page can hold thousands of
 * mentions in one passage, and walking the text from its start for each would be quadratic.
 */
export class CodePoints {
  /** Code-point offset of every UTF-16 index, or undefined when the two coincide (no astral character). */
  private readonly offsets: Uint32Array | undefined;
  /** UTF-16 index of every code-point offset, when they differ. */
  private readonly indexes: Uint32Array | undefined;

  constructor(private readonly text: string) {
    if (!surrogate.test(text)) return;
    this.offsets = new Uint32Array(text.length + 1);
    const indexes: number[] = [];
    let offset = 0;
    for (let i = 0; i < text.length; i++) {
      this.offsets[i] = offset;
      indexes.push(i);
      const code = text.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
        // The low surrogate of a pair belongs to the code point its high surrogate opens.
        this.offsets[i + 1] = offset + 1;
        i++;
      }
      offset++;
    }
    this.offsets[text.length] = offset;
    indexes.push(text.length);
    this.indexes = Uint32Array.from(indexes);
  }

  /** Code-point offset of UTF-16 index `index` (clamped to the text). */
  offsetOf(index: number): number {
    const clamped = Math.max(0, Math.min(index, this.text.length));
    return this.offsets ? this.offsets[clamped]! : clamped;
  }

  /** UTF-16 index of code-point offset `offset` (clamped to the text). */
  indexOf(offset: number): number {
    if (!this.indexes) return Math.max(0, Math.min(offset, this.text.length));
    return this.indexes[Math.max(0, Math.min(offset, this.indexes.length - 1))]!;
  }
}

/** Code-point offset of UTF-16 index `index` in `text`. For many lookups in one text, use CodePoints. */
export function toCodePointOffset(text: string, index: number): number {
  return new CodePoints(text).offsetOf(index);
}

/** UTF-16 index of code-point offset `offset` in `text`. For many lookups in one text, use CodePoints. */
export function toUtf16Index(text: string, offset: number): number {
  return new CodePoints(text).indexOf(offset);
}

/** Slices `text` by code-point offsets. */
export function sliceCodePoints(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}

/**
 * A string of its own with `text`'s characters. A string cut from a longer one (a word from a page's
 * text, a value from a parser's chunk) is, to V8, a slice that keeps the whole longer one alive: one
 * kept for long (a cache's key, a value waiting to be checked) is copied first. Through UTF-8, which
 * gives the same characters back for any text read from UTF-8 (it holds no lone surrogate).
 */
export function ownCopy(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}
