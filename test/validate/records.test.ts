import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../pipeline/model/index.js';
import { validateRecords } from '../../pipeline/validate/index.js';

function emptyDataset(): Dataset {
  return { documents: [], sections: [], passages: [], sentences: [], organizations: [], people: [], places: [], events: [], terms: [], entities: [], participants: [], affiliations: [], mentions: [] };
}

describe('validateRecords', () => {
  it('accepts valid records', () => {
    const dataset = emptyDataset();
    dataset.places.push({ id: 'place/fr', name: 'France', kind: 'Country', countryCode: 'FR' });
    const file = new VFile({ path: 'page.md' });
    validateRecords(dataset, () => file, file);
    expect(file.messages).toEqual([]);
  });

  it('reports each invalid record on its document file, naming the record and field', () => {
    const dataset = emptyDataset();
    const page = new VFile({ path: 'page.md' });
    dataset.events.push({
      id: 'page/x/event/1',
      documentId: 'page/x',
      passageId: 'page/x/passage/1',
      name: 'n',
      description: 'd',
      date: '2013-06/2012-08',
      startDate: '2013-06',
      edtf: '2013-06/2012-08',
      dateText: 'x',
      status: 'past',
      participantIds: ['Not An Id'],
    });
    validateRecords(dataset, (id) => (id === 'page/x' ? page : undefined), new VFile());
    expect(page.messages.map((m) => m.reason)).toEqual([
      expect.stringContaining('`date` of events record `page/x/event/1` is not a valid ISO 8601 date or interval'),
      expect.stringContaining('`participantIds.0` of events record `page/x/event/1` must match pattern'),
    ]);
    expect(page.messages.every((m) => m.fatal === true)).toBe(true);
  });
});
