// TimeClaims: iat/nbf/exp as local and UTC dates with relative times and a live expiry countdown.
import { describeExpiry } from '../lib/format/countdown';
import { describeRelativeTime, formatDuration } from '../lib/format/duration';
import { UntrustedText } from './UntrustedText';

/** The registered time claims shown, in display order, with a human name. */
const TIME_CLAIMS = [
  ['iat', 'issued at'],
  ['nbf', 'not before'],
  ['exp', 'expires'],
] as const;

type TimeClaimName = (typeof TIME_CLAIMS)[number][0];

/** Largest time `Date` can represent (ms); beyond it `toISOString` throws. */
const MAX_DATE_MS = 8.64e15;
/** NumericDates above this (year ~5138 in seconds) are almost certainly milliseconds by mistake. */
const LOOKS_LIKE_MS = 1e11;

/** "in 12 min", "3 h 2 min ago" or "now" for a time `targetMs` seen from `nowMs`. */
export function describeRelative(targetMs: number, nowMs: number): string {
  return describeRelativeTime(targetMs / 1000, nowMs / 1000);
}

/** "2026-01-01 00:00:00 UTC". */
export function formatUtc(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d{3}Z$/, ' UTC');
}

function formatLocal(ms: number): string {
  return new Date(ms).toLocaleString(undefined, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZoneName: 'short',
  });
}

/** A claim's value as milliseconds, or undefined when it is not a usable NumericDate. */
function toMillis(value: unknown): number | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  const ms = value * 1000;
  return Math.abs(ms) <= MAX_DATE_MS ? ms : undefined;
}

function previewRaw(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/** Props of {@link TimeClaims}. */
export interface TimeClaimsProps {
  /** The decoded payload; non-objects simply have no time claims. */
  payload: unknown;
  /** Current time in ms (from `useNow()` in the parent, so the countdown is live). */
  now: number;
}

/** A table of the payload's iat/nbf/exp with dates, relative times and status lines. */
export function TimeClaims({ payload, now }: TimeClaimsProps) {
  const claims: Partial<Record<TimeClaimName, unknown>> = {};
  if (typeof payload === 'object' && payload !== null && !Array.isArray(payload)) {
    for (const [name] of TIME_CLAIMS) {
      if (Object.prototype.hasOwnProperty.call(payload, name)) {
        claims[name] = (payload as Record<string, unknown>)[name];
      }
    }
  }
  const present = TIME_CLAIMS.filter(([name]) => name in claims);
  if (present.length === 0)
    return <p class="time-claims-empty muted">No time claims (iat, nbf, exp)</p>;

  const iatMs = toMillis(claims.iat);
  const nbfMs = toMillis(claims.nbf);
  const expMs = toMillis(claims.exp);

  return (
    <div class="time-claims">
      <table class="time-claims-table">
        <thead>
          <tr>
            <th scope="col">claim</th>
            <th scope="col">value</th>
            <th scope="col">local time</th>
            <th scope="col">UTC</th>
            <th scope="col">relative</th>
          </tr>
        </thead>
        <tbody>
          {present.map(([name, description]) => {
            const raw = claims[name];
            const ms = toMillis(raw);
            return (
              <tr key={name} data-claim={name}>
                <th scope="row" title={description}>
                  {name}
                </th>
                <td class="time-raw">
                  <UntrustedText text={previewRaw(raw)} quoted={false} />
                </td>
                {ms === undefined ? (
                  <td colSpan={3} class="time-invalid level-bad">
                    not a NumericDate (seconds since 1970)
                  </td>
                ) : (
                  <>
                    <td class="time-local">{formatLocal(ms)}</td>
                    <td class="time-utc">{formatUtc(ms)}</td>
                    <td class="time-relative">
                      {describeRelative(ms, now)}
                      {typeof raw === 'number' && raw > LOOKS_LIKE_MS && (
                        <span class="level-warn"> (looks like milliseconds, not seconds)</span>
                      )}
                    </td>
                  </>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      <TimeStatus iatMs={iatMs} nbfMs={nbfMs} expMs={expMs} now={now} />
    </div>
  );
}

/** The live status lines under the table: countdown, not yet valid, issued in the future, lifetime. */
function TimeStatus({
  iatMs,
  nbfMs,
  expMs,
  now,
}: {
  iatMs?: number;
  nbfMs?: number;
  expMs?: number;
  now: number;
}) {
  return (
    <ul class="time-status">
      {expMs !== undefined && (
        <li role="timer" class={`time-countdown level-${expMs > now ? 'good' : 'bad'}`}>
          {describeExpiry(expMs, now)}
        </li>
      )}
      {nbfMs !== undefined && nbfMs > now && (
        <li class="level-warn">not valid yet: becomes valid {describeRelative(nbfMs, now)}</li>
      )}
      {iatMs !== undefined && iatMs > now + 1000 && (
        <li class="level-warn">issued in the future ({describeRelative(iatMs, now)})</li>
      )}
      {iatMs !== undefined && expMs !== undefined && (
        <li class="muted">
          {expMs >= iatMs
            ? `lifetime (exp − iat): ${formatDuration((expMs - iatMs) / 1000)}`
            : 'exp is before iat'}
        </li>
      )}
    </ul>
  );
}
