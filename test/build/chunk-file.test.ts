/**
 * A page's chunk as the cache keeps it (chunk-file.ts): its texts as raw UTF-8 after a JSON header. Read
 * back, it is the chunk it was, its texts as bytes; anything that is not one whole is a miss.
 */
import { describe, expect, it } from 'vitest';
import { decodeChunk, encodeChunk } from '../../pipeline/build/lib/chunk-file.js';
import type { PageChunk } from '../../pipeline/emit/index.js';
import { chunkAsText } from '../helpers.js';

const chunk: PageChunk = {
  jsonLd: '{"@id":"https://example.org/#page/a"},\n{"@id":"https://example.org/#page/a/section/1","name":"Zürich – 東京"}',
  nodes: 2,
  rows: { documents: 'page/a,a.md\r\n', sections: 'page/a/section/1,"Zürich, 東京"\r\n', passages: '', sentences: '', events: '', participants: '', mentions: '' },
  counts: { documents: 1, sections: 1, passages: 0, sentences: 0, events: 0, participants: 0, mentions: 0 },
  events: {
    ids: ['page/a/event/1', 'page/a/event/2'],
    startDates: ['2011-05', '2012'],
    rows: 'page/a/event/1,event,A meeting\r\npage/a/event/2,event,"Zürich, 東京"\r\n',
    rowBytes: [32, 40],
    items: '* **2011-05** A meeting\n* **2012** Zürich, 東京\n',
    itemBytes: [24, 27],
  },
  temporal: { start: '2011-05', end: '2011-05' },
  sources: ['### Zürich – 東京\n\n- Publisher: A ministry\n'],
};


describe('a chunk kept in the cache', () => {
  it('reads back as it was written, its texts as their UTF-8 bytes', () => {
    const decoded = decodeChunk(encodeChunk(chunk))!;
    expect(decoded.jsonLd).toBeInstanceOf(Uint8Array);
    expect(chunkAsText(decoded)).toEqual(chunk);
  });

  it('keeps bytes as bytes: a chunk read back and kept again is the same file', () => {
    const encoded = encodeChunk(chunk);
    expect(encodeChunk(decodeChunk(encoded)!).equals(encoded)).toBe(true);
  });

  it('is a miss when its events say other lengths than their texts have', () => {
    const lengths = (events: Partial<PageChunk['events']>) => decodeChunk(encodeChunk({ ...chunk, events: { ...chunk.events, ...events } }));
    expect(lengths({})).toBeDefined();
    expect(lengths({ rowBytes: [32, 39] })).toBeUndefined();
    expect(lengths({ itemBytes: [24] })).toBeUndefined();
    expect(lengths({ startDates: ['2011-05'] })).toBeUndefined();
  });

  it('is a miss when it is cut short, has bytes too many, or a header that is not JSON', () => {
    const encoded = encodeChunk(chunk);
    expect(decodeChunk(encoded.subarray(0, encoded.byteLength - 1))).toBeUndefined();
    expect(decodeChunk(Buffer.concat([encoded, Buffer.from('x')]))).toBeUndefined();
    expect(decodeChunk(encoded.subarray(0, 3))).toBeUndefined();
    const broken = Buffer.from(encoded);
    broken[4] = 0x7b + 1;
    expect(decodeChunk(broken)).toBeUndefined();
  });
});
