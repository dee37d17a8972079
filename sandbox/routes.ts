// Request routing of the sandbox: the demo page, the Authorisation and Info APIs, the web SDK calls and sandbox helpers.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JWK } from 'jose';
import { DEMO_CSP, DEMO_FILES, type Assets } from './assets';
import { DEMO_CREDENTIALS, INFO_SCOPE, SCAN_SCOPE, type Auth } from './auth';
import type { DemoBackend } from './backend';
import type { CorsPolicy } from './cors';
import { parseRequestPath, readBody, readJsonBody, sendBody, sendError, sendJson } from './http';
import { parseSessionRequest, type CreatedSession, type SessionRequest } from './issue';
import { SCENARIOS } from './scenarios';
import type { SessionStore } from './sessions';
import { isUuid } from '../lib/guards';

const IMAGE_ID_PATTERN = /^[0-9a-fA-F]{24}$/;

/** What the routes of a running sandbox need. */
export interface RouteContext {
  auth: Auth;
  cors: CorsPolicy;
  backend: DemoBackend;
  store: SessionStore;
  assets: Assets;
  jwks: { keys: JWK[] };
  decryptionJwk: JWK;
  createSession(request: SessionRequest, sourceIp: string): Promise<CreatedSession>;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

/** Creates the request handler of a sandbox; errors it throws are answered by the server. */
export function createRouter(ctx: RouteContext): Handler {
  const exact = exactRoutes(ctx);
  return async (req, res) => {
    const method = req.method ?? 'GET';
    for (const [name, value] of Object.entries(ctx.cors.responseHeaders(req.headers.origin))) {
      res.setHeader(name, value);
    }
    const path = parseRequestPath(req.url);
    if (path === undefined) {
      sendError(res, 400, 'bad_request', 'malformed request target');
      return;
    }
    if (method === 'OPTIONS') {
      res.writeHead(204, ctx.cors.preflightHeaders(req.headers.origin));
      res.end();
      return;
    }
    const demo = DEMO_FILES[path];
    if (demo) {
      if (method !== 'GET') return sendMethodNotAllowed(res, 'GET');
      const content = ctx.assets.demo.get(demo.file) ?? Buffer.alloc(0);
      sendBody(res, 200, demo.type, content, { 'Content-Security-Policy': DEMO_CSP });
      return;
    }
    const route = exact.get(path);
    if (route) {
      if (method !== route.method) return sendMethodNotAllowed(res, route.method);
      return route.handle(req, res);
    }
    const image = /^\/api\/v1\/info\/img\/([^/]*)$/.exec(path);
    if (image) return answerImage(ctx, req, res, decodePathSegment(image[1] ?? ''));
    const info = /^\/api\/v1\/info\/([^/]*)$/.exec(path);
    if (info) return answerInfoById(ctx, req, res, decodePathSegment(info[1] ?? ''));
    sendError(res, 404, 'not_found', `no route for ${method} ${path}`);
  };
}

function exactRoutes(ctx: RouteContext): Map<string, { method: string; handle: Handler }> {
  const resultByHeader =
    (scope: string, faceOnly = false): Handler =>
    async (req, res) => {
      if (faceOnly) await readBody(req); // the selfie upload: read (capped) and ignored
      if (!(await ctx.auth.requireScope(req, res, scope))) return;
      sendResult(ctx.store, res, headerValue(req, 'uq-session-id'), faceOnly);
    };
  return new Map<string, { method: string; handle: Handler }>([
    [
      '/favicon.ico',
      {
        method: 'GET',
        handle: (_req, res) => {
          res.writeHead(204);
          res.end();
        },
      },
    ],
    [
      '/demo/config.json',
      {
        method: 'GET',
        handle: (_req, res) =>
          sendJson(res, 200, { ...DEMO_CREDENTIALS, scenarios: SCENARIOS, cors: ctx.cors.mode }),
      },
    ],
    ['/demo/backend/session', { method: 'POST', handle: ctx.backend.handleSession }],
    ['/demo/backend/result', { method: 'POST', handle: ctx.backend.handleResult }],
    ['/demo/backend/reset', { method: 'POST', handle: ctx.backend.handleReset }],
    [
      '/api/.well-known/jwks.json',
      { method: 'GET', handle: (_q, res) => sendJson(res, 200, ctx.jwks) },
    ],
    ['/api/oauth/token', { method: 'POST', handle: ctx.auth.handleToken }],
    [
      '/sandbox/sessions',
      { method: 'POST', handle: (req, res) => answerCreateSession(ctx, req, res) },
    ],
    [
      '/sandbox/keys/decrypt.jwk',
      { method: 'GET', handle: (_q, res) => sendJson(res, 200, ctx.decryptionJwk) },
    ],
    ['/api/v1/info', { method: 'GET', handle: resultByHeader(INFO_SCOPE) }],
    ['/api/v2/info', { method: 'GET', handle: resultByHeader(SCAN_SCOPE) }],
    ['/api/v2/infop', { method: 'GET', handle: resultByHeader(SCAN_SCOPE) }],
    ['/api/v2/face/bioid/match', { method: 'POST', handle: resultByHeader(SCAN_SCOPE, true) }],
  ]);
}

/** Serves a stored result as `application/jwt`; `faceOnly` refuses enrolment sessions (404). */
function sendResult(
  store: SessionStore,
  res: ServerResponse,
  sessionId: string | undefined,
  faceOnly: boolean,
): void {
  if (sessionId === undefined || sessionId === '') {
    sendError(res, 400, 'bad_request', 'missing UQ-Session-ID header');
    return;
  }
  if (!isUuid(sessionId)) {
    sendError(res, 400, 'bad_request', 'session id must be a UUID');
    return;
  }
  const session = store.get(sessionId);
  if (!session || (faceOnly && session.scenario !== 'face-session')) {
    sendError(
      res,
      404,
      'not_found',
      faceOnly ? 'face session not found or deleted' : 'session not found or deleted',
    );
    return;
  }
  sendBody(res, 200, 'application/jwt', session.token);
}

async function answerImage(
  ctx: RouteContext,
  req: IncomingMessage,
  res: ServerResponse,
  imageId: string,
): Promise<void> {
  if (req.method !== 'GET') return sendMethodNotAllowed(res, 'GET');
  if (!(await ctx.auth.requireScope(req, res, INFO_SCOPE))) return;
  if (!IMAGE_ID_PATTERN.test(imageId)) {
    sendError(res, 400, 'bad_request', 'image id must be 24 hex characters');
    return;
  }
  const kind = ctx.store.findImage(imageId);
  if (kind === undefined) {
    sendError(res, 404, 'not_found', 'image not found or expired');
    return;
  }
  sendBody(res, 200, 'image/jpeg', ctx.assets.images[kind]);
}

async function answerInfoById(
  ctx: RouteContext,
  req: IncomingMessage,
  res: ServerResponse,
  sessionId: string,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'DELETE') {
    return sendMethodNotAllowed(res, 'GET, DELETE');
  }
  if (!(await ctx.auth.requireScope(req, res, INFO_SCOPE))) return;
  if (req.method === 'GET') {
    sendResult(ctx.store, res, sessionId, false);
    return;
  }
  // Like Uqudo's API (observed): 204 whether or not the session existed.
  ctx.store.delete(sessionId);
  res.writeHead(204);
  res.end();
}

async function answerCreateSession(
  ctx: RouteContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const body = await readJsonBody(req, res);
  if (!body.ok) return;
  const result = parseSessionRequest(body.value);
  if (!result.ok) {
    sendError(res, 400, 'bad_request', result.message);
    return;
  }
  const created = await ctx.createSession(result.request, req.socket.remoteAddress ?? '127.0.0.1');
  sendJson(res, 201, created);
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
