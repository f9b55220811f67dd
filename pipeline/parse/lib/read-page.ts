import { VFile } from 'vfile';
import { reportError } from '../../model/lib/diagnostics.js';

/**
 * Turns the bytes of a page into a VFile of clean text: a UTF-8 byte order mark is dropped and CRLF or
 * CR line ends become LF, so such a file builds exactly like the clean one. Bytes that are not UTF-8 are
 * an error, reported on the returned file, whose value is then empty.
 */
export function readPage(path: string, bytes: Uint8Array): VFile {
  const file = new VFile({ path, value: '' });
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    file.value = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  } catch {
    reportError(file, 'File is not valid UTF-8 text: save it as UTF-8', undefined, 'encoding');
  }
  return file;
}
