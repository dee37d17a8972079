// The passive check for one backend post: its session's backend-accepted-invalid / backend-rejected-valid findings.
import type { SessionEvidence } from '../session/evidence';
import type { SessionFinding } from '../session/findings';
import { groupSessions } from '../session/group';
import type { SessionItem, SessionSighting } from '../session/state';
import type { CaptureList } from '../store';

const BACKEND_CODES: ReadonlySet<string> = new Set([
  'backend-accepted-invalid',
  'backend-rejected-valid',
]);

/** The session items of the kept evidence, with the sightings (and inspections) the store holds. */
function collectItems(captures: CaptureList, evidence: readonly SessionEvidence[]): SessionItem[] {
  const byId = new Map<string, { evidence: SessionEvidence; sightings: SessionSighting[] }>();
  let oldest = Infinity;
  for (const facts of evidence) {
    byId.set(facts.id, { evidence: facts, sightings: [] });
    oldest = Math.min(oldest, facts.time);
  }
  // Captures are newest first by exchange time: stop once past the oldest kept exchange.
  for (let index = 0; index < captures.length; index += 1) {
    const capture = captures.at(index);
    if (!capture || capture.exchange.time < oldest) break;
    const item = byId.get(capture.exchange.id);
    if (!item || capture.replay) continue;
    const { location, path, token } = capture.sighting;
    item.sightings.push({
      location,
      token,
      ...(path !== undefined && { path }),
      ...(capture.inspection && { inspection: capture.inspection }),
    });
  }
  return [...byId.values()];
}

/**
 * The backend-answer findings (lib/session/backend-answer.ts) of the sessions in which exchange
 * `exchangeId` posted a result: built from the recent exchanges' evidence and the store's
 * checked captures, linear in both.
 */
function listBackendFindings(
  captures: CaptureList,
  evidence: readonly SessionEvidence[],
  exchangeId: string,
): SessionFinding[] {
  const findings: SessionFinding[] = [];
  for (const session of groupSessions(collectItems(captures, evidence))) {
    const posted = session.timeline.some(
      (entry) => entry.exchangeId === exchangeId && entry.role === 'result-posted',
    );
    if (!posted) continue;
    for (const finding of session.findings) {
      if (BACKEND_CODES.has(finding.code)) findings.push(finding);
    }
  }
  return findings;
}

let cache:
  | { captures: CaptureList; version: number; exchangeId: string; findings: SessionFinding[] }
  | undefined;

/** {@link listBackendFindings}, memoised on the captures view, the kept version and the exchange. */
export function selectBackendFindings(
  captures: CaptureList,
  kept: { version: number; evidence: readonly SessionEvidence[] },
  exchangeId: string,
): SessionFinding[] {
  if (
    cache &&
    cache.captures === captures &&
    cache.version === kept.version &&
    cache.exchangeId === exchangeId
  ) {
    return cache.findings;
  }
  const findings = listBackendFindings(captures, kept.evidence, exchangeId);
  cache = { captures, version: kept.version, exchangeId, findings };
  return findings;
}
