// Makes invisible and reordering characters in untrusted text visible (⟨U+202E⟩): the one home for the CLI and the panel.

/**
 * Characters that are invisible or change how surrounding text is shown:
 * - `\p{Cc}` C0/C1 controls (ESC drives terminals, NUL/DEL, also TAB and line feeds),
 * - `\p{Cf}` format characters: bidi embeddings/overrides/isolates and marks (U+202A–202E,
 *   U+2066–2069, U+200E/200F, U+061C), zero-width space/joiners (U+200B–200D), word joiner
 *   (U+2060), BOM (U+FEFF), soft hyphen (U+00AD), tag characters (U+E0000–E007F)…,
 * - `\p{Zl}` / `\p{Zp}` line and paragraph separators (U+2028, U+2029),
 * - `\p{Cs}` lone surrogates (shown as U+FFFD otherwise),
 * - letters and marks that render as nothing: combining grapheme joiner (U+034F), Hangul fillers
 *   (U+115F, U+1160, U+3164, U+FFA0), Khmer inherent vowels (U+17B4, U+17B5), Mongolian free
 *   variation selectors (U+180B–180D) and the blank Braille pattern (U+2800).
 */
const INVISIBLE =
  /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180d\u2800\u3164\uffa0]/gu;

// A non-global twin for test(): a global regex keeps lastIndex between calls.
const INVISIBLE_ONE = new RegExp(INVISIBLE.source, 'u');

/** One piece of untrusted text: ordinary characters, or one invisible character shown by its code point. */
export interface VisibleSegment {
  text: string;
  /** True when `text` is the visible name (`⟨U+202E⟩`) of an invisible character. */
  revealed: boolean;
}

/** The visible name of a code point: `⟨U+202E⟩`, `⟨U+E0041⟩`. */
function nameCodePoint(codePoint: number): string {
  return `⟨U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}⟩`;
}

/** Tab, line feed and carriage return: layout in a multi-line block, kept as they are there. */
const LAYOUT = new Set(['\t', '\n', '\r']);

/**
 * Splits untrusted text into ordinary runs and revealed invisible characters, in order. Joining
 * the `text` of the segments gives {@link revealInvisible}'s result. With `keepLayout`, tabs and
 * line breaks stay as they are (for a multi-line block such as a response body). Linear.
 */
export function splitVisible(
  text: string,
  options: { keepLayout?: boolean } = {},
): VisibleSegment[] {
  const segments: VisibleSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(INVISIBLE)) {
    if (options.keepLayout && LAYOUT.has(match[0])) continue;
    const at = match.index;
    if (at > last) segments.push({ text: text.slice(last, at), revealed: false });
    segments.push({ text: nameCodePoint(match[0].codePointAt(0) ?? 0), revealed: true });
    last = at + match[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last), revealed: false });
  return segments;
}

/** Untrusted text with every invisible or reordering character replaced by its name (`⟨U+202E⟩`). */
export function revealInvisible(text: string): string {
  return text.replace(INVISIBLE, (char) => nameCodePoint(char.codePointAt(0) ?? 0));
}

/** True when the text holds a character {@link revealInvisible} would replace. */
export function hasInvisible(text: string): boolean {
  return INVISIBLE_ONE.test(text);
}

/**
 * The first `length` UTF-16 units of a string, one fewer when that would split a surrogate pair,
 * so clipping never manufactures a lone surrogate.
 */
export function clipPrefix(value: string, length: number): string {
  if (value.length <= length) return value;
  const last = value.charCodeAt(length - 1);
  return value.slice(0, last >= 0xd800 && last <= 0xdbff ? length - 1 : length);
}
