// Local mock of Uqudo's Authorisation and Info APIs plus the demo integration page, on 127.0.0.1 only.
import { randomBytes, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLocalJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import {
  BodyTooLargeError,
  preflightHeaders,
  corsHeaders,
  readBody,
  readJsonBody,
  sendBody,
  sendError,
  sendJson,
} from './http';
import { buildJwks, createSandboxKeys, type SandboxKeys } from './keys';
import { encryptResult, issueResultJws, signAccessToken } from './results';
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
import { createSessionStore, type SessionStore } from './sessions';

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

/** Scope the Info API (v1) requires. */
export const INFO_SCOPE = 'KYC_INFO_SDK';
/** Scope the web SDK endpoints (v2) require. */
export const SCAN_SCOPE = 'KYC_SCAN_SDK';

const CLIENTS = [
  { ...DEMO_CREDENTIALS, scopes: [INFO_SCOPE, SCAN_SCOPE] },
  { ...SCAN_ONLY_CREDENTIALS, scopes: [SCAN_SCOPE] },
];

/** Lifetime of sandbox access tokens, like Uqudo's (~1800 s). */
export const ACCESS_TOKEN_LIFETIME_SECONDS = 1800;

const SESSION_ID_PATTERN =
  /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const IMAGE_ID_PATTERN = /^[0-9a-fA-F]{24}$/;
const MAX_NONCE_LENGTH = 256;
const MAX_LIFETIME_SECONDS = 7 * 24 * 3600;

/** Body of `POST /sandbox/sessions`. */
export interface SessionRequest {
  scenario: Scenario;
  encrypt?: boolean;
  lifetimeSeconds?: number;
  nonce?: string;
}

/** Answer of `POST /sandbox/sessions`: `jws` is exactly what the Info API serves (a JWE when encrypted). */
export interface CreatedSession {
  sessionId: string;
  jti: string;
  jws: string;
  encrypted: boolean;
  expiresAt: number;
}

/** Options of startSandbox. */
export interface SandboxOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** PKCS#8 PEM or private RSA JWK file to sign with instead of a fresh key. */
  signingKeyPath?: string;
  /** Only loopback is supported. */
  host?: '127.0.0.1';
  /** Clock in ms (default Date.now); lets tests move time instead of sleeping. */
  now?: () => number;
}

/** A running sandbox. */
export interface Sandbox {
  url: string;
  port: number;
  credentials: ClientCredentials;
  scanOnlyCredentials: ClientCredentials;
  close(): Promise<void>;
  createSession(body: SessionRequest | Record<string, unknown>): Promise<CreatedSession>;
}

/** Validates a `POST /sandbox/sessions` body. */
export function parseSessionRequest(
  body: unknown,
): { ok: true; request: SessionRequest } | { ok: false; message: string } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, message: 'body must be a JSON object' };
  }
  const { scenario, encrypt, lifetimeSeconds, nonce } = body as Record<string, unknown>;
  if (!isScenario(scenario)) {
    return { ok: false, message: `scenario must be one of: ${SCENARIOS.join(', ')}` };
  }
  if (encrypt !== undefined && typeof encrypt !== 'boolean') {
    return { ok: false, message: 'encrypt must be a boolean' };
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
  return {
    ok: true,
    request: {
      scenario,
      ...(encrypt !== undefined && { encrypt }),
      ...(lifetimeSeconds !== undefined && { lifetimeSeconds }),
      ...(nonce !== undefined && { nonce }),
    },
  };
}

const IMAGE_FILES: Record<ImageKind, string> = {
  portrait: 'portrait.jpg',
  front: 'front.jpg',
  'front-frame': 'frame.jpg',
  back: 'back.jpg',
  'back-frame': 'frame.jpg',
  selfie: 'selfie.jpg',
};

const DEMO_FILES: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/index.html': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/demo.js': { file: 'demo.js', type: 'text/javascript; charset=utf-8' },
  '/demo.css': { file: 'demo.css', type: 'text/css; charset=utf-8' },
};

const DEMO_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

/** Static assets loaded once at start (sample images and the demo page). */
interface Assets {
  images: Record<ImageKind, Buffer>;
  nfcPhotoBase64: string;
  demo: Map<string, Buffer>;
}

async function loadAssets(): Promise<Assets> {
  const imagesDir = new URL('./images/', import.meta.url);
  const demoDir = new URL('./demo/', import.meta.url);
  const images = {} as Record<ImageKind, Buffer>;
  for (const [kind, file] of Object.entries(IMAGE_FILES) as [ImageKind, string][]) {
    images[kind] = await readFile(new URL(file, imagesDir));
  }
  const nfcPhotoBase64 = (await readFile(new URL('nfc-photo.jpg', imagesDir))).toString('base64');
  const demo = new Map<string, Buffer>();
  for (const { file } of Object.values(DEMO_FILES)) {
    if (!demo.has(file)) demo.set(file, await readFile(new URL(file, demoDir)));
  }
  return { images, nfcPhotoBase64, demo };
}

/** Result of checking the bearer token of a request. */
type Authorization = { ok: true; scopes: Set<string> } | { ok: false; message: string };

/** Starts the sandbox on 127.0.0.1 and resolves once it listens. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const now = options.now ?? Date.now;
  const signingKeyText =
    options.signingKeyPath === undefined
      ? undefined
      : await readFile(options.signingKeyPath, 'utf8');
  const [keys, assets] = await Promise.all([createSandboxKeys(signingKeyText), loadAssets()]);
  const jwks = buildJwks(keys);
  const verificationKeys = createLocalJWKSet(jwks);
  const store = createSessionStore(now);
  let origin = '';

  async function createSession(request: SessionRequest, sourceIp: string): Promise<CreatedSession> {
    return issueSession({ request, sourceIp, keys, store, origin, now, assets });
  }

  async function authorize(req: IncomingMessage): Promise<Authorization> {
    const header = req.headers.authorization;
    const match = header === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1]) return { ok: false, message: 'missing bearer access token' };
    try {
      const { payload } = await jwtVerify(match[1], verificationKeys, {
        issuer: origin,
        algorithms: ['RS256'],
        typ: 'at+jwt',
        currentDate: new Date(now()),
      });
      return { ok: true, scopes: scopesOf(payload) };
    } catch (error) {
      if (error instanceof errors.JWTExpired) return { ok: false, message: 'access token expired' };
      return { ok: false, message: 'invalid access token' };
    }
  }

  /** Checks the bearer token and scope; answers 401/403 itself and returns false when refused. */
  async function requireScope(
    req: IncomingMessage,
    res: ServerResponse,
    scope: string,
  ): Promise<boolean> {
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
  }

  function sendResult(res: ServerResponse, sessionId: string | undefined): void {
    if (sessionId === undefined || sessionId === '') {
      sendError(res, 400, 'bad_request', 'missing UQ-Session-ID header');
      return;
    }
    if (!SESSION_ID_PATTERN.test(sessionId)) {
      sendError(res, 400, 'bad_request', 'session id must be a UUID');
      return;
    }
    const session = store.get(sessionId);
    if (!session) {
      sendError(res, 404, 'not_found', 'session not found or deleted');
      return;
    }
    sendBody(res, 200, 'application/jwt', session.token);
  }

  async function handleToken(req: IncomingMessage, res: ServerResponse): Promise<void> {
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
      sendError(
        res,
        400,
        'invalid_scope',
        `scope not granted to this client: ${unknown.join(' ')}`,
      );
      return;
    }
    const scope = (requested.length > 0 ? requested : client.scopes).join(' ');
    const iat = Math.floor(now() / 1000);
    const jti = randomUUID();
    const accessToken = await signAccessToken(
      {
        iss: origin,
        sub: client.clientId,
        client_id: client.clientId,
        scope,
        iat,
        exp: iat + ACCESS_TOKEN_LIFETIME_SECONDS,
        jti,
      },
      keys.signing,
    );
    sendJson(res, 200, {
      access_token: accessToken,
      token_type: 'bearer',
      expires_in: ACCESS_TOKEN_LIFETIME_SECONDS,
      scope,
      jti,
    });
  }

  async function handleCreateSession(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readJsonBody(req, res);
    if (!body.ok) return;
    const result = parseSessionRequest(body.value);
    if (!result.ok) {
      sendError(res, 400, 'bad_request', result.message);
      return;
    }
    sendJson(
      res,
      201,
      await createSession(result.request, req.socket.remoteAddress ?? '127.0.0.1'),
    );
  }

  async function handleDemoResult(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readJsonBody(req, res);
    if (!body.ok) return;
    const jwsResult = (body.value as { jwsResult?: unknown } | null)?.jwsResult;
    if (typeof jwsResult !== 'string' || jwsResult === '') {
      sendError(res, 400, 'bad_request', 'body must be {"jwsResult": "<token>"}');
      return;
    }
    const segments = jwsResult.split('.').length;
    sendJson(res, 200, {
      received: true,
      format: segments === 3 ? 'jws' : segments === 5 ? 'jwe' : 'unknown',
      length: jwsResult.length,
    });
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const path = new URL(req.url ?? '/', origin).pathname;
    for (const [name, value] of Object.entries(corsHeaders(req.headers.origin))) {
      res.setHeader(name, value);
    }
    if (method === 'OPTIONS') {
      res.writeHead(204, preflightHeaders(req.headers.origin));
      res.end();
      return;
    }

    const demo = DEMO_FILES[path];
    if (demo) {
      if (method !== 'GET') return sendMethodNotAllowed(res, 'GET');
      const content = assets.demo.get(demo.file) ?? Buffer.alloc(0);
      sendBody(res, 200, demo.type, content, { 'Content-Security-Policy': DEMO_CSP });
      return;
    }

    switch (path) {
      case '/favicon.ico':
        res.writeHead(204);
        res.end();
        return;
      case '/demo/config.json':
        if (method !== 'GET') return sendMethodNotAllowed(res, 'GET');
        sendJson(res, 200, { ...DEMO_CREDENTIALS, scenarios: SCENARIOS });
        return;
      case '/demo/backend/result':
        if (method !== 'POST') return sendMethodNotAllowed(res, 'POST');
        return handleDemoResult(req, res);
      case '/api/.well-known/jwks.json':
        if (method !== 'GET') return sendMethodNotAllowed(res, 'GET');
        sendJson(res, 200, jwks);
        return;
      case '/api/oauth/token':
        if (method !== 'POST') return sendMethodNotAllowed(res, 'POST');
        return handleToken(req, res);
      case '/sandbox/sessions':
        if (method !== 'POST') return sendMethodNotAllowed(res, 'POST');
        return handleCreateSession(req, res);
      case '/sandbox/keys/decrypt.jwk':
        if (method !== 'GET') return sendMethodNotAllowed(res, 'GET');
        sendJson(res, 200, keys.encryption.privateJwk);
        return;
      case '/api/v1/info':
        if (method !== 'GET') return sendMethodNotAllowed(res, 'GET');
        if (!(await requireScope(req, res, INFO_SCOPE))) return;
        sendResult(res, headerValue(req, 'uq-session-id'));
        return;
      case '/api/v2/info':
      case '/api/v2/infop':
        if (method !== 'GET') return sendMethodNotAllowed(res, 'GET');
        if (!(await requireScope(req, res, SCAN_SCOPE))) return;
        sendResult(res, headerValue(req, 'uq-session-id'));
        return;
    }

    const image = /^\/api\/v1\/info\/img\/([^/]*)$/.exec(path);
    if (image) {
      if (method !== 'GET') return sendMethodNotAllowed(res, 'GET');
      if (!(await requireScope(req, res, INFO_SCOPE))) return;
      const imageId = decodePathSegment(image[1] ?? '');
      if (!IMAGE_ID_PATTERN.test(imageId)) {
        sendError(res, 400, 'bad_request', 'image id must be 24 hex characters');
        return;
      }
      const kind = store.findImage(imageId);
      if (kind === undefined) {
        sendError(res, 404, 'not_found', 'image not found or expired');
        return;
      }
      sendBody(res, 200, 'image/jpeg', assets.images[kind]);
      return;
    }

    const info = /^\/api\/v1\/info\/([^/]*)$/.exec(path);
    if (info) {
      const sessionId = decodePathSegment(info[1] ?? '');
      if (method === 'GET') {
        if (!(await requireScope(req, res, INFO_SCOPE))) return;
        sendResult(res, sessionId);
        return;
      }
      if (method === 'DELETE') {
        if (!(await requireScope(req, res, INFO_SCOPE))) return;
        // Like Uqudo's API: 204 whether or not the session existed.
        store.delete(sessionId);
        res.writeHead(204);
        res.end();
        return;
      }
      return sendMethodNotAllowed(res, 'GET, DELETE');
    }

    sendError(res, 404, 'not_found', `no route for ${method} ${path}`);
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
      } else if (error instanceof BodyTooLargeError) {
        sendError(res, 413, 'payload_too_large', error.message, { Connection: 'close' });
      } else {
        sendError(res, 500, 'internal_error', 'the sandbox failed to handle this request');
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: origin,
    port,
    credentials: { ...DEMO_CREDENTIALS },
    scanOnlyCredentials: { ...SCAN_ONLY_CREDENTIALS },
    close() {
      return new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
    createSession(body) {
      const parsed = parseSessionRequest(body);
      if (!parsed.ok) return Promise.reject(new Error(parsed.message));
      return createSession(parsed.request, '127.0.0.1');
    },
  };
}

/** Everything issueSession needs from the running sandbox. */
interface IssueContext {
  request: SessionRequest;
  sourceIp: string;
  keys: SandboxKeys;
  store: SessionStore;
  origin: string;
  now: () => number;
  assets: Assets;
}

/** Builds, signs (and optionally encrypts) a scenario result and stores it as a new session. */
async function issueSession(ctx: IssueContext): Promise<CreatedSession> {
  const { request, keys, store } = ctx;
  const sessionId = randomUUID();
  const resultId = usesSeparateResultId(request.scenario) ? randomUUID() : sessionId;
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
    nfcPhotoBase64: ctx.assets.nfcPhotoBase64,
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

function scopesOf(payload: JWTPayload): Set<string> {
  return new Set(typeof payload.scope === 'string' ? payload.scope.split(' ') : []);
}

/** Decodes a path segment; a malformed escape is kept as-is and then fails id validation (400). */
function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function sendMethodNotAllowed(res: ServerResponse, allow: string): void {
  sendError(res, 405, 'method_not_allowed', `use ${allow}`, { Allow: allow });
}
