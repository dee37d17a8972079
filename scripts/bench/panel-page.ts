// The loopback site of the real-panel scale run: a page that fires a burst of requests, and its API.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { benchToken } from './bodies';

/** Which requests of a burst carry a token, and where (every tenth request carries one). */
export function tokenPlace(i: number): 'none' | 'response' | 'header' | 'body' {
  if (i % 10 !== 0) return 'none';
  const k = i / 10;
  return k % 10 === 1 ? 'header' : k % 10 === 2 ? 'body' : 'response';
}

/** Tokens a burst of `requests` requests carries (one capture each: every token is distinct). */
export function tokensIn(requests: number): number {
  let count = 0;
  for (let i = 0; i < requests; i++) if (tokenPlace(i) !== 'none') count++;
  return count;
}

// Runs in the page: builds request tokens itself (header and signature constants come from the
// server), fires `requests` requests `concurrency` at a time, and times the burst.
const PAGE_SCRIPT = `
const b64 = (text) => btoa(text).replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');
const place = ${tokenPlace.toString()};
window.runBurst = async (run, requests, concurrency) => {
  const started = performance.now();
  let next = 0;
  let lastResponseAt = 0;
  const one = async (i) => {
    const where = place(i);
    const group = (i / 10) % 2 === 0 ? 'a' : 'b';
    const token = () =>
      [HEADER, b64(JSON.stringify({ jti: 'page-' + run + '-' + i, iat: 1767225600 })), SIGNATURE].join('.');
    let response;
    if (where === 'response') response = await fetch('/api/' + group + '/tok/' + run + '/' + i);
    else if (where === 'header')
      response = await fetch('/api/' + group + '/auth/' + i, { headers: { Authorization: 'Bearer ' + token() } });
    else if (where === 'body')
      response = await fetch('/api/' + group + '/body/' + i, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ jwsResult: token() }),
      });
    else response = await fetch('/api/plain/' + i);
    await response.text();
    lastResponseAt = Date.now();
  };
  const worker = async () => {
    while (next < requests) await one(next++);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { burstMs: performance.now() - started, lastResponseAt };
};
`;

function pageHtml(header: string, signature: string): string {
  return `<!doctype html><meta charset="utf-8"><title>burst</title><script>
const HEADER = ${JSON.stringify(header)};
const SIGNATURE = ${JSON.stringify(signature)};
${PAGE_SCRIPT}</script><p>burst page</p>`;
}

/** The running loopback site. */
export interface BurstSite {
  url: string;
  /**
   * Wall-clock time (ms, this process's `Date.now()`) at which the server wrote the latest response
   * of a request that carries a token (response body, request header or request body). Taken when
   * the response is written, not in `end`'s callback, which runs late when this process is busy
   * driving the browser; token-free responses are left out, since no row waits for them.
   */
  lastResponseAt(): number;
  /** The path of the request whose response that was (e.g. `/api/a/tok/2/19990`). */
  lastResponsePath(): string;
  close(): Promise<void>;
}

/** Serves the burst page and its API on 127.0.0.1 (a free port). */
export async function startBurstSite(): Promise<BurstSite> {
  const [header, , signature] = benchToken(0).split('.') as [string, string, string];
  const html = pageHtml(header, signature);
  let lastResponseAt = 0;
  let lastResponsePath = '';
  const server: Server = createServer((request, response) => {
    const url = request.url ?? '/';
    if (url === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(html);
      return;
    }
    const parts = url.split('/');
    // /api/<group>/<tok|auth|body>/…: a request whose exchange the panel lists.
    const carriesToken = parts[3] === 'tok' || parts[3] === 'auth' || parts[3] === 'body';
    const body =
      parts[3] === 'tok'
        ? // /api/<group>/tok/<run>/<i>: a distinct token per run and request.
          { id: parts[5], result: benchToken(Number(parts[4]) * 1_000_000 + Number(parts[5])) }
        : { id: parts[parts.length - 1], ok: true };
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      if (carriesToken) {
        lastResponseAt = Date.now();
        lastResponsePath = url;
      }
      response.end(JSON.stringify(body));
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    lastResponseAt: () => lastResponseAt,
    lastResponsePath: () => lastResponsePath,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
