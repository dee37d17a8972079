// TokenFacts: what the access token says about itself — expiry countdown, scopes, issuer, a note.
import { describeTokenExpiry, REPLAY_TEXT } from '../lib/replay/replay-text';
import { isTokenExpired, lacksInfoScope, type TokenInfo } from '../lib/replay/token-info';

/** Props of {@link TokenFacts}. */
export interface TokenFactsProps {
  info: TokenInfo;
  /** Current time in milliseconds (ticks, so the countdown moves). */
  now: number;
}

/** The decoded token's facts; nothing here is trusted, it only explains what the API will say. */
export function TokenFacts({ info, now }: TokenFactsProps) {
  if (info.state === 'checking') return <p class="muted">Decoding the token…</p>;
  const expired = isTokenExpired(info, now);
  return (
    <ul class="replay-token-facts" data-testid="replay-token-facts">
      {info.expiresAt !== undefined && (
        <li
          class={expired ? 'level-bad' : 'level-good'}
          data-testid="replay-token-expiry"
          data-expired={expired ? 'true' : 'false'}
        >
          {describeTokenExpiry(info.expiresAt, now, expired)}
        </li>
      )}
      {info.scopes.length > 0 && (
        <li>
          Scopes: <code>{info.scopes.join(' ')}</code>
        </li>
      )}
      {lacksInfoScope(info) && <li class="level-warn">{REPLAY_TEXT.lacksInfoScope}</li>}
      {info.issuer && (
        <li class="muted">
          Issuer: <code>{info.issuer}</code>
        </li>
      )}
      {info.note && <li class="level-warn">{info.note}</li>}
    </ul>
  );
}
