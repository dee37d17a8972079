// Durations in words, the one home of duration formatting (claim findings, panel, CLI, replay timings).

/** A rough duration: "42 s" (under 2 min), "17 min" (under 2 h), else "5 h". Negative is 0. */
export function formatRoughDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 120) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 120) return `${minutes} min`;
  return `${Math.round(minutes / 60)} h`;
}

/** A clock-style countdown: "04:09", or "1:04:09" from an hour on. Negative is 00:00. */
export function formatClockDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const mm = String(minutes).padStart(2, '0');
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${hours}:${mm}:${ss}` : `${mm}:${ss}`;
}

const DURATION_UNITS: readonly (readonly [string, number])[] = [
  ['d', 86_400],
  ['h', 3_600],
  ['min', 60],
  ['s', 1],
];

/**
 * A duration in its two largest units, the second left out when zero; the sign is ignored and
 * part seconds are dropped: "45 s", "5 min 3 s", "1 h", "3 h 2 min", "2 d 5 h". Used by the claim
 * findings and the panel's relative times alike. "an unbounded time" when not finite.
 */
export function formatDuration(totalSeconds: number): string {
  if (!Number.isFinite(totalSeconds)) return 'an unbounded time';
  const seconds = Math.floor(Math.abs(totalSeconds));
  const largest = DURATION_UNITS.findIndex(([, size]) => seconds >= size);
  if (largest < 0) return '0 s';
  const [name, size] = DURATION_UNITS[largest]!;
  const text = `${Math.floor(seconds / size)} ${name}`;
  const next = DURATION_UNITS[largest + 1];
  // Only the adjacent smaller unit: "1 h 5 s" would read as a typo for "1 h 5 min".
  const rest = next ? Math.floor((seconds % size) / next[1]) : 0;
  return next && rest > 0 ? `${text} ${rest} ${next[0]}` : text;
}

/**
 * "in 12 min", "3 h 2 min ago" or "now" for a time `target` seen from `now` (both Unix seconds),
 * in {@link formatDuration}'s words. The panel and the CLI say relative times with this.
 */
export function describeRelativeTime(target: number, now: number): string {
  const diff = target - now;
  if (Math.abs(diff) < 1) return 'now';
  const text = formatDuration(diff);
  return diff > 0 ? `in ${text}` : `${text} ago`;
}

/** "expires in 12 min", "expired 3 min ago" or "expired just now" for an `exp` seen from `now` (Unix seconds). */
export function describeExpiryTime(exp: number, now: number): string {
  const diff = exp - now;
  if (diff > 0) return `expires in ${formatDuration(diff)}`;
  if (diff > -1) return 'expired just now';
  return `expired ${formatDuration(diff)} ago`;
}

/** An elapsed time measured in milliseconds: "85 ms" under a second, else "1.2 s" (replay timings). */
export function formatElapsedMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
