// The passive check for one backend post: its session's backend-accepted-invalid / backend-rejected-valid findings.
import type { Session } from '../session/build';
import type { SessionFinding } from '../session/findings';
import type { Capture, InspectorState } from '../store';

const BACKEND_CODES: ReadonlySet<string> = new Set([
  'backend-accepted-invalid',
  'backend-rejected-valid',
]);

const NONE: readonly SessionFinding[] = [];
const cache = new WeakMap<Session, readonly SessionFinding[]>();

/**
 * The backend-answer findings (lib/session/backend-answer.ts, computed by the store's session
 * view) of the session `capture` belongs to; memoised per built session.
 */
export function selectBackendFindings(
  state: InspectorState,
  capture: Capture,
): readonly SessionFinding[] {
  const id = state.sessions.sessionOf(capture.id);
  const session = id === undefined ? undefined : state.sessions.get(id);
  if (!session) return NONE;
  let findings = cache.get(session);
  if (!findings) {
    const found = session.findings.filter((finding) => BACKEND_CODES.has(finding.code));
    findings = found.length > 0 ? found : NONE;
    cache.set(session, findings);
  }
  return findings;
}
