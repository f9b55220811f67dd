import type { BlockContent } from 'mdast';
import type { WholeTables } from '../../../model/lib/dataset.js';
import type { Event } from '../../../model/types.js';
import { blockList, heading, list, paragraph, serialise, strong } from './mdast.js';

/** Items written at once: the list is written in pieces of text. */
export const eventsPerPiece = 500;

/** What the timeline tells of an event. */
export type TimelineEvent = Pick<Event, 'id' | 'name' | 'description' | 'startDate' | 'endDate' | 'dateQualifier' | 'status' | 'locationId' | 'participantIds'>;

/** The part of an event the timeline tells (an event holds more: its passage, its date as written…). */
export function timelineEvent(event: Event): TimelineEvent {
  const { id, name, description, startDate, endDate, dateQualifier, status, locationId, participantIds } = event;
  return { id, name, description, startDate, ...(endDate !== undefined ? { endDate } : {}), ...(dateQualifier !== undefined ? { dateQualifier } : {}), status, ...(locationId !== undefined ? { locationId } : {}), participantIds };
}

/** An event as timeline.md tells it: its list item, serialised, and what the list is sorted by. */
export interface TimelineItem {
  startDate: string;
  id: string;
  text: string;
}

/** The names the timeline gives places and participants: the dataset's organisations, people and places. */
export function timelineNames(whole: Pick<WholeTables, 'organizations' | 'people' | 'places'>): Map<string, string> {
  const names = new Map<string, string>();
  for (const record of [...whole.organizations, ...whole.people, ...whole.places]) names.set(record.id, record.name);
  return names;
}

/**
 * timeline.md, one list item per event, earliest first, in pieces: the heading, then the list a few
 * hundred items at a time (a tight list: items and pieces join with no blank line between them). Places
 * and participants are named by the dataset's entities.
 */
export function* timelinePieces(timeline: readonly TimelineEvent[], whole: Pick<WholeTables, 'organizations' | 'people' | 'places'>): Generator<string> {
  const names = timelineNames(whole);
  yield* timelineText(timeline.map((event) => timelineItem(event, names)));
}

/** One event's list item: a list of one item, which joins the items before and after it as one tight list. */
export function timelineItem(event: TimelineEvent, names: ReadonlyMap<string, string>): TimelineItem {
  return { startDate: event.startDate, id: event.id, text: serialise([blockList([item(event, (id) => names.get(id) ?? id)])]) };
}

/** The items sorted, under the heading, in pieces of a few hundred (see timelinePieces). Sorts `items` in place. */
export function* timelineText(items: TimelineItem[]): Generator<string> {
  if (items.length === 0) {
    yield emptyTimeline;
    return;
  }
  items.sort((a, b) => byDateThenId(a.startDate, a.id, b.startDate, b.id));
  yield timelineHeading;
  for (let i = 0; i < items.length; i += eventsPerPiece) yield items.slice(i, i + eventsPerPiece).map((item) => item.text).join('');
}

/** timeline.md when the pages report no event. */
export const emptyTimeline = serialise([heading(1, 'Timeline'), paragraph('The pages report no dated events.')]);

/** What comes before the items: they follow as one tight list. */
export const timelineHeading = `${serialise([heading(1, 'Timeline')])}\n`;

/** The items' order: earliest first (startDate is ISO 8601, so code-unit order is date order, a bare year before its months), then by id. */
export function byDateThenId(aDate: string, aId: string, bDate: string, bId: string): number {
  return aDate < bDate ? -1 : aDate > bDate ? 1 : aId < bId ? -1 : aId > bId ? 1 : 0;
}

function item(event: TimelineEvent, nameOf: (id: string) => string): BlockContent[] {
  const details: string[][] = [];
  if (event.locationId !== undefined) details.push([`Where: ${nameOf(event.locationId)}`]);
  if (event.participantIds.length > 0) details.push([`Who: ${event.participantIds.map(nameOf).join('; ')}`]);
  details.push([`Reported as: ${event.description}`]);
  return [paragraph(strong(dateLabel(event)), ` ${event.name}`), list(details)];
}

/** The date as the data gives it, qualified ("early 2011"), an interval as "from … to …", and marked when planned. */
export function dateLabel(event: Pick<Event, 'startDate' | 'endDate' | 'dateQualifier' | 'status'>): string {
  const when = event.endDate === undefined ? event.startDate : `${event.startDate} to ${event.endDate}`;
  const qualified = event.dateQualifier === undefined ? when : `${event.dateQualifier} ${when}`;
  return event.status === 'planned' ? `${qualified} (planned)` : qualified;
}
