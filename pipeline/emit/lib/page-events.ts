import { eventEntity } from '../../model/lib/dataset.js';
import type { Entity, Event } from '../../model/types.js';
import { csvHeader, csvRows, rowsPerPiece } from './csv/tables.js';
import type { PageEntitiesWritten } from './emit-dataset.js';
import { byDateThenId, emptyTimeline, eventsPerPiece, timelineEvent, timelineHeading, timelineItem } from './markdown/timeline.js';
import type { ChunkContext } from './page-chunk.js';
import type { EmitOptions } from './options.js';
import type { Scratch } from './sink.js';
import { byteLength, bytesOf, type Text } from './text.js';

/**
 * What a page's chunk carries of its events for the two files written after every page: each event's
 * row in csv/entities.csv (the index of everything a mention names) and its item in timeline.md, as
 * text, with what those files are ordered by. The events come in id order, the index's.
 */
export interface PageEvents {
  ids: string[];
  startDates: string[];
  /** The events' rows of csv/entities.csv, one after another (no header); the bytes of each in rowBytes. */
  rows: Text;
  rowBytes: number[];
  /** Their items of timeline.md, one after another; the bytes of each in itemBytes. */
  items: Text;
  itemBytes: number[];
}

/** A page's events as its chunk carries them (see PageEvents). */
export function pageEvents(events: readonly Event[], context: ChunkContext): PageEvents {
  const sorted = [...events].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // A row at a time: where one ends is known without reading the CSV again.
  const rows = sorted.map((event) => csvRows('entities', [eventEntity(event)], context.separator));
  const items = sorted.map((event) => timelineItem(timelineEvent(event), context.names).text);
  return {
    ids: sorted.map((event) => event.id),
    startDates: sorted.map((event) => event.startDate),
    rows: rows.join(''),
    rowBytes: rows.map(byteLength),
    items: items.join(''),
    itemBytes: items.map(byteLength),
  };
}

/** Whether the texts of `events` have the lengths it says (a chunk read back whole has). */
export function consistentEvents(events: PageEvents): boolean {
  const count = events.ids.length;
  const sum = (lengths: readonly number[]) => lengths.reduce((total, length) => total + length, 0);
  return events.startDates.length === count && events.rowBytes.length === count && events.itemBytes.length === count && sum(events.rowBytes) === byteLength(events.rows) && sum(events.itemBytes) === byteLength(events.items);
}

/**
 * Every page's events, set aside as the pages are written (see PageEvents): their texts in a scratch,
 * and of each event only what csv/entities.csv and timeline.md are ordered by and where its texts
 * are. At 10,000 pages (259,000 events) the objects these two files were made from held 177 MB of
 * the heap, in the phase where the build's memory peaked.
 */
export class EventIndex {
  readonly #scratch: Scratch;
  readonly #ids: string[] = [];
  readonly #startDates: string[] = [];
  /** Each date once: many events share one. */
  readonly #dates = new Map<string, string>();
  /** Each event's page, by its place in the pages' order, and where its row and its item are in the scratch. */
  readonly #pages: number[] = [];
  readonly #rowAt: number[] = [];
  readonly #rowBytes: number[] = [];
  readonly #itemAt: number[] = [];
  readonly #itemBytes: number[] = [];

  constructor(scratch: Scratch) {
    this.#scratch = scratch;
  }

  /** How many events were added. */
  get size(): number {
    return this.#ids.length;
  }

  /** Adds the events of the page at `page` in the pages' order (pages come in that order). */
  async add(page: number, events: PageEvents): Promise<void> {
    if (events.ids.length === 0) return;
    const rows = bytesOf(events.rows);
    const offset = await this.#scratch.append(Buffer.concat([rows, bytesOf(events.items)]));
    let rowAt = offset;
    let itemAt = offset + rows.byteLength;
    events.ids.forEach((id, index) => {
      const date = events.startDates[index]!;
      let startDate = this.#dates.get(date);
      if (startDate === undefined) this.#dates.set(date, (startDate = date));
      this.#ids.push(id);
      this.#startDates.push(startDate);
      this.#pages.push(page);
      this.#rowAt.push(rowAt);
      this.#rowBytes.push(events.rowBytes[index]!);
      this.#itemAt.push(itemAt);
      this.#itemBytes.push(events.itemBytes[index]!);
      rowAt += events.rowBytes[index]!;
      itemAt += events.itemBytes[index]!;
    });
  }

  /**
   * csv/entities.csv in pieces: the header, then the dataset's own entities (`own`, sorted by id, as
   * entitiesOf gives them) and the events' rows, all by id. Each run of one page's event rows is a
   * piece, whose place is told to `onRun`.
   */
  *entityPieces(own: readonly Entity[], separator: EmitOptions['multiValueSeparator'], onRun?: PageEntitiesWritten): Generator<string | Uint8Array> {
    const header = csvHeader('entities');
    yield header;
    let offset = Buffer.byteLength(header);
    const ids = this.#ids;
    // Pages come in the order of their ids, so their events mostly do already.
    const order = this.#order((a, b) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0));
    for (let w = 0, e = 0; w < own.length || e < order.length; ) {
      const nextEvent = e < order.length ? ids[order[e]!] : undefined;
      let to = w;
      while (to < own.length && (nextEvent === undefined || own[to]!.id < nextEvent) && to - w < rowsPerPiece) to++;
      if (to > w) {
        const text = csvRows('entities', own.slice(w, to), separator);
        offset += Buffer.byteLength(text);
        yield text;
        w = to;
        continue;
      }
      // A run: events of one page, one after another in the scratch, before the next entity of the dataset's own.
      const nextOwn = own[w]?.id;
      const first = order[e]!;
      const page = this.#pages[first]!;
      let last = e + 1;
      while (last < order.length && last - e < rowsPerPiece && order[last] === order[last - 1]! + 1 && this.#pages[order[last]!] === page && (nextOwn === undefined || ids[order[last]!]! < nextOwn)) last++;
      const end = order[last - 1]!;
      const bytes = this.#rowAt[end]! + this.#rowBytes[end]! - this.#rowAt[first]!;
      const piece = Buffer.allocUnsafe(bytes);
      this.#scratch.readInto(piece, 0, this.#rowAt[first]!, bytes);
      onRun?.(page, { start: offset, end: offset + bytes, rows: last - e });
      offset += bytes;
      yield piece;
      e = last;
    }
  }

  /** timeline.md in pieces: the heading, then the events' items, earliest first, a few hundred at a time. */
  *timelinePieces(): Generator<string | Uint8Array> {
    if (this.size === 0) {
      yield emptyTimeline;
      return;
    }
    const ids = this.#ids;
    const dates = this.#startDates;
    const order = this.#order((a, b) => byDateThenId(dates[a]!, ids[a]!, dates[b]!, ids[b]!));
    yield timelineHeading;
    for (let from = 0; from < order.length; from += eventsPerPiece) {
      const events = order.slice(from, from + eventsPerPiece);
      const piece = Buffer.allocUnsafe(events.reduce((total, event) => total + this.#itemBytes[event]!, 0));
      let at = 0;
      for (let next = 0; next < events.length; ) {
        // Items next to each other in the scratch as in the timeline (a page told in date order) are read at once.
        const first = events[next]!;
        let bytes = this.#itemBytes[first]!;
        for (next++; next < events.length && this.#itemAt[events[next]!] === this.#itemAt[first]! + bytes; next++) bytes += this.#itemBytes[events[next]!]!;
        this.#scratch.readInto(piece, at, this.#itemAt[first]!, bytes);
        at += bytes;
      }
      yield piece;
    }
  }

  /** The events' places, sorted by `compare`. */
  #order(compare: (a: number, b: number) => number): number[] {
    return Array.from(this.#ids, (_, index) => index).sort(compare);
  }
}
