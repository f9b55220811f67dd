import { VFile } from 'vfile';
import { location } from 'vfile-location';
import { reportError } from '../../model/lib/diagnostics.js';

/** Control characters no text page holds (all of C0 but tab and line ends): their presence means binary or damaged data. */
const controlCharacter = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

/**
 * Turns the bytes of a page into a VFile of clean text: a UTF-8 byte order mark is dropped and CRLF or
 * CR line ends become LF, so such a file builds exactly like the clean one. Bytes that are not UTF-8, and
 * control characters, are an error, reported on the returned file, whose value is then empty.
 */
export function readPage(path: string, bytes: Uint8Array): VFile {
  const file = new VFile({ path, value: '' });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    reportError(file, 'File is not valid UTF-8 text: save it as UTF-8', undefined, 'encoding');
    return file;
  }
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const control = controlCharacter.exec(text);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    const place = location(text).toPoint(control.index);
    reportError(file, `File holds the control character U+${code}, which no text page contains: is it a binary file? Remove the character or export the page as text again`, place, 'control-character');
    return file;
  }
  file.value = text;
  return file;
}
