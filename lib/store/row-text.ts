// The words of one row of the flat token list (time, host, request, where, kind, short jti), from a capture (pure).
import { describeHost, describeKind, describeRequest } from '../format/capture-words';
import { formatClockTime } from '../format/clock';
import type { Capture } from './capture';
import { describeWhere } from './text';

/** jti characters shown in the row before an ellipsis. */
const JTI_SHORT_CHARS = 8;

/** What a row of the flat list shows, as text. */
export interface RowText {
  /** "14:03:07" (local). */
  time: string;
  /** Host (with a non-default port), '' for pastes. */
  host: string;
  /** "POST /api/v2/info", "pasted token"… */
  request: string;
  /** Where in the exchange the token sat. */
  where: string;
  /** The token kind in words ('' before the first inspection). */
  kind: string;
  /** The jti, cut to a few characters. */
  jti: string;
}

/**
 * The row's words. Not cached: the row is memoised (SightingRow), so this runs when a capture is
 * first shown and when its inspection lands, not on every update of the list — and a cache keyed
 * by capture would keep a table the size of the whole burst after Clear.
 */
export function describeRow(capture: Capture): RowText {
  return {
    time: formatClockTime(capture.exchange.time),
    host: describeHost(capture.exchange.url),
    request: describeRequest(capture),
    where: describeWhere(capture),
    kind: describeKind(capture),
    jti: shortenJti(capture.jti),
  };
}

function shortenJti(jti: string): string {
  return jti.length > JTI_SHORT_CHARS ? `${jti.slice(0, JTI_SHORT_CHARS)}…` : jti;
}
