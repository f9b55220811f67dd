import { describe, expect, it } from 'vitest';
import { parsePage, readPage } from '../../pipeline/parse/index.js';
import { validFrontMatter } from '../helpers.js';

const clean = `${validFrontMatter}\n# Title\n\nA paragraph. Another one.\n`;

function parseBytes(bytes: Uint8Array) {
  const file = readPage('page.md', bytes);
  const { file: _file, tree: _tree, ...rest } = parsePage(file, 'page.md');
  return rest;
}

describe('readPage', () => {
  it('builds a file with a byte order mark and CRLF line ends exactly like the clean one', () => {
    const encoder = new TextEncoder();
    const expected = parseBytes(encoder.encode(clean));
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...encoder.encode(clean.replaceAll('\n', '\r\n'))]);
    expect(parseBytes(bom)).toEqual(expected);
  });

  it('reports bytes that are not UTF-8 as an error on the file', () => {
    const file = readPage('latin1.md', new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xe9, 0xe0, 0x0a]));
    expect(file.messages).toHaveLength(1);
    expect(file.messages[0]).toMatchObject({ fatal: true, ruleId: 'encoding', source: 'open-data-pipeline' });
    expect(String(file.value)).toBe('');
  });
});
