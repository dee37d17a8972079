// The Uqudo session id of an inspection: data.sessionId for face sessions, else jti.
import { isRecord } from '../guards';
import { findInnermost, type Inspection } from '../jose/inspect';

/** The Uqudo session id: `data.sessionId` for face sessions, else `jti` (looking into a nested JWS). */
export function findSessionId(inspection: Inspection): string | undefined {
  const payload = findInnermost(inspection).payload;
  if (!isRecord(payload)) return undefined;
  const data = payload.data;
  if (isRecord(data) && typeof data.sessionId === 'string') return data.sessionId;
  return typeof payload.jti === 'string' ? payload.jti : undefined;
}
