// UntrustedText: text from a token, page or file rendered as data — quoted, bidi-isolated, invisible characters shown.
import { clipPrefix, splitVisible } from '../lib/format/visible';
import './untrusted.css';

/** Untrusted strings longer than this are shortened on screen (copy buttons still give the whole text). */
export const MAX_UNTRUSTED_CHARS = 200;

/** Props of {@link UntrustedText}. */
export interface UntrustedTextProps {
  /** The untrusted text, exactly as received. */
  text: string;
  /** Wrap it in quotation marks (default true); table cells that only ever hold data may turn this off. */
  quoted?: boolean;
  /** Shorten beyond this many UTF-16 units (default {@link MAX_UNTRUSTED_CHARS}). */
  max?: number;
}

/**
 * Renders untrusted text so it cannot pass for the panel's own words: quoted, in a distinct data
 * style, inside a bidi isolate (a right-to-left override or RTL letters cannot reorder the text
 * around it), with every invisible, control or bidi character shown by name (`⟨U+202E⟩`).
 */
export function UntrustedText({
  text,
  quoted = true,
  max = MAX_UNTRUSTED_CHARS,
}: UntrustedTextProps) {
  const clipped = text.length > max;
  const shown = clipped ? clipPrefix(text, max) : text;
  return (
    <span class="untrusted" data-untrusted="">
      {quoted && <span class="untrusted-quote">"</span>}
      <VisibleText text={shown} />
      {clipped && <span class="untrusted-quote">…</span>}
      {quoted && <span class="untrusted-quote">"</span>}
      {clipped && (
        <span class="untrusted-note"> ({text.length.toLocaleString('en-US')} chars)</span>
      )}
    </span>
  );
}

/**
 * Untrusted text inside a bidi isolate with its invisible, control and bidi characters shown by
 * name (`⟨U+202E⟩`), without quotes or a box: for places that already look like data (JSON tree).
 * `keepLayout` keeps tabs and line breaks (a multi-line block).
 */
export function VisibleText({ text, keepLayout }: { text: string; keepLayout?: boolean }) {
  return (
    <bdi class="untrusted-text">
      {splitVisible(text, { keepLayout }).map((segment, index) =>
        segment.revealed ? (
          <span key={index} class="untrusted-invisible" title="invisible or control character">
            {segment.text}
          </span>
        ) : (
          segment.text
        ),
      )}
    </bdi>
  );
}
