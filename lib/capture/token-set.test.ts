// Tests for TokenSet: exact membership whether tokens differ at the end, in the middle or not at all.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TokenSet } from './token-set';

describe('TokenSet', () => {
  it('adds a token once and reports repeats', () => {
    const set = new TokenSet();
    expect(set.add('eyJa.b.c')).toBe(true);
    expect(set.add('eyJa.b.c')).toBe(false);
    expect(set.add('eyJa.b.d')).toBe(true);
  });

  it('tells apart tokens that share their length and last characters', () => {
    const set = new TokenSet();
    const tail = '.signature-shared-by-all-of-them';
    expect(set.add(`eyJ1${tail}`)).toBe(true);
    expect(set.add(`eyJ2${tail}`)).toBe(true);
    expect(set.add(`eyJ3${tail}`)).toBe(true);
    expect(set.add(`eyJ2${tail}`)).toBe(false);
    expect(set.add(`eyJ1${tail}`)).toBe(false);
  });

  it('agrees with a Set<string> on any sequence of strings (property)', () => {
    const alphabet = fc.constantFrom('a', 'b', '.', 'eyJ');
    fc.assert(
      fc.property(
        fc.array(
          fc.array(alphabet, { maxLength: 30 }).map((p) => p.join('')),
          { maxLength: 60 },
        ),
        (tokens) => {
          const set = new TokenSet();
          const reference = new Set<string>();
          for (const token of tokens) {
            expect(set.add(token)).toBe(!reference.has(token));
            reference.add(token);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
