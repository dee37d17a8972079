// ExpiryCountdown: a live "expires in 4 min 03 s" / "expired 2 min ago" for a session's result.
import { describeExpiry } from '../lib/format/countdown';
import { useNow } from './useNow';

/** Props of {@link ExpiryCountdown}. */
export interface ExpiryCountdownProps {
  /** `exp` of the result, Unix seconds. */
  expiresAt: number;
}

/** Re-renders itself every second; coloured once expired. */
export function ExpiryCountdown({ expiresAt }: ExpiryCountdownProps) {
  const now = useNow(1000);
  const expMs = expiresAt * 1000;
  return (
    <span
      class={`session-expiry ${expMs <= now ? 'level-bad' : ''}`}
      data-testid="session-expiry"
      title={new Date(Number.isFinite(expMs) ? expMs : 0).toISOString()}
    >
      {describeExpiry(expMs, now)}
    </span>
  );
}
