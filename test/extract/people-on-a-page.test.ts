import { describe, expect, it } from 'vitest';
import { mergePages } from '../../pipeline/extract/index.js';
import { extractText } from '../helpers.js';

const people = (text: string) => {
  const dataset = mergePages([extractText(text)]);
  return dataset.people.map((p) => [p.name, dataset.mentions.filter((m) => m.entityId === p.id).map((m) => m.quote)]);
};

describe('people across a page', () => {
  it('resolves "Mr Ilves" to the person named in full before', () => {
    expect(people('President Toomas Hendrik Ilves spoke. In 2011 Mr Ilves chaired a group.')).toEqual([['Toomas Hendrik Ilves', ['Toomas Hendrik Ilves', 'Ilves']]]);
  });

  it('finds the full name of a person later called "Mr Tehan", written without a title', () => {
    expect(people('In July 2016 the Prime Minister appointed Dan Tehan as minister. Mr Tehan announced a plan.')).toEqual([['Dan Tehan', ['Dan Tehan', 'Tehan']]]);
  });

  it('resolves a name written surname first ("Mr Lee" is Lee Hsien Loong)', () => {
    expect(people('Prime Minister Lee Hsien Loong opened it. Mr Lee will attend.')).toEqual([['Lee Hsien Loong', ['Lee Hsien Loong', 'Lee']]]);
  });

  it('reads a name set off by commas after a post, and a name described by a post after it', () => {
    expect(people('The Commissioner, Julie Inman Grant, took up the post. Ms Inman Grant agreed.')).toEqual([['Julie Inman Grant', ['Julie Inman Grant', 'Inman Grant']]]);
    expect(people('Alastair MacGibbon, formerly the Special Adviser, became head.').map(([name]) => name)).toEqual(['Alastair MacGibbon']);
    expect(people('At the secretariat Gulshan Rai became the first National Coordinator. Its chair, Aleid Wolfsen, agreed.').map(([name]) => name)).toEqual([
      'Aleid Wolfsen',
      'Gulshan Rai',
    ]);
  });
});
