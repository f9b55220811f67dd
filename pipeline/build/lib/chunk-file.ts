import { pageTableNames } from '../../model/lib/dataset.js';
import { bytesOf, consistentEvents, type PageChunk, type PageEvents } from '../../emit/index.js';

/**
 * A page's chunk as the cache keeps it: its texts (the graph's nodes, each table's rows, its events'
 * rows and timeline items) as raw UTF-8, after a header in JSON that holds the rest and the texts'
 * lengths. Read back, the texts are bytes written to the files as they are: a rebuild of a large
 * corpus neither parses nor re-encodes them.
 * Layout: the header's length (4 bytes, little-endian), the header, then the texts in the header's order.
 */
interface Header extends Omit<PageChunk, 'jsonLd' | 'rows' | 'events'> {
  events: Omit<PageEvents, 'rows' | 'items'>;
  /** Bytes of the graph's nodes, of each page table's rows in pageTableNames order, of the events' rows, of their items. */
  lengths: number[];
}

export function encodeChunk(chunk: PageChunk): Buffer {
  const { jsonLd, rows, events, ...rest } = chunk;
  const { rows: eventRows, items, ...eventsRest } = events;
  const texts = [jsonLd, ...pageTableNames.map((name) => rows[name]), eventRows, items].map(bytesOf);
  const header = Buffer.from(JSON.stringify({ ...rest, events: eventsRest, lengths: texts.map((text) => text.byteLength) } satisfies Header), 'utf8');
  const size = Buffer.alloc(4);
  size.writeUInt32LE(header.byteLength);
  return Buffer.concat([size, header, ...texts]);
}

/** The chunk in `bytes`, or undefined when they are not one whole (a damaged entry is a miss). */
export function decodeChunk(bytes: Buffer): PageChunk | undefined {
  if (bytes.byteLength < 4) return undefined;
  const headerEnd = 4 + bytes.readUInt32LE(0);
  if (headerEnd > bytes.byteLength) return undefined;
  let header: Header;
  try {
    header = JSON.parse(bytes.toString('utf8', 4, headerEnd)) as Header;
  } catch {
    return undefined;
  }
  const { lengths, events, ...rest } = header;
  if (!Array.isArray(lengths) || lengths.length !== pageTableNames.length + 3) return undefined;
  const texts: Buffer[] = [];
  let offset = headerEnd;
  for (const length of lengths) {
    texts.push(bytes.subarray(offset, offset + length));
    offset += length;
  }
  if (offset !== bytes.byteLength) return undefined;
  const [jsonLd, ...tables] = texts;
  const [eventRows, items] = tables.splice(pageTableNames.length, 2) as [Buffer, Buffer];
  const pageEvents = { ...events, rows: eventRows, items };
  if (!consistentEvents(pageEvents)) return undefined;
  return { ...rest, jsonLd: jsonLd!, rows: Object.fromEntries(pageTableNames.map((name, index) => [name, tables[index]!])) as unknown as PageChunk['rows'], events: pageEvents };
}
