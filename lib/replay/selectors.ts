// Derived replay data for the UI: what a selected capture offers replay, and facts read off the replay state.
import { findInnermost, type Inspection } from '../jose/inspect';
import type { AccessState } from '../permissions/access';
import { isSessionId, type ReplayPurpose } from '../uqudo/info-api';
import { summarizeUqudoResult, type ImageRef, type InlinePhoto } from '../uqudo/summary';
import { REPLAY_TEXT } from './replay-text';
import type { ReplayEntry } from './entries';
import type { ImageBatch, ImageResult } from './gallery';
import { readReplaySessionId } from './scope';
import type { ReplayState } from './state';

/** What a selected capture offers replay: its session id, image references and inline photos. */
export interface ReplayCaptureFacts {
  sessionId?: string;
  sessionIdSource?: 'data.sessionId' | 'jti';
  images: ImageRef[];
  /** Distinct image ids among `images` (what "Fetch all images" fetches). */
  uniqueImageCount: number;
  inlinePhotos: InlinePhoto[];
}

/** The replay facts of a capture's inspection (none unless its innermost token is an SDK result). */
export function selectReplayCapture(inspection: Inspection | undefined): ReplayCaptureFacts {
  const facts: ReplayCaptureFacts = { images: [], uniqueImageCount: 0, inlinePhotos: [] };
  if (!inspection) return facts;
  const innermost = findInnermost(inspection);
  // Only an SDK result names a session: an access token's jti is not one.
  if (innermost.kind !== 'uqudo-result') return facts;
  const sessionId = readReplaySessionId(inspection);
  if (sessionId) facts.sessionId = sessionId;
  const summary = summarizeUqudoResult(innermost.payload);
  facts.images = summary.images;
  facts.uniqueImageCount = new Set(summary.images.map((ref) => ref.id)).size;
  facts.inlinePhotos = summary.inlinePhotos;
  if (summary.sessionIdSource) facts.sessionIdSource = summary.sessionIdSource;
  return facts;
}

/** Why a typed session id cannot be used (not a UUID), or undefined when it can (or is empty). */
export function selectSessionIdProblem(sessionId: string): string | undefined {
  const trimmed = sessionId.trim();
  return trimmed !== '' && !isSessionId(trimmed) ? REPLAY_TEXT.notUuid : undefined;
}

/** The host access state of the selected API base (undefined until it is known). */
export function selectApiAccess(replay: ReplayState): AccessState | undefined {
  const { access, apiOrigin } = replay;
  return apiOrigin !== undefined && access?.origin === apiOrigin ? access.state : undefined;
}

/** True when a token is set but bound to another (or no) origin than the selected API base. */
export function selectTokenMismatch(replay: ReplayState): boolean {
  const { token, tokenOrigin, apiOrigin } = replay;
  return token !== '' && apiOrigin !== undefined && tokenOrigin !== apiOrigin;
}

/** The replays sent in `scope` whose purpose is one of `purposes`, newest first. */
export function selectScopedReplays(
  replay: ReplayState,
  scope: string,
  purposes: readonly ReplayPurpose[],
): ReplayEntry[] {
  return replay.replays.filter(
    (entry) => entry.scope === scope && purposes.includes(entry.request.purpose),
  );
}

/** The images fetched in `scope`, newest first. */
export function selectScopedImages(replay: ReplayState, scope: string): ImageResult[] {
  return replay.images.filter((image) => image.scope === scope);
}

/** The "Fetch all images" progress of `scope`, if it ran. */
export function selectImageBatch(replay: ReplayState, scope: string): ImageBatch | undefined {
  return replay.imageBatches.find((batch) => batch.scope === scope);
}

/** The problem of the last action in `scope`, if any. */
export function selectScopedProblem(replay: ReplayState, scope: string): string | undefined {
  return replay.problemScope === scope ? replay.problem : undefined;
}
