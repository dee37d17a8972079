// Untrusted text in the readable CLI report: shortened, on one line, invisible and control characters shown.
import { stringifyJsonLinear } from '../format/json';
import { clipPrefix, revealInvisible } from '../format/visible';

/** Strings longer than this are shortened in the readable report (the --json output keeps them). */
const MAX_SHOWN_STRING = 120;
/** How much of a shortened string is shown. */
const SHOWN_PREFIX = 60;

/**
 * Untrusted text on one line: control characters (which could drive the terminal), line breaks,
 * bidi controls and invisible characters are shown by name (`⟨U+001B⟩`, `⟨U+202E⟩`).
 */
export function oneLine(text: string): string {
  return revealInvisible(text);
}

/** Untrusted text on one line, shortened like {@link formatString} but without JSON quotes. */
export function clipText(text: string): string {
  return oneLine(
    text.length > MAX_SHOWN_STRING
      ? `${clipPrefix(text, SHOWN_PREFIX)}… (${text.length} chars)`
      : text,
  );
}

/**
 * A string as JSON text, or when longer than {@link MAX_SHOWN_STRING} its start and its length:
 * `"abc…" (123456 chars)`. Inline NFC photos are hundreds of KB of base64; nobody reads them here.
 * JSON escapes the C0 controls; the other invisible characters are shown by name.
 */
export function formatString(value: string): string {
  if (value.length <= MAX_SHOWN_STRING) return revealInvisible(JSON.stringify(value));
  return `${revealInvisible(JSON.stringify(`${clipPrefix(value, SHOWN_PREFIX)}…`))} (${value.length} chars)`;
}

/**
 * JSON-like pretty print for reading: long strings shortened, invisible characters shown, the top
 * levels indented and deeper ones on one line, so the text stays linear in the value's size at
 * any nesting depth.
 */
export function formatValue(value: unknown): string {
  return stringifyJsonLinear(value, { string: formatString });
}
