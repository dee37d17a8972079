// Tests for SearchCorpus: which texts contain every term, as matchesTerms says text by text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filterTerms, matchesTerms } from './filter-terms';
import { SearchCorpus } from './search-corpus';

// A small alphabet with the separator and spaces, so matches start, end and repeat everywhere.
const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '/', '\n', ' '), maxLength: 12 });

describe('SearchCorpus', () => {
  it('agrees with matchesTerms on every text for any filter', () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 12 }), text, (texts, filter) => {
        const terms = filterTerms(filter);
        const found = new SearchCorpus(texts).matchAll(terms);
        expect([...found]).toEqual(texts.map((t) => (matchesTerms(t, terms) ? 1 : 0)));
      }),
      { numRuns: 500 },
    );
  });

  it('a term never matches across two texts; repeated and empty texts count once each', () => {
    const corpus = new SearchCorpus(['ab', 'cd', '', 'abab', 'b\ncd']);
    expect(corpus.size).toBe(5);
    expect([...corpus.matchAll(['bc'])]).toEqual([0, 0, 0, 0, 0]);
    expect([...corpus.matchAll(['ab'])]).toEqual([1, 0, 0, 1, 0]);
    expect([...corpus.matchAll(['b', 'cd'])]).toEqual([0, 0, 0, 0, 1]);
    expect([...corpus.matchAll([])]).toEqual([1, 1, 1, 1, 1]);
  });

  it('terms holding the separator are still answered text by text', () => {
    const corpus = new SearchCorpus(['a\nb', 'a', 'b']);
    expect([...corpus.matchAll(['a\nb'])]).toEqual([1, 0, 0]);
    expect([...corpus.matchAll(['a\nb', 'a'])]).toEqual([1, 0, 0]);
  });
});
