// The demo integrator's own backend: mints nonces and SDK tokens, and receives results (`naive` or `strict`).
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  compactDecrypt,
  createLocalJWKSet,
  errors,
  importJWK,
  jwtVerify,
  type JWK,
  type JWTPayload,
} from 'jose';
import { DEMO_CREDENTIALS, SCAN_ONLY_CREDENTIALS, SCAN_SCOPE, type Auth } from './auth';
import { readJsonBody, sendError, sendJson } from './http';

/** How the demo backend checks a posted result. */
type BackendMode = 'naive' | 'strict';

/** Remembered nonces and used results are bounded (oldest dropped first). */
const MAX_REMEMBERED = 1000;

/** What the demo backend needs from the running sandbox. */
export interface BackendContext {
  auth: Auth;
  jwks: { keys: JWK[] };
  decryptionJwk: JWK;
  now: () => number;
}

/** The demo backend's routes. */
export interface DemoBackend {
  /** `POST /demo/backend/session`: a fresh nonce and an SDK access token, as a real backend hands the page. */
  handleSession(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** `POST /demo/backend/result?mode=naive|strict`. */
  handleResult(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** `POST /demo/backend/reset`: forgets used results (sandbox helper, so a test can start clean). */
  handleReset(req: IncomingMessage, res: ServerResponse): void;
}

/** A Set that forgets its oldest entry past MAX_REMEMBERED. */
function remember(set: Set<string>, value: string): void {
  set.add(value);
  if (set.size > MAX_REMEMBERED) {
    const oldest = set.values().next().value;
    if (oldest !== undefined) set.delete(oldest);
  }
}

function queryOf(req: IncomingMessage): URLSearchParams {
  const target = req.url ?? '/';
  const start = target.indexOf('?');
  return new URLSearchParams(start === -1 ? '' : target.slice(start + 1));
}

type Refusal = { status: number; error: string; message: string };
type Checked = { ok: true; payload: JWTPayload } | ({ ok: false } & Refusal);

function refuse(status: number, error: string, message: string): Checked {
  return { ok: false, status, error, message };
}

/** What the strict mode remembers: nonces it minted, results already used. */
interface StrictState {
  keys: ReturnType<typeof createLocalJWKSet>;
  decryptionJwk: JWK;
  now: () => number;
  minted: Set<string>;
  used: Set<string>;
}

/** Decrypts a JWE with the sandbox key, then verifies the JWS with the JWKS (RS256, exp). */
async function verifyResult(state: StrictState, token: string): Promise<Checked> {
  let jws = token;
  if (token.split('.').length === 5) {
    try {
      const key = await importJWK(state.decryptionJwk, 'RSA-OAEP-256');
      jws = new TextDecoder().decode((await compactDecrypt(token, key)).plaintext);
    } catch {
      return refuse(400, 'decrypt_failed', 'the JWE does not decrypt with our key');
    }
  }
  try {
    const { payload } = await jwtVerify(jws, state.keys, {
      algorithms: ['RS256'],
      currentDate: new Date(state.now()),
      // The result must be meant for this integrator: aud is its client id.
      audience: DEMO_CREDENTIALS.clientId,
    });
    return { ok: true, payload };
  } catch (error) {
    if (error instanceof errors.JWTExpired) return refuse(400, 'expired', 'the result has expired');
    if (error instanceof errors.JWTClaimValidationFailed) {
      return refuse(400, 'aud_mismatch', 'the result is not meant for this client');
    }
    if (error instanceof errors.JWKSNoMatchingKey) {
      return refuse(400, 'unknown_kid', 'no published key matches the kid');
    }
    if (error instanceof errors.JOSEAlgNotAllowed) {
      return refuse(400, 'alg_not_allowed', 'only RS256 results are accepted');
    }
    return refuse(400, 'signature_invalid', 'the result does not verify with the Uqudo JWKS');
  }
}

/** Uqudo's recommended backend checks: signature, exp, aud, the nonce we minted, one-time use. */
async function checkStrict(state: StrictState, token: string): Promise<Checked> {
  const verified = await verifyResult(state, token);
  if (!verified.ok) return verified;
  const data = verified.payload.data as Record<string, unknown> | undefined;
  const nonce = typeof data?.nonce === 'string' ? data.nonce : undefined;
  if (nonce === undefined || !state.minted.has(nonce)) {
    return refuse(400, 'nonce_mismatch', 'data.nonce is not a nonce this backend minted');
  }
  const id = typeof data?.sessionId === 'string' ? data.sessionId : verified.payload.jti;
  if (typeof id !== 'string') return refuse(400, 'no_session_id', 'the result has no jti');
  if (state.used.has(id)) return refuse(409, 'replayed', 'this result was already used');
  remember(state.used, id);
  return verified;
}

/** Creates the demo backend of one sandbox. */
export function createDemoBackend(ctx: BackendContext): DemoBackend {
  const state: StrictState = {
    keys: createLocalJWKSet(ctx.jwks),
    decryptionJwk: ctx.decryptionJwk,
    now: ctx.now,
    minted: new Set<string>(),
    used: new Set<string>(),
  };
  const { minted, used } = state;

  return {
    async handleSession(req, res) {
      const body = await readJsonBody(req, res);
      if (!body.ok) return;
      const options = (body.value ?? {}) as Record<string, unknown>;
      const nonce = randomUUID();
      remember(minted, nonce);
      if (options.withToken === false) {
        sendJson(res, 200, { nonce });
        return;
      }
      const client = options.client === 'scan-only' ? SCAN_ONLY_CREDENTIALS : DEMO_CREDENTIALS;
      // A careful backend hands the page only what the SDK needs; `scope: "all"` is the careless one.
      const scopes = options.scope === 'all' ? undefined : [SCAN_SCOPE];
      const answer = await ctx.auth.issueToken(client.clientId, scopes);
      sendJson(res, 200, { ...answer, nonce });
    },
    async handleResult(req, res) {
      const query = queryOf(req);
      const mode: BackendMode = query.get('mode') === 'strict' ? 'strict' : 'naive';
      const body = await readJsonBody(req, res);
      if (!body.ok) return;
      const posted = (body.value as { jwsResult?: unknown } | null)?.jwsResult;
      const token = typeof posted === 'string' && posted !== '' ? posted : query.get('jwsResult');
      if (typeof token !== 'string' || token === '') {
        sendError(res, 400, 'bad_request', 'body must be {"jwsResult": "<token>"}');
        return;
      }
      if (mode === 'naive') {
        const segments = token.split('.').length;
        if (segments !== 3 && segments !== 5) {
          sendError(res, 400, 'bad_request', 'jwsResult is not shaped like a JWS or JWE');
          return;
        }
        sendJson(res, 200, { accepted: true, mode });
        return;
      }
      const checked = await checkStrict(state, token);
      if (!checked.ok) {
        sendError(res, checked.status, checked.error, checked.message);
        return;
      }
      sendJson(res, 200, { accepted: true, mode });
    },
    handleReset(_req, res) {
      used.clear();
      res.writeHead(204);
      res.end();
    },
  };
}
