// The sandbox face session result: `data` holds `face` and `sessionId` (and `nonce` when given) — nothing else.
import { imageId, type ScenarioContext } from './context';

/** `data` of the face-session scenario; the caller adds `nonce`. */
export function buildFaceSessionData(ctx: ScenarioContext): Record<string, unknown> {
  return {
    sessionId: ctx.sessionId,
    face: { auditTrailImageId: imageId(ctx, 'selfie'), matchLevel: 3, match: true },
  };
}
