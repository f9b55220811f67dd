import type { BlockContent } from 'mdast';
import type { WholeTables } from '../../../model/lib/dataset.js';
import type { Event } from '../../../model/types.js';
import { blockList, heading, list, paragraph, serialise, strong } from './mdast.js';

/** Events serialised at once: the list is written in pieces so that its syntax tree stays small. */
const eventsPerPiece = 500;

/** What the timeline tells of an event. */
export type TimelineEvent = Pick<Event, 'id' | 'name' | 'description' | 'startDate' | 'endDate' | 'dateQualifier' | 'status' | 'locationId' | 'participantIds'>;

/** The part of an event the timeline tells (an event holds more: its passage, its date as written…). */
export function timelineEvent(event: Event): TimelineEvent {
  const { id, name, description, startDate, endDate, dateQualifier, status, locationId, participantIds } = event;
  return { id, name, description, startDate, ...(endDate !== undefined ? { endDate } : {}), ...(dateQualifier !== undefined ? { dateQualifier } : {}), status, ...(locationId !== undefined ? { locationId } : {}), participantIds };
}

/**
 * timeline.md, one list item per event, earliest first, in pieces: the heading, then the list a few
 * hundred items at a time (a tight list: pieces join with no blank line between items). Places and
 * participants are named by the dataset's entities.
 */
export function* timelinePieces(timeline: readonly TimelineEvent[], whole: Pick<WholeTables, 'organizations' | 'people' | 'places'>): Generator<string> {
  const names = new Map<string, string>();
  for (const record of [...whole.organizations, ...whole.people, ...whole.places]) names.set(record.id, record.name);
  const nameOf = (id: string) => names.get(id) ?? id;

  // startDate is ISO 8601, so code-unit order is date order (a bare year sorts before its months).
  const events = [...timeline].sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (events.length === 0) {
    yield serialise([heading(1, 'Timeline'), paragraph('The pages report no dated events.')]);
    return;
  }
  yield `${serialise([heading(1, 'Timeline')])}\n`;
  for (let i = 0; i < events.length; i += eventsPerPiece) {
    yield serialise([blockList(events.slice(i, i + eventsPerPiece).map((event) => item(event, nameOf)))]);
  }
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
