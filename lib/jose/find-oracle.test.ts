// Differential test: the indexOf-jumping findTokens agrees with the old character-by-character scan.
import fc from 'fast-check';
import { base64url } from 'jose';
import { describe, expect, it } from 'vitest';
import { findTokens } from './find';
import { findTokensOracle } from './testing/find-oracle';

const b64 = (value: string) => base64url.encode(value);
const SIGNATURE = b64('signature bytes');

/** Pieces that exercise run boundaries, escapes and header shapes. */
const fragments = [
  b64('{"alg":"RS256"}'),
  b64('{"alg":"none"}'),
  b64('{ "alg":"HS256"}'),
  b64('{\n"alg":"ES256"}'),
  b64('{"alg":"RSA-OAEP","enc":"A256GCM"}'),
  b64('{"typ":"JWT"}'),
  b64('{"alg":"RS256","kid":"k"}'),
  b64('{"sub":"1"}'),
  SIGNATURE,
  'eyJ',
  'ey',
  'ew',
  'e',
  '.',
  '..',
  '...',
  '\\',
  '\\\\',
  '\\n',
  '\\u003d',
  '\\u00',
  'u003d',
  '%',
  '%3D',
  '%3',
  'n',
  'bf',
  'x',
  ' ',
  '"',
  ':',
  '=',
  '-',
  '_',
];

const textArb = fc
  .array(fc.constantFrom(...fragments), { maxLength: 40 })
  .map((parts) => parts.join(''));

describe('findTokens against the old scan (oracle)', () => {
  it('finds the same tokens at the same offsets in fragment soup', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        expect(findTokens(text)).toEqual(findTokensOracle(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees on arbitrary strings and on tokens wrapped in arbitrary text', () => {
    const token = `${b64('{"alg":"RS256"}')}.${b64('{"sub":"1"}')}.${SIGNATURE}`;
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.string({ maxLength: 30 }), (before, after) => {
        for (const text of [`${before}${token}${after}`, `${before}${after}`]) {
          expect(findTokens(text)).toEqual(findTokensOracle(text));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees on long chains of header-like segments with clean ends inside', () => {
    const header = b64('{"alg":"HS256"}');
    const chain = `${header}.`.repeat(50);
    for (const text of [
      chain,
      `${chain}x`,
      `${chain}.${header}.a.b`,
      `${chain}${header}.a.b..${header}.c.d`,
      `x\\\\\\${chain}`,
      `%41${chain}..`,
    ]) {
      expect(findTokens(text)).toEqual(findTokensOracle(text));
    }
  });
});
