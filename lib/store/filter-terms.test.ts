// Tests for filter terms: splitting, and how a new filter's matches relate to the previous one's.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filterTerms, matchesTerms, relateFilterTerms } from './filter-terms';

const relate = (a: string, b: string) => relateFilterTerms(filterTerms(a), filterTerms(b));

describe('relateFilterTerms', () => {
  it('names a typed character or an added term narrower, a deleted one wider', () => {
    expect(relate('ap', 'api')).toBe('narrower');
    expect(relate('api', 'api /a/')).toBe('narrower');
    expect(relate('api', '/api/a/')).toBe('narrower');
    expect(relate('api', 'ap')).toBe('wider');
    expect(relate('api /a/', 'api')).toBe('wider');
  });

  it('names equal term sets same and replaced or emptied filters other', () => {
    expect(relate('api  x', 'x API')).toBe('same');
    expect(relate('', '  ')).toBe('same');
    expect(relate('api', 'jti')).toBe('other');
    expect(relate('api', '')).toBe('other');
    expect(relate('', 'api')).toBe('other');
    expect(relate('ab x', 'abc y')).toBe('other');
  });

  it('never claims narrower or wider when matches could escape the previous set', () => {
    const term = fc.stringMatching(/^[abc]{1,3}$/);
    const terms = fc.array(term, { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(terms, terms, fc.array(fc.stringMatching(/^[abc ]{0,8}$/)), (a, b, hays) => {
        const relation = relateFilterTerms(a, b);
        for (const hay of hays) {
          const before = matchesTerms(hay, a);
          const after = matchesTerms(hay, b);
          if (relation === 'narrower' && after) expect(before).toBe(true);
          if (relation === 'wider' && before) expect(after).toBe(true);
          if (relation === 'same') expect(after).toBe(before);
        }
      }),
      { numRuns: 500 },
    );
  });
});
