// Tests for sendReplay against a real local HTTP server: statuses, bodies, token binding, timeouts and failures.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { once, EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sendReplay } from './send';
import {
  buildDeleteRequest,
  buildImageRequest,
  buildInfoRequest,
  buildTokenRequest,
  type ReplayRequest,
} from '../uqudo/info-api';
import {
  SAMPLE_ACCESS_TOKEN,
  SAMPLE_SESSION_ID,
  unwrapRequest,
  unwrapResponse,
} from './testing/replays';

const JWS = 'eyJraWQiOiJhYmMiLCJhbGciOiJSUzI1NiJ9.eyJqdGkiOiIzZjJhIn0.c2ln';
const IMAGE = readFileSync(new URL('../../sandbox/images/front.jpg', import.meta.url));

interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

const received: Received[] = [];
const arrivals = new EventEmitter();
let server: Server;
let base: string;

function handle(req: IncomingMessage, res: ServerResponse, body: string): void {
  const url = req.url ?? '/';
  received.push({ method: req.method ?? '', url, headers: req.headers, body });
  arrivals.emit(url);
  const status = /^\/status\/(\d{3})$/.exec(url);
  if (status) {
    res.writeHead(Number(status[1]), { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ error: `status ${status[1]}` }));
    return;
  }
  if (url === `/api/v1/info/${SAMPLE_SESSION_ID}` && req.method === 'GET') {
    res.writeHead(200, { 'Content-Type': 'application/jwt', 'X-Request-Id': 'r-1' });
    res.end(JWS);
    return;
  }
  if (url === '/api/v1/info' && req.headers['uq-session-id'] === SAMPLE_SESSION_ID) {
    res.writeHead(200, { 'Content-Type': 'application/jwt' });
    res.end(JWS);
    return;
  }
  if (url === `/api/v1/info/${SAMPLE_SESSION_ID}` && req.method === 'DELETE') {
    res.writeHead(204);
    res.end();
    return;
  }
  if (url === '/api/v1/info/img/65a1f0c2e4b0a1b2c3d4e5f7') {
    res.writeHead(200, { 'Content-Type': 'image/jpeg', 'Content-Length': IMAGE.length });
    res.end(IMAGE);
    return;
  }
  if (url === '/api/oauth/token' && req.method === 'POST') {
    const form = new URLSearchParams(body);
    res.writeHead(form.get('client_secret') === 'right' ? 200 : 401, {
      'Content-Type': 'application/json',
    });
    res.end(JSON.stringify({ access_token: 'new-token', token_type: 'bearer', expires_in: 1800 }));
    return;
  }
  if (url === '/big') {
    res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('x'.repeat(100_000));
    return;
  }
  if (url === '/big-binary') {
    res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
    res.end(Buffer.alloc(50_000, 7));
    return;
  }
  if (url === '/untyped') {
    res.end('plain words');
    return;
  }
  if (url === '/redirect') {
    res.writeHead(302, { Location: `${base}/redirect-target` });
    res.end();
    return;
  }
  if (url === '/slow') return; // Never answers: the client must time out or abort.
  if (url === '/slow-body') {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.write('partial');
    return; // Headers and a first chunk, then nothing.
  }
  res.writeHead(404, { 'Content-Type': 'application/json' });
  res.end('{"error":"not found or expired"}');
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => handle(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  server.close();
  await once(server, 'close');
});

beforeEach(() => {
  received.length = 0;
});

function at(path: string, purpose: ReplayRequest['purpose'] = 'info'): ReplayRequest {
  return { method: 'GET', url: `${base}${path}`, headers: [], purpose };
}

describe('sendReplay — responses', () => {
  it('fetches a result JWS with the token bound to its origin', async () => {
    const request = unwrapRequest(buildInfoRequest({ base, sessionId: SAMPLE_SESSION_ID }));
    const result = unwrapResponse(
      await sendReplay(request, { token: SAMPLE_ACCESS_TOKEN, tokenOrigin: base }),
    );
    expect(result).toMatchObject({
      status: 200,
      statusText: 'OK',
      ok: true,
      contentType: 'application/jwt',
      bodyText: JWS,
      bodySize: JWS.length,
      truncated: false,
      authorized: true,
    });
    expect(result.bodyBytes).toBeUndefined();
    expect(result.explanation).toBeUndefined();
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
    expect(result.headers).toContainEqual({ name: 'x-request-id', value: 'r-1' });
    expect(received).toHaveLength(1);
    expect(received[0]!.headers.authorization).toBe(`Bearer ${SAMPLE_ACCESS_TOKEN}`);
    expect(received[0]!.headers.cookie).toBeUndefined();
  });

  it('sends UQ-Session-ID in header mode and strips a pasted "Bearer " prefix', async () => {
    const request = unwrapRequest(
      buildInfoRequest({ base, sessionId: SAMPLE_SESSION_ID, mode: 'header' }),
    );
    const result = unwrapResponse(
      await sendReplay(request, {
        token: `  Bearer ${SAMPLE_ACCESS_TOKEN}\n`,
        tokenOrigin: `${base}/`,
      }),
    );
    expect(result.bodyText).toBe(JWS);
    expect(received[0]!.headers['uq-session-id']).toBe(SAMPLE_SESSION_ID);
    expect(received[0]!.headers.authorization).toBe(`Bearer ${SAMPLE_ACCESS_TOKEN}`);
  });

  it('deletes a session (204, empty body)', async () => {
    const request = unwrapRequest(buildDeleteRequest({ base, sessionId: SAMPLE_SESSION_ID }));
    const result = unwrapResponse(
      await sendReplay(request, { token: SAMPLE_ACCESS_TOKEN, tokenOrigin: base }),
    );
    expect(result).toMatchObject({ status: 204, ok: true, bodyText: '', bodySize: 0 });
    expect(received[0]!.method).toBe('DELETE');
  });

  it('returns image bytes untouched', async () => {
    const request = unwrapRequest(buildImageRequest({ base, imageId: '65a1f0c2e4b0a1b2c3d4e5f7' }));
    const result = unwrapResponse(
      await sendReplay(request, { token: SAMPLE_ACCESS_TOKEN, tokenOrigin: base }),
    );
    expect(result.contentType).toBe('image/jpeg');
    expect(result.bodyText).toBeUndefined();
    expect(Buffer.from(result.bodyBytes!).equals(IMAGE)).toBe(true);
    expect(result.bodySize).toBe(IMAGE.length);
  });

  it.each([
    [400, 'info', 'Bad session id (400)'],
    [401, 'info', 'Token missing, expired or for another environment (401)'],
    [403, 'info', 'Token lacks the feature (403)'],
    [404, 'image', 'Image not found or expired (404)'],
    [404, 'info', 'Session not found (404)'],
    [500, 'delete', 'Server error (500)'],
  ] as const)('explains status %i for %s', async (status, purpose, title) => {
    const result = unwrapResponse(
      await sendReplay(at(`/status/${status}`, purpose), {
        token: SAMPLE_ACCESS_TOKEN,
        tokenOrigin: base,
      }),
    );
    expect(result.status).toBe(status);
    expect(result.ok).toBe(false);
    expect(result.bodyText).toBe(JSON.stringify({ error: `status ${status}` }));
    expect(result.explanation?.title).toBe(title);
  });

  it('posts the token form without any Authorization header', async () => {
    const request = unwrapRequest(
      buildTokenRequest({ base, clientId: 'c', clientSecret: 'right' }),
    );
    const result = unwrapResponse(await sendReplay(request));
    expect(result.status).toBe(200);
    expect(JSON.parse(result.bodyText!)).toMatchObject({ access_token: 'new-token' });
    expect(received[0]).toMatchObject({ method: 'POST', url: '/api/oauth/token' });
    expect(received[0]!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(received[0]!.headers.authorization).toBeUndefined();
    expect(new URLSearchParams(received[0]!.body).get('client_id')).toBe('c');
    const wrong = unwrapRequest(buildTokenRequest({ base, clientId: 'c', clientSecret: 'wrong' }));
    expect(unwrapResponse(await sendReplay(wrong)).explanation?.title).toBe(
      'Wrong client credentials (401)',
    );
  });

  it('caps text and binary bodies and says so', async () => {
    const text = unwrapResponse(await sendReplay(at('/big'), { maxTextBytes: 1000 }));
    expect(text).toMatchObject({ truncated: true, bodySize: 1000 });
    expect(text.bodyText).toBe('x'.repeat(1000));
    const binary = unwrapResponse(await sendReplay(at('/big-binary'), { maxBinaryBytes: 4096 }));
    expect(binary).toMatchObject({ truncated: true, bodySize: 4096 });
    expect(binary.bodyBytes).toHaveLength(4096);
    const whole = unwrapResponse(await sendReplay(at('/big')));
    expect(whole).toMatchObject({ truncated: false, bodySize: 100_000 });
  });

  it('reads a body without Content-Type as text', async () => {
    const result = unwrapResponse(await sendReplay(at('/untyped')));
    expect(result.contentType).toBe('');
    expect(result.bodyText).toBe('plain words');
  });

  it('does not follow redirects', async () => {
    const result = unwrapResponse(
      await sendReplay(at('/redirect'), { token: SAMPLE_ACCESS_TOKEN, tokenOrigin: base }),
    );
    expect(result.status).toBe(302);
    expect(result.ok).toBe(false);
    expect(result.explanation?.title).toBe('Redirect not followed');
    expect(received.map((r) => r.url)).toEqual(['/redirect']);
  });
});

describe('sendReplay — token binding', () => {
  it('refuses to send a token to another origin, and sends nothing', async () => {
    const request = unwrapRequest(buildInfoRequest({ base, sessionId: SAMPLE_SESSION_ID }));
    const result = await sendReplay(request, {
      token: SAMPLE_ACCESS_TOKEN,
      tokenOrigin: 'https://id.uqudo.io',
    });
    expect(result).toEqual({
      kind: 'refused',
      reason: `The token was entered for https://id.uqudo.io; this request goes to ${base}, so it was not sent.`,
    });
    expect(received).toEqual([]);
  });

  it('treats localhost and 127.0.0.1 as different origins', async () => {
    const port = new URL(base).port;
    const result = await sendReplay(at('/status/200'), {
      token: SAMPLE_ACCESS_TOKEN,
      tokenOrigin: `http://localhost:${port}`,
    });
    expect(result.kind).toBe('refused');
    expect(received).toEqual([]);
  });

  it('refuses to send a token over plain http to another machine', async () => {
    const calls: string[] = [];
    const spy: typeof fetch = async (input) => {
      calls.push(String(input));
      return new Response('');
    };
    const result = await sendReplay(
      { method: 'GET', url: 'http://id.uqudo.io/api/v1/info', headers: [], purpose: 'info' },
      { token: SAMPLE_ACCESS_TOKEN, tokenOrigin: 'http://id.uqudo.io', fetch: spy },
    );
    expect(result).toMatchObject({ kind: 'refused', reason: expect.stringMatching(/https/) });
    expect(calls).toEqual([]);
  });

  it('refuses a token without a bound origin', async () => {
    const result = await sendReplay(at('/status/200'), { token: SAMPLE_ACCESS_TOKEN });
    expect(result).toMatchObject({ kind: 'refused', reason: expect.stringMatching(/not bound/) });
    const garbage = await sendReplay(at('/status/200'), {
      token: SAMPLE_ACCESS_TOKEN,
      tokenOrigin: 'nonsense',
    });
    expect(garbage.kind).toBe('refused');
    expect(received).toEqual([]);
  });

  it('never forwards an Authorization header placed in the request itself', async () => {
    const smuggled = {
      ...at('/status/200'),
      headers: [{ name: 'Authorization', value: 'Bearer x' }],
    };
    const result = unwrapResponse(await sendReplay(smuggled));
    expect(result.authorized).toBe(false);
    expect(received[0]!.headers.authorization).toBeUndefined();
  });

  it('sends no Authorization header when there is no token (or only whitespace)', async () => {
    await sendReplay(at('/status/401'), { token: '   ', tokenOrigin: 'https://elsewhere.example' });
    expect(received).toHaveLength(1);
    expect(received[0]!.headers.authorization).toBeUndefined();
  });

  it('refuses invalid URLs, non-http schemes and unsendable headers', async () => {
    expect((await sendReplay({ ...at('/'), url: 'not a url' })).kind).toBe('refused');
    expect((await sendReplay({ ...at('/'), url: 'file:///etc/passwd' })).kind).toBe('refused');
    const bad = { ...at('/status/200'), headers: [{ name: 'X-Test', value: 'a\nb' }] };
    expect(await sendReplay(bad)).toMatchObject({ kind: 'refused', reason: /header/ });
    expect(received).toEqual([]);
  });
});

describe('sendReplay — failures', () => {
  it('times out while waiting for headers', async () => {
    const result = await sendReplay(at('/slow'), { timeoutMs: 150 });
    expect(result.kind).toBe('timeout');
    if (result.kind !== 'timeout') return;
    expect(result.durationMs).toBeGreaterThanOrEqual(140);
    expect(result.explanation.title).toBe('Timed out');
    expect(result.explanation.detail).toMatch(/0\.2 s|0\.1 s/);
  });

  it('times out while the body trickles', async () => {
    const result = await sendReplay(at('/slow-body'), { timeoutMs: 150 });
    expect(result.kind).toBe('timeout');
  });

  it('stops when the caller aborts', async () => {
    const controller = new AbortController();
    const arrived = once(arrivals, '/slow');
    const pending = sendReplay(at('/slow'), { signal: controller.signal, timeoutMs: 60_000 });
    await arrived;
    controller.abort();
    expect(await pending).toMatchObject({ kind: 'aborted' });
  });

  it('does not send at all with an already aborted signal', async () => {
    const result = await sendReplay(at('/status/200'), { signal: AbortSignal.abort() });
    expect(result).toEqual({ kind: 'aborted', durationMs: 0 });
    expect(received).toEqual([]);
  });

  it('reports a closed port as a network error that names the origin', async () => {
    const probe = createNetServer();
    probe.listen(0, '127.0.0.1');
    await once(probe, 'listening');
    const port = (probe.address() as AddressInfo).port;
    probe.close();
    await once(probe, 'close');
    const origin = `http://127.0.0.1:${port}`;
    const request = unwrapRequest(buildInfoRequest({ base: origin, sessionId: SAMPLE_SESSION_ID }));
    const result = await sendReplay(request, { token: SAMPLE_ACCESS_TOKEN, tokenOrigin: origin });
    expect(result.kind).toBe('network-error');
    if (result.kind !== 'network-error') return;
    expect(result.message).toMatch(/ECONNREFUSED/);
    expect(result.message).not.toContain(SAMPLE_ACCESS_TOKEN);
    expect(result.explanation.title).toBe('Network or CORS failure');
    expect(result.explanation.action).toContain(origin);
  });

  it('reports a TypeError from an injected fetch (a browser CORS block) as a network error', async () => {
    const calls: string[] = [];
    const blocked: typeof fetch = async (input) => {
      calls.push(String(input));
      throw new TypeError('Failed to fetch');
    };
    const request = unwrapRequest(
      buildImageRequest({ base: 'https://id.uqudo.io', imageId: 'abc' }),
    );
    const result = await sendReplay(request, {
      token: SAMPLE_ACCESS_TOKEN,
      tokenOrigin: 'https://id.uqudo.io',
      fetch: blocked,
    });
    expect(calls).toEqual(['https://id.uqudo.io/api/v1/info/img/abc']);
    expect(result).toMatchObject({ kind: 'network-error', message: 'Failed to fetch' });
  });
});
