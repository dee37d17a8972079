// Tests that Utf8Offsets agrees with TextEncoder on where UTF-16 offsets land in UTF-8.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyParameters } from '../../tests/fast-check';
import { Utf8Offsets } from './utf8-offsets';

const encoder = new TextEncoder();
const utf8Length = (text: string) => encoder.encode(text).length;
const isAscii = (text: string, at: number) => text.charCodeAt(at) < 0x80;

/** Text mixing ASCII, Arabic, emoji (surrogate pairs) and lone surrogates. */
const mixed = fc
  .array(
    fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.constantFrom('é', 'محمد', 'ß€', '😀', '\ud800', '\udc00', '\ud83d', 'x\ude00'),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

describe('Utf8Offsets', () => {
  it('gives TextEncoder’s length, and nothing wide for ASCII', () => {
    expect(new Utf8Offsets('{"a":"b"}').wide).toBe(false);
    expect(new Utf8Offsets('{"a":"b"}').byteLength).toBe(9);
    for (const text of ['é', 'محمد', '😀', '\ud800', 'a\udc00b', '😀\ud83d', 'x😀y€z']) {
      expect(new Utf8Offsets(text).byteLength, text).toBe(utf8Length(text));
      expect(new Utf8Offsets(text).wide).toBe(true);
    }
  });

  it('maps offsets next to an ASCII character exactly, and every offset back to itself (property)', () => {
    fc.assert(
      fc.property(mixed, (text) => {
        const offsets = new Utf8Offsets(text);
        expect(offsets.byteLength).toBe(utf8Length(text));
        const all = Array.from({ length: text.length + 1 }, (_, i) => i);
        const bytes = offsets.toBytes(all);
        for (const o of all) {
          const exact = o === 0 || o === text.length || isAscii(text, o - 1) || isAscii(text, o);
          if (exact)
            expect(bytes[o], `${JSON.stringify(text)} at ${o}`).toBe(utf8Length(text.slice(0, o)));
          expect(offsets.toUnits(bytes[o] as number)).toBe(o);
        }
      }),
      propertyParameters(),
    );
  });
});
