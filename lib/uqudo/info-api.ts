// Request builders for Uqudo's Info API, image download and token endpoint (pure; the token is never inside).
import type { Header } from '../capture/exchange';
import { isUuid } from '../guards';
import { parseApiBase, type ApiBaseResult } from './api-bases';

export { API_BASE_PRESETS, parseApiBase } from './api-bases';

/** What a replay is for; drives error explanations and cURL rendering. */
export type ReplayPurpose = 'info' | 'info-header' | 'delete' | 'image' | 'token';

/**
 * A request ready for `sendReplay` or `renderCurl`. It never carries the access token: `sendReplay`
 * adds `Authorization` only for the origin the token is bound to.
 */
export interface ReplayRequest {
  method: 'GET' | 'DELETE' | 'POST';
  url: string;
  headers: Header[];
  /** Form-encoded body of the token request (contains the client secret). */
  body?: string;
  purpose: ReplayPurpose;
  sessionId?: string;
  imageId?: string;
}

/** Result of a request builder. */
export type BuildResult = { ok: true; request: ReplayRequest } | { ok: false; error: string };

/** Uqudo's token endpoints for its own API bases; any other base serves `/api/oauth/token` itself. */
const TOKEN_ENDPOINTS: Record<string, string> = {
  'https://id.uqudo.io': 'https://auth.uqudo.io/api/oauth/token',
  'https://id.dev.uqudo.io': 'https://auth.dev.uqudo.io/api/oauth/token',
};

const MAX_INPUT_CHARS = 2048;
const MAX_IMAGE_ID_CHARS = 256;

/** True when `id` has the UUID shape Uqudo requires of a session id. */
export function isSessionId(id: string): boolean {
  return isUuid(id);
}

function resolveBase(base: string): ApiBaseResult {
  return parseApiBase(base);
}

function checkSessionId(
  sessionId: string,
): { ok: true; id: string } | { ok: false; error: string } {
  const id = typeof sessionId === 'string' ? sessionId.trim() : '';
  if (id === '') return { ok: false, error: 'Enter a session id.' };
  if (!isSessionId(id)) {
    return {
      ok: false,
      error:
        'A session id is a UUID like 3f2a9c1e-7b4d-4e8f-9a01-23456789abcd (the result\u2019s jti, or data.sessionId for face sessions).',
    };
  }
  return { ok: true, id };
}

/**
 * `GET {base}/api/v1/info/{sessionId}` (mode `path`, the default) or `GET {base}/api/v1/info` with
 * an `UQ-Session-ID` header (mode `header`). Both answer 200 with the result JWS.
 */
export function buildInfoRequest(options: {
  base: string;
  sessionId: string;
  mode?: 'path' | 'header';
}): BuildResult {
  const base = resolveBase(options.base);
  if (!base.ok) return base;
  const id = checkSessionId(options.sessionId);
  if (!id.ok) return id;
  if (options.mode === 'header') {
    return {
      ok: true,
      request: {
        method: 'GET',
        url: `${base.origin}/api/v1/info`,
        headers: [{ name: 'UQ-Session-ID', value: id.id }],
        purpose: 'info-header',
        sessionId: id.id,
      },
    };
  }
  return {
    ok: true,
    request: {
      method: 'GET',
      url: `${base.origin}/api/v1/info/${id.id}`,
      headers: [],
      purpose: 'info',
      sessionId: id.id,
    },
  };
}

/** `DELETE {base}/api/v1/info/{sessionId}` (204, also for unknown ids). Face sessions use data.sessionId. */
export function buildDeleteRequest(options: { base: string; sessionId: string }): BuildResult {
  const base = resolveBase(options.base);
  if (!base.ok) return base;
  const id = checkSessionId(options.sessionId);
  if (!id.ok) return id;
  return {
    ok: true,
    request: {
      method: 'DELETE',
      url: `${base.origin}/api/v1/info/${id.id}`,
      headers: [],
      purpose: 'delete',
      sessionId: id.id,
    },
  };
}

/**
 * `GET {base}/api/v1/info/img/{imageId}`. Image ids are undocumented in shape (24 hex in every
 * example), so any non-empty path-safe string is accepted and percent-encoded.
 */
export function buildImageRequest(options: {
  base: string;
  imageId: string;
  sessionId?: string;
}): BuildResult {
  const base = resolveBase(options.base);
  if (!base.ok) return base;
  const imageId = typeof options.imageId === 'string' ? options.imageId.trim() : '';
  if (imageId === '') return { ok: false, error: 'The image id is empty.' };
  if (imageId.length > MAX_IMAGE_ID_CHARS) return { ok: false, error: 'The image id is too long.' };
  // Refuse anything that could step out of /img/ once the URL is normalized.
  if (/[/\\]/.test(imageId) || imageId.includes('..') || imageId === '.') {
    return { ok: false, error: 'An image id cannot contain "/", "\\" or "..".' };
  }
  // Control characters never belong in an id and would be invisible in the UI and in cURL.
  if ([...imageId].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) {
    return { ok: false, error: 'The image id contains control characters.' };
  }
  const request: ReplayRequest = {
    method: 'GET',
    url: `${base.origin}/api/v1/info/img/${encodeURIComponent(imageId)}`,
    headers: [],
    purpose: 'image',
    imageId,
  };
  const sessionId = typeof options.sessionId === 'string' ? options.sessionId.trim() : '';
  if (sessionId !== '') request.sessionId = sessionId;
  return { ok: true, request };
}

/**
 * The token endpoint that belongs to an API base: Uqudo's auth hosts for production and
 * development (`https://auth.uqudo.io/api/oauth/token`, `https://auth.dev.uqudo.io/api/oauth/token`),
 * `{base}/api/oauth/token` for the sandbox and any other base.
 */
export function tokenEndpointFor(
  base: string,
): { ok: true; url: string } | { ok: false; error: string } {
  const parsed = resolveBase(base);
  if (!parsed.ok) return parsed;
  return { ok: true, url: TOKEN_ENDPOINTS[parsed.origin] ?? `${parsed.origin}/api/oauth/token` };
}

/**
 * Form-encoded `client_credentials` POST to the base's token endpoint. Uqudo says to do this from
 * a backend only: the body carries the client secret, so never log or store the request.
 */
export function buildTokenRequest(options: {
  base: string;
  clientId: string;
  clientSecret: string;
}): BuildResult {
  const endpoint = tokenEndpointFor(options.base);
  if (!endpoint.ok) return endpoint;
  const clientId = typeof options.clientId === 'string' ? options.clientId.trim() : '';
  const clientSecret = typeof options.clientSecret === 'string' ? options.clientSecret.trim() : '';
  if (clientId === '') return { ok: false, error: 'Enter the client id.' };
  if (clientSecret === '') return { ok: false, error: 'Enter the client secret.' };
  if (clientId.length > MAX_INPUT_CHARS || clientSecret.length > MAX_INPUT_CHARS) {
    return { ok: false, error: 'The client id or secret is too long.' };
  }
  const body = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: clientId,
    client_secret: clientSecret,
  }).toString();
  return {
    ok: true,
    request: {
      method: 'POST',
      url: endpoint.url,
      headers: [
        { name: 'Content-Type', value: 'application/x-www-form-urlencoded' },
        { name: 'Accept', value: 'application/json' },
      ],
      body,
      purpose: 'token',
    },
  };
}

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/jpg': 'jpg',
  'image/png': 'png',
  'image/jp2': 'jp2',
  'image/jpx': 'jpx',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'image/heic': 'heic',
  'image/bmp': 'bmp',
  'application/pdf': 'pdf',
};

/**
 * A meaningful, file-system-safe download name: `{sessionId}-{key}-{imageId}.{ext}`, e.g.
 * `3f2a9c1e-7b4d-4e8f-9a01-23456789abcd-frontImageId-65a1f0c2e4b0a1b2c3d4e5f7.jpg`.
 * The extension follows the MIME type (parameters ignored), `bin` when unknown.
 */
export function formatImageFileName(options: {
  sessionId?: string;
  key: string;
  imageId: string;
  mimeType?: string;
}): string {
  const parts = [options.sessionId, options.key, options.imageId]
    .map((part) => sanitizeNamePart(part))
    .filter((part) => part !== '');
  const mime = (options.mimeType ?? '').split(';')[0]!.trim().toLowerCase();
  const extension = EXTENSIONS[mime] ?? 'bin';
  return `${parts.length ? parts.join('-') : 'image'}.${extension}`;
}

function sanitizeNamePart(part: string | undefined): string {
  if (typeof part !== 'string') return '';
  return part
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._-]+/, '')
    .slice(0, 80);
}
