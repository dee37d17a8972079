// Tests for revealInvisible / splitVisible: every invisible, control and bidi character named, nothing else touched.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyParameters } from '../../tests/fast-check';
import { clipPrefix, hasInvisible, revealInvisible, splitVisible } from './visible';

/** Characters that reorder or hide text: each must come out named. */
const HOSTILE = [
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u200e',
  '\u200f',
  '\u061c',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2060',
  '\ufeff',
  '\u00ad',
  '\u2028',
  '\u2029',
  '\u0000',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u009b',
  '\u3164',
  '\u115f',
  '\u034f',
  '\u2800',
  '\u{e0001}',
  '\u{e0041}',
  '\ud800',
];

describe('revealInvisible', () => {
  it.each(HOSTILE)('names %j', (char) => {
    const shown = revealInvisible(`a${char}b`);
    const code = char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    expect(shown).toBe(`a⟨U+${code}⟩b`);
    expect(hasInvisible(`a${char}b`)).toBe(true);
  });

  it('leaves letters of every script, digits, emoji and ordinary spaces alone', () => {
    for (const text of [
      'Ali محمد 名前 Ωμέγα',
      '2026-01-01 ✔ ✖ ▲',
      'tab-less text',
      '👩‍💻'.slice(0, 2),
    ]) {
      expect(revealInvisible(text)).toBe(text);
    }
  });

  it('splitVisible joins to revealInvisible, and only revealed segments are names (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        const segments = splitVisible(text);
        expect(segments.map((s) => s.text).join('')).toBe(revealInvisible(text));
        for (const segment of segments) {
          if (segment.revealed) expect(segment.text).toMatch(/^⟨U\+[0-9A-F]{4,6}⟩$/);
          else expect(hasInvisible(segment.text)).toBe(false);
        }
        expect(hasInvisible(revealInvisible(text))).toBe(false);
      }),
      propertyParameters(),
    );
  });

  it('keeps tabs and line breaks when asked to keep the layout', () => {
    const text = '{\n\t"a": "b\u202e"\r\n}';
    expect(
      splitVisible(text, { keepLayout: true })
        .map((s) => s.text)
        .join(''),
    ).toBe('{\n\t"a": "b⟨U+202E⟩"\r\n}');
    expect(revealInvisible('a\nb')).toBe('a⟨U+000A⟩b');
  });

  it('never splits a surrogate pair when shortening (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 30 }),
        fc.nat({ max: 30 }),
        (text, length) => {
          const clipped = clipPrefix(text, Math.max(1, length));
          expect(text.startsWith(clipped)).toBe(true);
          expect(/[\ud800-\udbff]$/.test(clipped)).toBe(false);
        },
      ),
      propertyParameters(),
    );
  });
});
