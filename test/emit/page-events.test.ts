/**
 * The events of every page set aside while the pages are written (EventIndex), from which
 * csv/entities.csv and timeline.md are made after the last page: the same bytes as made from the
 * events held whole, whatever order the ids of pages and entities interleave in.
 */
import { describe, expect, it } from 'vitest';
import { chunkContext, EventIndex, MemoryScratch, pageEvents, tableToCsv, timelineItem, timelineText, type PageEntitiesWritten } from '../../pipeline/emit/index.js';
import { timelineEvent } from '../../pipeline/emit/lib/markdown/timeline.js';
import { entitiesOf, eventEntity } from '../../pipeline/model/lib/dataset.js';
import type { Event, Organization } from '../../pipeline/model/types.js';
import { options } from './fixture.js';

function event(documentId: string, number: number, startDate: string, name = `Event ${number} of ${documentId}`): Event {
  return {
    id: `${documentId}/event/${number}`,
    documentId,
    passageId: `${documentId}/passage/1`,
    name,
    description: `${name}.`,
    date: startDate,
    startDate,
    edtf: startDate,
    dateText: startDate,
    status: 'past',
    participantIds: ['organization/anssi'],
  };
}

const organizations = [
  { id: 'organization/anssi', name: 'ANSSI' },
  // An id of the dataset's own that sorts among a page's events.
  { id: 'page/a/event/15', name: 'An organisation, oddly named' },
] as unknown as Organization[];
const whole = { organizations, people: [], places: [], terms: [] };
const context = chunkContext(whole, options);

/** Pages in their order: `page/a/event/1x` is a page of its own whose events' ids nest among those of `page/a`. */
const pages: Event[][] = [
  [event('page/a', 1, '2011-05'), event('page/a', 2, '2009'), event('page/a', 10, '2011-05'), event('page/a', 12, '2020-01-02'), event('page/a', 20, '2009', 'A name, "quoted"\nover two lines')],
  [event('page/a/event/1x', 1, '2010'), event('page/a/event/1x', 2, '2009')],
  [],
  [event('page/b', 1, '2011-05-03'), event('page/b', 3, '2011')],
];

async function indexOf(pageEventLists: readonly Event[][]): Promise<EventIndex> {
  const index = new EventIndex(new MemoryScratch());
  for (const [page, events] of pageEventLists.entries()) await index.add(page, pageEvents(events, context));
  return index;
}

const text = (pieces: Iterable<string | Uint8Array>) => Buffer.concat([...pieces].map((piece) => (typeof piece === 'string' ? Buffer.from(piece) : piece))).toString('utf8');

describe('EventIndex', () => {
  it('makes csv/entities.csv as the whole index of entities sorted by id gives it, runs of pages interleaved with other pages and entities', async () => {
    const index = await indexOf(pages);
    const own = entitiesOf(whole, []);
    const expected = tableToCsv('entities', entitiesOf(whole, pages.flat().map(eventEntity)), options.multiValueSeparator);
    expect(text(index.entityPieces(own, options.multiValueSeparator))).toBe(expected);
    expect(index.size).toBe(9);
    // page/a's events (1, 10, 12, 2, 20 by id) are cut by the organisation page/a/event/15 and by page/a/event/1x's events.
    const at = (id: string) => expected.indexOf(`\r\n${id},`);
    expect([at('page/a/event/12'), at('page/a/event/15'), at('page/a/event/1x/event/2'), at('page/a/event/2')]).toEqual([...[at('page/a/event/12'), at('page/a/event/15'), at('page/a/event/1x/event/2'), at('page/a/event/2')]].sort((a, b) => a - b));
    expect(at('page/a/event/1x/event/2')).toBeGreaterThan(0);
  });

  it('tells where each run of a page’s event rows is in the file, runs that cover every event row once', async () => {
    const index = await indexOf(pages);
    const runs: Array<{ page: number; start: number; end: number; rows: number }> = [];
    const onRun: PageEntitiesWritten = (page, rows) => runs.push({ page, ...rows });
    const bytes = Buffer.from(text(index.entityPieces(entitiesOf(whole, []), options.multiValueSeparator, onRun)));
    const rowsOf = (run: (typeof runs)[number]) => bytes.subarray(run.start, run.end).toString('utf8');
    // By id, page/a's events 1, 10, 12, the organisation page/a/event/15, page/a/event/1x's events, then page/a's 2, 20.
    expect(runs.map((run) => [run.page, run.rows])).toEqual([
      [0, 3],
      [1, 2],
      [0, 2],
      [3, 2],
    ]);
    const rowText = (events: readonly Event[]) => events.map((one) => tableToCsv('entities', [eventEntity(one)], options.multiValueSeparator).split('\r\n').slice(1).join('\r\n')).join('');
    const [one, two, ten, twelve, twenty] = pages[0]!;
    expect(runs.map(rowsOf)).toEqual([rowText([one!, ten!, twelve!]), rowText(pages[1]!), rowText([two!, twenty!]), rowText(pages[3]!)]);
  });

  it('makes timeline.md as the items of every event sorted by date then id give it', async () => {
    const index = await indexOf(pages);
    const items = pages.flat().map((one) => timelineItem(timelineEvent(one), context.names));
    const expected = [...timelineText(items)].join('');
    expect(text(index.timelinePieces())).toBe(expected);
    // Earliest first (a bare year before its months), ties by id: page/a/event/1x/event/2 before page/a/event/2.
    const at = (name: string) => expected.indexOf(`** ${name}\n`);
    expect([at('Event 2 of page/a/event/1x'), at('Event 2 of page/a'), at('Event 1 of page/a/event/1x'), at('Event 1 of page/a')]).toEqual([...[at('Event 2 of page/a/event/1x'), at('Event 2 of page/a'), at('Event 1 of page/a/event/1x'), at('Event 1 of page/a')]].sort((a, b) => a - b));
    expect(at('Event 2 of page/a/event/1x')).toBeGreaterThan(0);
  });

  it('with no events, makes the index of the dataset’s own entities and a timeline that says there are none', async () => {
    const index = await indexOf([[], []]);
    expect(text(index.entityPieces(entitiesOf(whole, []), options.multiValueSeparator))).toBe(tableToCsv('entities', entitiesOf(whole, []), options.multiValueSeparator));
    expect(text(index.timelinePieces())).toBe([...timelineText([])].join(''));
    expect(text(index.timelinePieces())).toContain('The pages report no dated events.');
  });

  it('holds no more of a page than its events’ ids, dates and places: the texts are read back from the scratch', async () => {
    const scratch = new MemoryScratch();
    const appended: number[] = [];
    const append = scratch.append.bind(scratch);
    scratch.append = async (bytes) => {
      appended.push(bytes.byteLength);
      return append(bytes);
    };
    const index = new EventIndex(scratch);
    const events = pageEvents(pages[0]!, context);
    await index.add(0, events);
    expect(appended).toEqual([Buffer.byteLength(events.rows as string) + Buffer.byteLength(events.items as string)]);
  });
});
