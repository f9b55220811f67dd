/** Conversions between UTF-16 indexes (JavaScript strings) and code-point offsets (what the data publishes). */

/** Code-point offset of UTF-16 index `index` in `text`. */
export function toCodePointOffset(text: string, index: number): number {
  let offset = 0;
  for (let i = 0; i < index && i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < index) i++;
    offset++;
  }
  return offset;
}

/** Slices `text` by code-point offsets. */
export function sliceCodePoints(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}

/** UTF-16 index of code-point offset `offset` in `text`. */
export function toUtf16Index(text: string, offset: number): number {
  let index = 0;
  for (let seen = 0; seen < offset && index < text.length; seen++) {
    const code = text.charCodeAt(index);
    index += code >= 0xd800 && code <= 0xdbff && index + 1 < text.length ? 2 : 1;
  }
  return index;
}
