// Derived replay data for the UI: what a selected capture offers replay, and facts read off the replay state.
import { sessionIdOf, type Inspection } from '../jose/inspect';
import type { AccessState } from '../permissions/access';
import { isSessionId } from '../uqudo/info-api';
import { summarizeUqudoResult, type ImageRef, type InlinePhoto } from '../uqudo/summary';
import { REPLAY_TEXT } from './replay-text';
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

/** How an inline (chip) photo is shown: a picture with its download name, or why it is not. */
export type InlinePhotoView =
  | { usable: true; label: string; src: string; mimeType: string; fileName: string }
  | { usable: false; label: string; mimeType: string };

/** Inline photos larger than this are not turned into a data URL (the summary caps them too). */
const MAX_INLINE_PHOTO_BYTES = 8 * 1024 * 1024;
const INLINE_PHOTO_TYPES = new Set(['image/jpeg', 'image/jpg', 'image/png', 'image/jp2']);
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The replay facts of a capture's inspection (none unless its innermost token is an SDK result). */
export function selectReplayCapture(inspection: Inspection | undefined): ReplayCaptureFacts {
  const facts: ReplayCaptureFacts = { images: [], uniqueImageCount: 0, inlinePhotos: [] };
  if (!inspection) return facts;
  let innermost = inspection;
  while (innermost.inner) innermost = innermost.inner;
  // Only an SDK result names a session: an access token's jti is not one.
  if (innermost.kind !== 'uqudo-result') return facts;
  const sessionId = sessionIdOf(inspection);
  if (sessionId) facts.sessionId = sessionId.slice(0, 200);
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

/** How an inline photo of session `sessionId` is shown (only known picture types, capped, base64). */
export function selectInlinePhotoView(photo: InlinePhoto, sessionId?: string): InlinePhotoView {
  const mimeType = photo.mimeType.toLowerCase();
  const label = `Chip photo${photo.documentType ? ` (${photo.documentType})` : ''}`;
  const usable =
    INLINE_PHOTO_TYPES.has(mimeType) &&
    photo.approxBytes <= MAX_INLINE_PHOTO_BYTES &&
    BASE64.test(photo.base64);
  if (!usable) return { usable: false, label, mimeType: photo.mimeType };
  const extension = mimeType === 'image/jp2' ? 'jp2' : mimeType === 'image/png' ? 'png' : 'jpg';
  return {
    usable: true,
    label,
    src: `data:${mimeType};base64,${photo.base64}`,
    mimeType,
    fileName: `${sessionId ? `${sessionId}-` : ''}chip-photo.${extension}`,
  };
}
