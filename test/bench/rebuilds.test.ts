import { describe, expect, it } from 'vitest';
import { medianRun, oneChangedRebuilds, pagesToChange } from '../../pipeline/bench/index.js';

describe('the rebuilds after one page changed', () => {
  it('change distinct pages spread over the corpus, one per rebuild', () => {
    const paths = Array.from({ length: 100 }, (_, index) => `2010/page-${String(index).padStart(3, '0')}.md`);
    expect(oneChangedRebuilds).toBe(3);
    expect(pagesToChange(paths)).toEqual(['2010/page-025.md', '2010/page-050.md', '2010/page-075.md']);
  });

  it('change each page once however small the corpus', () => {
    expect(pagesToChange(['a.md'])).toEqual(['a.md']);
    expect(pagesToChange(['a.md', 'b.md'])).toEqual(['a.md', 'b.md']);
  });

  it('are summed up by the run of median time, whatever order they ran in', () => {
    const runs = [{ seconds: 23.4, name: 'first' }, { seconds: 20.1, name: 'second' }, { seconds: 21.7, name: 'third' }];
    expect(medianRun(runs).name).toBe('third');
    expect(medianRun([runs[0]!])).toBe(runs[0]);
    expect(medianRun([runs[0]!, runs[1]!]).name).toBe('second');
    expect(() => medianRun([])).toThrow(/no runs/);
  });
});
