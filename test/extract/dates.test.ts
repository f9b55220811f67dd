import { describe, expect, it } from 'vitest';
import { findDates, isAfter } from '../../pipeline/extract/index.js';

const read = (text: string, reference = '2013-01') =>
  findDates(text, reference).map((d) => ({ text: d.text, value: d.endDate ? `${d.startDate}/${d.endDate}` : d.startDate, ...(d.qualifier ? { qualifier: d.qualifier } : {}) }));

describe('findDates', () => {
  it.each([
    ['was set up in July 2009.', 'July 2009', '2009-07'],
    ['it took effect on 1 January 1991.', '1 January 1991', '1991-01-01'],
    ['signed on 14 May 2008 in Paris', '14 May 2008', '2008-05-14'],
    ['the 2008 White Paper', '2008', '2008'],
    ['it was created in 2011, with', '2011', '2011'],
    ['meeting from August 2012 to June 2013.', 'August 2012 to June 2013', '2012-08/2013-06'],
    ['from 27 April to 18 May 2007 Estonia', '27 April to 18 May 2007', '2007-04-27/2007-05-18'],
    ['between 2014 and 2015', 'between 2014 and 2015', '2014/2015'],
    ['who held office from 2006 to 2016', '2006 to 2016', '2006/2016'],
    ['the 2006–2016 term', '2006–2016', '2006/2016'],
  ])('%s', (text, quote, value) => {
    expect(read(text)).toEqual([{ text: quote, value }]);
  });

  it.each([
    ['reinforced early in 2011 when', 'early in 2011', 'early'],
    ['by mid-2010', 'mid-2010', 'mid'],
    ['at the end of 2012', 'the end of 2012', 'late'],
    ['in the spring of 2007', 'the spring of 2007', 'spring'],
    ['around 2010', 'around 2010', 'around'],
  ])('keeps the qualifier of %s', (text, quote, qualifier) => {
    const [date] = read(text);
    expect(date).toMatchObject({ text: quote, qualifier });
    expect(date?.value).toMatch(/^\d{4}$/);
  });

  it('reads nothing that is not a date', () => {
    expect(read('the 28 member States, over 50 countries, 2000 people, 2013 km, $2012, 12.2013, 45% of 1999.5')).toEqual([]);
  });

  it('drops a day or month without a year rather than guessing the year', () => {
    expect(read('Today we meet on Saturday, and again in March.')).toEqual([]);
  });

  it('is the same whatever the time zone of the machine', () => {
    const before = process.env['TZ'];
    process.env['TZ'] = 'Pacific/Kiritimati';
    const far = read('on 1 January 1991 and in July 2009');
    process.env['TZ'] = 'America/Adak';
    const west = read('on 1 January 1991 and in July 2009');
    process.env['TZ'] = before;
    expect(far).toEqual(west);
    expect(far.map((d) => d.value)).toEqual(['1991-01-01', '2009-07']);
  });

  it('gives no date for a year before the common era, and says it could not read it (found by the fuzz test)', () => {
    const unread: Parameters<typeof findDates>[2] = [];
    expect(findDates('> July 2009 Bc .', '2013', unread)).toEqual([]);
    expect(unread).toEqual([expect.objectContaining({ text: 'July 2009 Bc', reason: 'unreadable' })]);
  });
});

describe('isAfter', () => {
  it.each([
    ['2013-10', '2013-01', true],
    ['2013', '2013-01', false],
    ['2012-12-31', '2013', false],
    ['2014', '2013-01-15', true],
  ])('%s after %s → %s', (date, reference, expected) => {
    expect(isAfter(date, reference)).toBe(expected);
  });
});
