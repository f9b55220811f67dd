import { describe, expect, it } from 'vitest';
import { mergePages } from '../../pipeline/extract/index.js';
import { extractText } from '../helpers.js';

const parents = (text: string) =>
  Object.fromEntries(mergePages([extractText(text)]).organizations.map((o) => [o.name, o.parentOrganizationId ?? null]));

describe('parent organisations', () => {
  it('are read where the text states them', () => {
    expect(
      parents(
        'The National Information Security Center, set up within the Cabinet Secretariat in April 2005, coordinated policy. ' +
          'The Australian Signals Directorate, a division within the Department of Defence, grew. ' +
          'The Federal Office for Information Security (BSI), part of the Federal Ministry of the Interior, advised.',
      ),
    ).toEqual({
      'Australian Signals Directorate': 'organization/department-of-defence',
      'Cabinet Secretariat': null,
      'Department of Defence': null,
      'Federal Ministry of the Interior': null,
      'Federal Office for Information Security': 'organization/federal-ministry-of-the-interior',
      'National Information Security Center': 'organization/cabinet-secretariat',
    });
  });

  it('are not guessed from two names that merely stand side by side', () => {
    expect(parents('The European Commission and the Council of Europe met. NATO, the European Union and the OSCE agreed.')).toEqual({
      'Council of Europe': null,
      'European Commission': null,
      'European Union': null,
      'North Atlantic Treaty Organization': null,
      'Organization for Security and Co-operation in Europe': null,
    });
  });
});
