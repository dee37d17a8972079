// The time claims (iat, nbf, exp) of a payload as dates with relative times, for the readable CLI report.
import { isRecord } from '../guards';
import { describeExpiryTime, describeRelativeTime } from '../format/duration';
import { formatNumericDate, isNumericDate } from '../jose/claims';
import { stringifyJsonLinear } from '../format/json';
import { clipText } from './text';

const TIME_CLAIMS = ['iat', 'nbf', 'exp'] as const;

/**
 * One line per time claim present: `exp  2026-01-01T00:30:00Z  (expired 5 min ago)`, with the
 * panel's words ("in …", "… ago", "expires in …"); a claim that is not a NumericDate is quoted
 * and said so. Empty for a payload without time claims.
 */
export function formatTimeClaims(payload: unknown, now: number): string[] {
  if (!isRecord(payload)) return [];
  const lines: string[] = [];
  for (const name of TIME_CLAIMS) {
    if (!Object.hasOwn(payload, name)) continue;
    const value = payload[name];
    if (!isNumericDate(value)) {
      lines.push(
        `${name}  ${clipText(stringifyJsonLinear(value, { indent: 0 }))}  (not a NumericDate)`,
      );
      continue;
    }
    const relative =
      name === 'exp' ? describeExpiryTime(value, now) : describeRelativeTime(value, now);
    lines.push(`${name}  ${formatNumericDate(value)}  (${relative})`);
  }
  return lines;
}
