// The replay scope of a capture (its Uqudo session) and what the detail pane reads off it, without the Uqudo summary.
import { findInnermost, type Inspection } from '../jose/inspect';
import { findSessionId } from '../uqudo/session-id';
import type { ReplayState } from './state';

/** The session id replay uses for an inspection: only an SDK result names one (capped at 200). */
export function readReplaySessionId(inspection: Inspection): string | undefined {
  // An access token's jti is not a session.
  if (findInnermost(inspection).kind !== 'uqudo-result') return undefined;
  return findSessionId(inspection)?.slice(0, 200) || undefined;
}

const sessionCache = new WeakMap<Inspection, string | undefined>();

/**
 * The replay scope of a capture: its Uqudo session (every capture of one session id shares it),
 * else the capture alone. Memoised per inspection.
 */
export function selectReplayScope(capture: { id: string; inspection?: Inspection }): string {
  const { inspection } = capture;
  let sessionId: string | undefined;
  if (inspection) {
    if (!sessionCache.has(inspection))
      sessionCache.set(inspection, readReplaySessionId(inspection));
    sessionId = sessionCache.get(inspection);
  }
  return sessionId !== undefined ? `session:${sessionId}` : `capture:${capture.id}`;
}

/** How many images were fetched (or are being fetched) in `scope`. */
export function selectScopedImageCount(replay: ReplayState, scope: string): number {
  let count = 0;
  for (const image of replay.images) if (image.scope === scope) count += 1;
  return count;
}

/** The Uqudo session id of a capture (data.sessionId for face sessions, else jti), as image fetches name it. */
export function selectCaptureSessionId(capture: { inspection?: Inspection }): string | undefined {
  return capture.inspection ? findSessionId(capture.inspection) : undefined;
}
