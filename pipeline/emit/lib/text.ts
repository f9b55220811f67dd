/** Text as made (a string) or as kept (its UTF-8 bytes, read back from a cache). */
export type Text = string | Uint8Array;

/** Its size in UTF-8 bytes. */
export function byteLength(text: Text): number {
  return typeof text === 'string' ? Buffer.byteLength(text) : text.byteLength;
}

/** Its UTF-8 bytes (the bytes themselves when it is kept as bytes). */
export function bytesOf(text: Text): Uint8Array {
  return typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
}
