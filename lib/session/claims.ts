// Reading the claims the session view uses from an Inspection: result id, nonce, aud, exp, document, face, client id.
import { isRecord } from '../guards';
import { findInnermost, type Inspection } from '../jose/inspect';

/** True when the inspection (or its decrypted inner JWS) is a Uqudo SDK result. */
export function isUqudoResult(inspection: Inspection): boolean {
  return inspection.kind === 'uqudo-result' || findInnermost(inspection).kind === 'uqudo-result';
}

/** True when the inspection is a Uqudo access token. */
export function isAccessToken(inspection: Inspection): boolean {
  return inspection.kind === 'uqudo-access-token';
}

function payloadOf(inspection: Inspection): Record<string, unknown> | undefined {
  const payload = findInnermost(inspection).payload;
  return isRecord(payload) ? payload : undefined;
}

function dataOf(inspection: Inspection): Record<string, unknown> | undefined {
  const data = payloadOf(inspection)?.data;
  return isRecord(data) ? data : undefined;
}

/** The claims of a Uqudo result the session view shows and checks. */
export interface ResultClaims {
  /** `data.sessionId` for face sessions, else `jti`. */
  sessionId?: string;
  jti?: string;
  face: boolean;
  nonce?: string;
  aud: string[];
  /** `exp`, Unix seconds. */
  exp?: number;
  documentType?: string;
  faceMatchLevel?: number;
}

function firstDocument(data: Record<string, unknown> | undefined): Record<string, unknown> {
  const documents = data?.documents;
  const first: unknown = Array.isArray(documents) ? documents[0] : undefined;
  return isRecord(first) ? first : {};
}

function matchLevelOf(face: unknown): number | undefined {
  return isRecord(face) && typeof face.matchLevel === 'number' ? face.matchLevel : undefined;
}

/** Reads the result claims (every one optional: malformed payloads give empty claims). */
export function readResultClaims(inspection: Inspection): ResultClaims {
  const payload = payloadOf(inspection) ?? {};
  const data = dataOf(inspection);
  const document = firstDocument(data);
  const face = typeof data?.sessionId === 'string';
  const jti = typeof payload.jti === 'string' ? payload.jti : undefined;
  const sessionId = face ? (data?.sessionId as string) : jti;
  const aud = payload.aud;
  const matchLevel = matchLevelOf(data?.face) ?? matchLevelOf(document.face);
  return {
    ...(sessionId !== undefined && { sessionId }),
    ...(jti !== undefined && { jti }),
    face,
    ...(typeof data?.nonce === 'string' && { nonce: data.nonce }),
    aud:
      typeof aud === 'string'
        ? [aud]
        : Array.isArray(aud)
          ? aud.filter((a): a is string => typeof a === 'string')
          : [],
    ...(typeof payload.exp === 'number' && { exp: payload.exp }),
    ...(typeof document.documentType === 'string' && { documentType: document.documentType }),
    ...(matchLevel !== undefined && { faceMatchLevel: matchLevel }),
  };
}

/**
 * The client an access token was issued to: `client_id`, else `azp`, else a single-valued `aud`.
 * Uqudo does not document its access tokens' claims, so absence is normal ("can't tell").
 */
export function readAccessTokenClient(inspection: Inspection): string | undefined {
  const payload = payloadOf(inspection);
  if (!payload) return undefined;
  for (const name of ['client_id', 'azp'] as const) {
    const value = payload[name];
    if (typeof value === 'string' && value !== '') return value;
  }
  const aud = payload.aud;
  if (typeof aud === 'string' && aud !== '') return aud;
  if (Array.isArray(aud) && aud.length === 1 && typeof aud[0] === 'string') return aud[0];
  return undefined;
}

/** The scopes an access token carries (`scope` string or `scp` array), possibly none. */
export function readAccessTokenScopes(inspection: Inspection): string[] {
  const payload = payloadOf(inspection);
  if (!payload) return [];
  if (typeof payload.scope === 'string') return payload.scope.split(/\s+/).filter((s) => s !== '');
  if (Array.isArray(payload.scp))
    return payload.scp.filter((s): s is string => typeof s === 'string');
  return [];
}
