// `POST /sandbox/sessions`: validates a request, builds and signs (maybe encrypts) a scenario result, stores the session.
import { randomBytes, randomUUID } from 'node:crypto';
import type { JWTPayload } from 'jose';
import { DEMO_CREDENTIALS } from './auth';
import type { SandboxKeys } from './keys';
import { encryptResult, issueResultJws } from './results';
import {
  SCENARIOS,
  buildResultClaims,
  isScenario,
  listImageKinds,
  planLifetime,
  usesSeparateResultId,
  type ImageKind,
  type Scenario,
} from './scenarios';
import type { SessionStore } from './sessions';
import { isUuid } from '../lib/guards';

const MAX_NONCE_LENGTH = 256;
const MAX_LIFETIME_SECONDS = 7 * 24 * 3600;

/** Body of `POST /sandbox/sessions`. */
export interface SessionRequest {
  scenario: Scenario;
  encrypt?: boolean;
  lifetimeSeconds?: number;
  nonce?: string;
  /**
   * Sandbox only: sign an enrolment result under this `jti` instead of its session id, as if the
   * result belonged to another session (makes `session-id-mismatch` reproducible).
   */
  jti?: string;
}

/** Answer of `POST /sandbox/sessions`: `jws` is exactly what the Info API serves (a JWE when encrypted). */
export interface CreatedSession {
  sessionId: string;
  jti: string;
  jws: string;
  encrypted: boolean;
  expiresAt: number;
}

/** Validates a `POST /sandbox/sessions` body. */
export function parseSessionRequest(
  body: unknown,
): { ok: true; request: SessionRequest } | { ok: false; message: string } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, message: 'body must be a JSON object' };
  }
  const { scenario, encrypt, lifetimeSeconds, nonce, jti } = body as Record<string, unknown>;
  if (!isScenario(scenario)) {
    return { ok: false, message: `scenario must be one of: ${SCENARIOS.join(', ')}` };
  }
  if (encrypt !== undefined && typeof encrypt !== 'boolean') {
    return { ok: false, message: 'encrypt must be a boolean' };
  }
  if (encrypt === true && usesSeparateResultId(scenario)) {
    // Uqudo encrypts enrolment and lookup results only, never face sessions.
    return { ok: false, message: 'face session results are never encrypted' };
  }
  if (
    lifetimeSeconds !== undefined &&
    (typeof lifetimeSeconds !== 'number' ||
      !Number.isInteger(lifetimeSeconds) ||
      Math.abs(lifetimeSeconds) > MAX_LIFETIME_SECONDS)
  ) {
    return {
      ok: false,
      message: `lifetimeSeconds must be an integer between -${MAX_LIFETIME_SECONDS} and ${MAX_LIFETIME_SECONDS}`,
    };
  }
  if (nonce !== undefined && (typeof nonce !== 'string' || nonce.length > MAX_NONCE_LENGTH)) {
    return {
      ok: false,
      message: `nonce must be a string of at most ${MAX_NONCE_LENGTH} characters`,
    };
  }
  if (jti !== undefined && (typeof jti !== 'string' || !isUuid(jti))) {
    return { ok: false, message: 'jti must be a UUID' };
  }
  if (jti !== undefined && usesSeparateResultId(scenario)) {
    return { ok: false, message: 'jti cannot be set for a face session (its jti is always fresh)' };
  }
  return {
    ok: true,
    request: {
      scenario,
      ...(encrypt !== undefined && { encrypt }),
      ...(lifetimeSeconds !== undefined && { lifetimeSeconds }),
      ...(nonce !== undefined && { nonce }),
      ...(jti !== undefined && { jti: jti as string }),
    },
  };
}

/** Everything issueSession needs from the running sandbox. */
export interface IssueContext {
  request: SessionRequest;
  sourceIp: string;
  keys: SandboxKeys;
  store: SessionStore;
  origin: string;
  now: () => number;
  /** Base64 JPEG used as the chip photo. */
  nfcPhotoBase64: string;
}

/** Builds, signs (and optionally encrypts) a scenario result and stores it as a new session. */
export async function issueSession(ctx: IssueContext): Promise<CreatedSession> {
  const { request, keys, store } = ctx;
  const sessionId = randomUUID();
  const resultId = usesSeparateResultId(request.scenario)
    ? randomUUID()
    : (request.jti ?? sessionId);
  const { issuedAt, expiresAt } = planLifetime(
    request.scenario,
    Math.floor(ctx.now() / 1000),
    request.lifetimeSeconds,
  );
  const images = new Map<string, ImageKind>();
  const imageIds: Partial<Record<ImageKind, string>> = {};
  for (const kind of listImageKinds(request.scenario)) {
    const id = randomBytes(12).toString('hex');
    imageIds[kind] = id;
    images.set(id, kind);
  }
  const claims = buildResultClaims(request.scenario, {
    origin: ctx.origin,
    clientId: DEMO_CREDENTIALS.clientId,
    sessionId,
    resultId,
    issuedAt,
    expiresAt,
    ...(request.nonce !== undefined && { nonce: request.nonce }),
    imageIds,
    nfcPhotoBase64: ctx.nfcPhotoBase64,
    sourceIp: ctx.sourceIp,
  });
  const jws = await issueResultJws(request.scenario, claims as JWTPayload, keys);
  const encrypted = request.encrypt === true;
  const token = encrypted ? await encryptResult(jws, keys.encryption) : jws;
  store.add({
    sessionId,
    scenario: request.scenario,
    token,
    expiresAtMs: expiresAt * 1000,
    images,
  });
  return { sessionId, jti: resultId, jws: token, encrypted, expiresAt };
}
