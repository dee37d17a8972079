// DetailRawToken: the token exactly as captured, in the JSON tab (shown as data, capped, with a copy button).
import { CopyButton } from './CopyButton';
import { UntrustedText } from './UntrustedText';

/** Characters of the raw token shown (the copy button copies all of it). */
const MAX_RAW_CHARS = 20_000;

/** The raw compact token with its length. */
export function DetailRawToken({ token }: { token: string }) {
  return (
    <section class="inspection-section" aria-label="Raw token">
      <h3 class="section-title">
        Raw token <span class="muted">({token.length.toLocaleString('en')} characters)</span>{' '}
        <CopyButton text={token} label="Copy" title="Copy the whole token" />
      </h3>
      <p class="raw-token" data-testid="raw-token">
        <UntrustedText text={token} max={MAX_RAW_CHARS} />
      </p>
    </section>
  );
}
