// Small HTTP helpers for the sandbox server: JSON/error responses, capped body reading, request targets.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Largest request body the sandbox reads (requests are tiny form or JSON documents). */
const MAX_BODY_BYTES = 64 * 1024;

/** Thrown by readBody when the body exceeds MAX_BODY_BYTES. */
export class BodyTooLargeError extends Error {
  constructor() {
    super(`request body larger than ${MAX_BODY_BYTES} bytes`);
  }
}

/** Reads a request body as UTF-8, refusing more than MAX_BODY_BYTES. */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        tooLarge = true;
        chunks.length = 0;
        return;
      }
      if (!tooLarge) chunks.push(chunk);
    });
    req.on('end', () => {
      if (tooLarge) reject(new BodyTooLargeError());
      else resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}

/**
 * Reads a request body that must be JSON. When it is not, answers 400 `bad_request` itself and
 * gives `{ ok: false }`; a body over the size cap rejects like {@link readBody}.
 */
export async function readJsonBody(
  req: IncomingMessage,
  res: ServerResponse,
): Promise<{ ok: true; value: unknown } | { ok: false }> {
  const body = await readBody(req);
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch {
    sendError(res, 400, 'bad_request', 'body must be JSON');
    return { ok: false };
  }
}

/** Sends a JSON body with the given status. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(text);
}

/** Sends the sandbox's error shape `{error, message}`. */
export function sendError(
  res: ServerResponse,
  status: number,
  error: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, { error, message }, headers);
}

/** Sends a raw body with a content type. */
export function sendBody(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(body);
}

/**
 * The path of a request target (origin-form `/path` or absolute-form `http://host/path`), or
 * undefined when it is not one (e.g. `http://[::1`, `http://a:99999/`, `*`): such a request line
 * is malformed and gets a 400, not a crash.
 */
export function parseRequestPath(target: string | undefined): string | undefined {
  const text = target ?? '/';
  try {
    // A fixed base keeps `//x:y` a path instead of a protocol-relative URL.
    return text.startsWith('/')
      ? new URL(`http://sandbox.invalid${text}`).pathname
      : new URL(text).pathname;
  } catch {
    return undefined;
  }
}
