// One row of the panel's list: building a capture from an exchange and applying its inspection (pure).
import type { CapturedExchange, Sighting } from '../capture/exchange';
import { verdictOf, type Inspection, type Verdict } from '../jose/inspect';
import { readTokenKind, type ClassifyContext, type TokenKind } from '../uqudo/classify';
import { describeSightingContext } from '../uqudo/context';
import { findKeySuggestion } from '../settings/suggest';
import { collectPayloadText } from './payload-text';
import { capText, describeWhere } from './text';

/** The part of an exchange kept with each capture (bodies are not kept: only the token is). */
interface ExchangeSummary {
  id: string;
  /** Milliseconds since the epoch. */
  time: number;
  method: string;
  url: string;
  status: number;
  source: CapturedExchange['source'];
  bodyNote?: string;
}

/** One token sighting with its (eventual) inspection: one row of the list. */
export interface Capture {
  /** Unique within the store, never reused (results of cleared captures cannot land on new ones). */
  id: string;
  exchange: ExchangeSummary;
  sighting: Sighting;
  /** Absent until the first inspection finishes. */
  inspection?: Inspection;
  verdict?: Verdict;
  /** The token's jti, or the inner JWS's for a decrypted JWE; '' when none. */
  jti: string;
  kind?: TokenKind;
  /** The exchange was a replay made by the panel. */
  replay: boolean;
  /** Reopened from an evidence report: checks as recorded there, never re-run (untrusted). */
  imported?: true;
  /** Approximate memory this capture holds, counted against the byte budget. */
  bytes: number;
  /** Lower-cased text the filter box matches against (URL, jti, kind, findings…). */
  searchText: string;
  /** Arrival order; breaks ties between captures with the same time. */
  seq: number;
  /** The JWKS its `iss` suggests when no key source could check it (see findKeySuggestion). */
  keySuggestion?: string;
}

/** URLs longer than this are cut in the stored summary (the token is what matters). */
export const MAX_URL_CHARS = 8_192;
/** Fixed per-capture overhead counted in the byte budget (objects, strings besides the token). */
const CAPTURE_OVERHEAD_BYTES = 512;

/** The captures of one exchange's sightings (duplicates within the exchange collapsed); `nextSeq` numbers them. */
export function createCaptures(
  exchange: CapturedExchange,
  sightings: readonly Sighting[],
  nextSeq: () => number,
): Capture[] {
  const summary = summarizeExchange(exchange);
  const unique = new Map<string, Sighting>();
  for (const sighting of sightings) {
    unique.set(`${sighting.location}\u0000${sighting.path ?? ''}\u0000${sighting.token}`, sighting);
  }
  return [...unique.values()].map((sighting) => {
    const seq = nextSeq();
    return {
      id: `c${seq}`,
      seq,
      exchange: summary,
      sighting,
      jti: '',
      replay: exchange.source === 'replay',
      bytes: sighting.token.length * 2 + summary.url.length + CAPTURE_OVERHEAD_BYTES,
      searchText: searchTextOf(summary, sighting),
    };
  });
}

/** The capture with its inspection applied: verdict, jti, kind, searchable findings. */
export function applyInspection(capture: Capture, inspection: Inspection): Capture {
  const verdict = verdictOf(inspection);
  const jti = readJti(inspection);
  const kind = readTokenKind(inspection);
  const findings = [...inspection.findings, ...(inspection.inner?.findings ?? [])];
  const searchText = [
    searchTextOf(capture.exchange, capture.sighting),
    jti,
    kind,
    verdict,
    // Exact terms for the quick filters ("verdict:invalid" never matches "verdict:valid").
    `verdict:${verdict}`,
    `kind:${kind}`,
    ...findings.map((finding) => `${finding.code} ${finding.message}`),
    collectPayloadText((inspection.inner ?? inspection).payload),
  ]
    .join('\n')
    .toLowerCase();
  const updated: Capture = { ...capture, inspection, verdict, jti, kind, searchText };
  const suggestion = findKeySuggestion([inspection], undefined);
  if (suggestion) updated.keySuggestion = suggestion;
  else delete updated.keySuggestion;
  return updated;
}

/** The jti to show for an inspection: the token's, or the inner JWS's for a decrypted JWE. */
function readJti(inspection: Inspection): string {
  const source = inspection.inner ?? inspection;
  const payload = source.payload;
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return '';
  const jti = (payload as Record<string, unknown>).jti;
  return typeof jti === 'string' ? capText(jti, 256) : '';
}

/** What the inspection should know about where the token was seen (bearer header, token endpoint). */
export function contextOf(capture: Capture): ClassifyContext {
  return describeSightingContext(capture.sighting, capture.exchange.url);
}

function summarizeExchange(exchange: CapturedExchange): ExchangeSummary {
  const summary: ExchangeSummary = {
    id: exchange.id,
    time: Number.isFinite(exchange.time) ? exchange.time : 0,
    method: capText(exchange.method, 32),
    url: capText(exchange.url, MAX_URL_CHARS),
    status: exchange.status,
    source: exchange.source,
  };
  if (exchange.bodyNote) summary.bodyNote = capText(exchange.bodyNote, 1_000);
  return summary;
}

function searchTextOf(exchange: ExchangeSummary, sighting: Sighting): string {
  return [exchange.method, exchange.url, exchange.source, describeWhere({ exchange, sighting })]
    .join('\n')
    .toLowerCase();
}
