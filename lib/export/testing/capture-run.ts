// Test helper: recorded sandbox exchanges → export input, through the panel's own extraction and inspection.
import type { CapturedExchange } from '../../capture/exchange';
import { extractSightings } from '../../capture/extract';
import { verdictOf } from '../../jose/inspect';
import { readTokenKind } from '../../uqudo/classify';
import { describeSightingContext } from '../../uqudo/context';
import { inspectUqudoToken } from '../../uqudo/inspect';
import type { KeyResolver } from '../../jose/keys';
import { ExchangeLog } from '../log';
import type { ExportCapture, ExportInput } from '../report';
import type { ReportScope } from '../schema';

function jtiOf(payload: unknown): string {
  if (typeof payload !== 'object' || payload === null) return '';
  const jti = (payload as Record<string, unknown>).jti;
  return typeof jti === 'string' ? jti : '';
}

/** Captures and an exchange log of recorded exchanges, as the store would hold them. */
export async function captureExchanges(
  exchanges: readonly CapturedExchange[],
  keys: KeyResolver,
): Promise<{ log: ExchangeLog; captures: ExportCapture[] }> {
  const log = new ExchangeLog();
  const captures: ExportCapture[] = [];
  for (const exchange of exchanges) {
    const ids: string[] = [];
    for (const sighting of extractSightings(exchange)) {
      const inspection = await inspectUqudoToken(sighting.token, {
        keys,
        ...describeSightingContext(sighting, exchange.url),
      });
      const id = `c${captures.length + 1}`;
      ids.push(id);
      captures.push({
        id,
        exchange,
        sighting,
        inspection,
        verdict: verdictOf(inspection),
        kind: readTokenKind(inspection),
        jti: jtiOf((inspection.inner ?? inspection).payload),
      });
    }
    log.record(exchange, ids);
  }
  return { log, captures };
}

/** The export input of captured exchanges for a scope. */
export function toExportInput(
  run: { log: ExchangeLog; captures: ExportCapture[] },
  scope: ReportScope = { kind: 'all' },
): ExportInput {
  return {
    entries: run.log.list(),
    captures: run.captures,
    scope,
    now: Date.UTC(2026, 11, 1, 12),
    generator: 'Uqudo Inspector test',
  };
}
