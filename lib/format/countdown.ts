// A live expiry's wording: "expires in 4 min 03 s", "expired 2 min ago" (the session row's countdown, the detail's time claims).
import { formatDuration } from './duration';

const pad2 = (value: number) => String(value).padStart(2, '0');

/** A precise countdown: "42 s", "4 min 03 s", "1 h 05 min 09 s", "2 d 3 h 04 min". */
export function formatCountdown(totalSeconds: number): string {
  const seconds = Math.floor(Math.abs(totalSeconds));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${pad2(seconds % 60)} s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ${pad2(minutes % 60)} min ${pad2(seconds % 60)} s`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h ${pad2(minutes % 60)} min`;
}

/** "expires in 4 min 03 s" or "expired 2 min ago" for an `exp` (ms) seen from `nowMs`. */
export function describeExpiry(expMs: number, nowMs: number): string {
  const diffMs = expMs - nowMs;
  if (diffMs > 0) return `expires in ${formatCountdown(diffMs / 1000)}`;
  if (diffMs > -1000) return 'expired just now';
  return `expired ${formatDuration(diffMs / 1000)} ago`;
}
