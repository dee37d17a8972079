// The sandbox's Authorisation API: demo clients, `POST /api/oauth/token`, and bearer-token checks for the Info API.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createLocalJWKSet, errors, jwtVerify, type JWK, type JWTPayload } from 'jose';
import { readBody, sendError, sendJson } from './http';
import type { SigningKey } from './keys';
import { signAccessToken } from './results';

/** Client credentials accepted by `POST /api/oauth/token`. */
export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

/** Demo client: its tokens carry `KYC_INFO_SDK KYC_SCAN_SDK`. Fixed so the README can list it. */
export const DEMO_CREDENTIALS: ClientCredentials = {
  clientId: 'c0ffee00-5a4d-4b1e-8000-000000000001',
  clientSecret: 'sandbox-secret',
};

/** Scan-only client: its tokens lack `KYC_INFO_SDK`, so the Info API answers 403. */
export const SCAN_ONLY_CREDENTIALS: ClientCredentials = {
  clientId: 'c0ffee00-5a4d-4b1e-8000-000000000002',
  clientSecret: 'sandbox-secret-scan-only',
};

/** Scope the sandbox requires for the Info API (v1). The scope name is this sandbox's choice. */
export const INFO_SCOPE = 'KYC_INFO_SDK';
/** Scope the sandbox requires for the web SDK endpoints (v2). */
export const SCAN_SCOPE = 'KYC_SCAN_SDK';

const CLIENTS = [
  { ...DEMO_CREDENTIALS, scopes: [INFO_SCOPE, SCAN_SCOPE] },
  { ...SCAN_ONLY_CREDENTIALS, scopes: [SCAN_SCOPE] },
];

/** Lifetime of sandbox access tokens, like Uqudo's (~1800 s). */
const ACCESS_TOKEN_LIFETIME_SECONDS = 1800;

/** What the Authorisation API of a running sandbox needs. */
export interface AuthContext {
  signing: SigningKey;
  jwks: { keys: JWK[] };
  /** The sandbox origin (its tokens' `iss`), known once it listens. */
  origin: () => string;
  now: () => number;
}

/** Token issuing and checking of one sandbox. */
export interface Auth {
  /** Answers `POST /api/oauth/token`. */
  handleToken(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** Checks the bearer token and scope; answers 401/403 itself and resolves false when refused. */
  requireScope(req: IncomingMessage, res: ServerResponse, scope: string): Promise<boolean>;
  /** Issues a token like the token endpoint does, for a known client (the demo backend's own call). */
  issueToken(clientId: string, scopes?: readonly string[]): Promise<TokenAnswer>;
}

/** The token endpoint's answer. */
interface TokenAnswer {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
  scope: string;
  jti: string;
}

type Authorization = { ok: true; scopes: Set<string> } | { ok: false; message: string };

/** Creates the Authorisation API of a sandbox. */
export function createAuth(ctx: AuthContext): Auth {
  const verificationKeys = createLocalJWKSet(ctx.jwks);

  async function authorize(req: IncomingMessage): Promise<Authorization> {
    const header = req.headers.authorization;
    const match = header === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1]) return { ok: false, message: 'missing bearer access token' };
    try {
      const { payload } = await jwtVerify(match[1], verificationKeys, {
        issuer: ctx.origin(),
        algorithms: ['RS256'],
        typ: 'at+jwt',
        currentDate: new Date(ctx.now()),
      });
      return { ok: true, scopes: scopesOf(payload) };
    } catch (error) {
      if (error instanceof errors.JWTExpired) return { ok: false, message: 'access token expired' };
      return { ok: false, message: 'invalid access token' };
    }
  }

  return {
    async requireScope(req, res, scope) {
      const auth = await authorize(req);
      if (!auth.ok) {
        sendError(res, 401, 'unauthorized', auth.message, {
          'WWW-Authenticate': 'Bearer error="invalid_token"',
        });
        return false;
      }
      if (!auth.scopes.has(scope)) {
        sendError(res, 403, 'forbidden', `access token lacks the ${scope} scope`);
        return false;
      }
      return true;
    },
    handleToken: (req, res) => answerTokenRequest(req, res, ctx),
    async issueToken(clientId, scopes) {
      const client = CLIENTS.find((c) => c.clientId === clientId);
      if (!client) throw new Error(`unknown client ${clientId}`);
      const granted = scopes ?? client.scopes;
      if (granted.some((s) => !client.scopes.includes(s))) throw new Error('scope not granted');
      return signTokenAnswer(ctx, client.clientId, granted.join(' '));
    },
  };
}

async function answerTokenRequest(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: AuthContext,
): Promise<void> {
  const contentType = req.headers['content-type'] ?? '';
  const body = await readBody(req);
  if (!contentType.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    sendError(res, 400, 'invalid_request', 'expected an application/x-www-form-urlencoded body');
    return;
  }
  const form = new URLSearchParams(body);
  if (form.get('grant_type') !== 'client_credentials') {
    sendError(res, 400, 'unsupported_grant_type', 'grant_type must be client_credentials');
    return;
  }
  const client = CLIENTS.find(
    (c) => c.clientId === form.get('client_id') && c.clientSecret === form.get('client_secret'),
  );
  if (!client) {
    sendError(res, 401, 'invalid_client', 'bad client credentials');
    return;
  }
  const requested = (form.get('scope') ?? '').split(' ').filter((s) => s !== '');
  const unknown = requested.filter((s) => !client.scopes.includes(s));
  if (unknown.length > 0) {
    sendError(res, 400, 'invalid_scope', `scope not granted to this client: ${unknown.join(' ')}`);
    return;
  }
  const scope = (requested.length > 0 ? requested : client.scopes).join(' ');
  sendJson(res, 200, await signTokenAnswer(ctx, client.clientId, scope));
}

async function signTokenAnswer(
  ctx: AuthContext,
  clientId: string,
  scope: string,
): Promise<TokenAnswer> {
  const iat = Math.floor(ctx.now() / 1000);
  const jti = randomUUID();
  // Every claim inside the token is the sandbox's own: Uqudo does not document its tokens' claims.
  const accessToken = await signAccessToken(
    {
      iss: ctx.origin(),
      sub: clientId,
      client_id: clientId,
      scope,
      iat,
      exp: iat + ACCESS_TOKEN_LIFETIME_SECONDS,
      jti,
    },
    ctx.signing,
  );
  return {
    access_token: accessToken,
    token_type: 'bearer',
    expires_in: ACCESS_TOKEN_LIFETIME_SECONDS,
    scope,
    jti,
  };
}

function scopesOf(payload: JWTPayload): Set<string> {
  return new Set(typeof payload.scope === 'string' ? payload.scope.split(' ') : []);
}
