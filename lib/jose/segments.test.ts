// Tests for canonical base64url segments: padding and non-zero unused bits are findings, canonical text is not.
import fc from 'fast-check';
import { base64url } from 'jose';
import { describe, expect, it } from 'vitest';
import { propertyParameters } from '../../tests/fast-check';
import { checkCanonicalSegment, findInvalidCharacter, stripPadding } from './segments';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

describe('checkCanonicalSegment', () => {
  it('accepts what jose encodes and flags every other spelling of the same bytes (property)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 15 }),
        (bytes, flip) => {
          const segment = base64url.encode(bytes);
          expect(checkCanonicalSegment(segment, 'signature')).toBeUndefined();
          const unusedBits = { 0: 0, 2: 4, 3: 2 }[(segment.length % 4) as 0 | 2 | 3];
          if (unusedBits === 0) return;
          const mask = flip & ((1 << unusedBits) - 1);
          if (mask === 0) return;
          const last = ALPHABET.indexOf(segment.slice(-1));
          const other = segment.slice(0, -1) + ALPHABET[last ^ mask];
          // Same bytes, different string: a strict verifier rejects it.
          expect(base64url.decode(other)).toEqual(bytes);
          expect(checkCanonicalSegment(other, 'signature')).toMatchObject({
            code: 'non-canonical-encoding',
            severity: 'error',
          });
          expect(checkCanonicalSegment(other, 'signature')!.message).toContain('signature segment');
        },
      ),
      propertyParameters(),
    );
  });

  it('judges any text as decoding and re-encoding it would (property)', () => {
    const text = fc.string({
      unit: fc.constantFrom(...ALPHABET, ...ALPHABET, '+', '/', '=', '.', ' '),
      maxLength: 24,
    });
    fc.assert(
      fc.property(text, (segment) => {
        let reencoded: string | undefined;
        try {
          reencoded = base64url.encode(base64url.decode(segment));
        } catch {
          reencoded = undefined;
        }
        const padded = segment.endsWith('=');
        const expected =
          padded || (segment.length % 4 !== 1 && reencoded !== undefined && reencoded !== segment);
        expect(checkCanonicalSegment(segment, 'payload') !== undefined).toBe(expected);
      }),
      propertyParameters(),
    );
  });

  it('flags padding, and only trailing padding that completes a quantum is readable', () => {
    expect(checkCanonicalSegment('YWI=', 'header')!.message).toContain(
      "header segment ends in '='",
    );
    expect(findInvalidCharacter('YWI=')).toBeUndefined();
    expect(findInvalidCharacter('YQ==')).toBeUndefined();
    expect(findInvalidCharacter('YQ=')).toBe("'=' at offset 2");
    expect(findInvalidCharacter('Y=Q')).toBe("'=' at offset 1");
    expect(findInvalidCharacter('YQ===')).toBe("'=' at offset 2");
    expect(stripPadding('YQ==')).toBe('YQ');
    expect(checkCanonicalSegment('', 'encrypted key')).toBeUndefined();
  });
});
