// The words of one row of the flat token list, derived once per capture instead of on every render (pure).
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

type ExchangeText = Pick<RowText, 'time' | 'host' | 'request'>;

// The exchange summary is shared by every capture of one exchange and kept when an inspection is
// applied (a new capture object), so the URL is parsed and the time formatted once per exchange.
const exchangeTexts = new WeakMap<Capture['exchange'], ExchangeText>();
const rowTexts = new WeakMap<Capture, RowText>();

/** The row's words (memoised on the capture object, which changes with its inspection). */
export function selectRowText(capture: Capture): RowText {
  let text = rowTexts.get(capture);
  if (text === undefined) {
    text = {
      ...exchangeTextOf(capture),
      where: describeWhere(capture),
      kind: describeKind(capture),
      jti: shortenJti(capture.jti),
    };
    rowTexts.set(capture, text);
  }
  return text;
}

function exchangeTextOf(capture: Capture): ExchangeText {
  let text = exchangeTexts.get(capture.exchange);
  if (text === undefined) {
    text = {
      time: formatClockTime(capture.exchange.time),
      host: describeHost(capture.exchange.url),
      request: describeRequest(capture),
    };
    exchangeTexts.set(capture.exchange, text);
  }
  return text;
}

function shortenJti(jti: string): string {
  return jti.length > JTI_SHORT_CHARS ? `${jti.slice(0, JTI_SHORT_CHARS)}…` : jti;
}
