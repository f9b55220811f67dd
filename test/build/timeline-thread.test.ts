/**
 * The timeline made in a thread of its own (threadTimeline) is the one made in memory, byte for byte,
 * and its thread ends when the builder is closed, whether or not the text was taken.
 */
import { describe, expect, it } from 'vitest';
import { threadTimeline } from '../../pipeline/build/lib/timeline-thread.js';
import { memoryTimeline, type TimelineBuilder, type TimelineEvent } from '../../pipeline/emit/index.js';

const names = new Map([
  ['place/geonames-2988507', 'Paris'],
  ['organization/anssi', 'National Cybersecurity Agency of France'],
  ['person/jean-dupont', 'Jean *Dupont* [sic]'],
]);

/** Events of many pages, out of date order, with text that Markdown must escape. */
function events(page: number): TimelineEvent[] {
  return Array.from({ length: 7 }, (_, k) => ({
    id: `page/p${page}/event/${k + 1}`,
    name: `Event ${k} of page ${page}: *set up* # in _Paris_ <b>`,
    description: `The agency was set up in ${2000 + ((page * 7 + k) % 23)}.`,
    startDate: `${2000 + ((page * 7 + k) % 23)}${k % 2 === 0 ? '' : '-05'}`,
    ...(k % 3 === 0 ? { endDate: `${2024 + k}` } : {}),
    ...(k % 4 === 1 ? { dateQualifier: 'early' as const } : {}),
    status: k === 6 ? ('planned' as const) : ('past' as const),
    ...(k % 2 === 0 ? { locationId: 'place/geonames-2988507' } : {}),
    participantIds: k % 2 === 0 ? ['organization/anssi', 'person/jean-dupont'] : ['organization/unknown'],
  }));
}

async function text(builder: TimelineBuilder): Promise<string> {
  try {
    for (let page = 0; page < 300; page++) builder.add(events(page));
    let all = '';
    for await (const piece of builder.pieces()) all += piece;
    return all;
  } finally {
    await builder.close();
  }
}

describe('the timeline made in a thread of its own', () => {
  it('is the timeline made in memory, byte for byte, for many pages and text Markdown escapes', async () => {
    const inMemory = await text(memoryTimeline(names));
    expect(inMemory.startsWith('# Timeline\n\n- *')).toBe(true);
    expect(inMemory.split('\n- ').length).toBe(300 * 7 + 1);
    expect(await text(threadTimeline(names))).toBe(inMemory);
  });

  it('says so when there are no events', async () => {
    const builder = threadTimeline(names);
    let all = '';
    for await (const piece of builder.pieces()) all += piece;
    await builder.close();
    expect(all).toBe('# Timeline\n\nThe pages report no dated events.\n');
  });

  it('ends its thread when closed before its text is taken', async () => {
    const builder = threadTimeline(names);
    builder.add(events(1));
    await expect(builder.close()).resolves.toBeUndefined();
  });
});
