// Test helper: runs the demo page's flow (and its mistakes) against a real sandbox with fetch, recording CapturedExchanges.
import type { CapturedExchange, Header } from '../../capture/exchange';

/** The demo page's integration mistakes (see sandbox/demo/demo.js). */
interface DemoVariant {
  wrongNonce?: boolean;
  otherJti?: boolean;
  altered?: boolean;
  browserSecret?: boolean;
  scope?: 'all';
  client?: 'scan-only';
  twice?: boolean;
  inUrl?: boolean;
  noNonce?: boolean;
}

/** Options of one run. */
export interface DemoRun {
  scenario?: string;
  mode?: 'naive' | 'strict';
  variant?: DemoVariant;
  /** Start time of the first exchange; later ones are 1 ms apart (the capture order). */
  time?: number;
}

function toHeaders(headers: Record<string, string> | Headers): Header[] {
  const list: Header[] = [];
  if (headers instanceof Headers) headers.forEach((value, name) => list.push({ name, value }));
  else for (const [name, value] of Object.entries(headers)) list.push({ name, value });
  return list;
}

/** Records every request like DevTools would. */
export class Recorder {
  readonly exchanges: CapturedExchange[] = [];
  private clock: number;

  constructor(
    private readonly base: string,
    start = Date.now(),
  ) {
    this.clock = start;
  }

  async send(
    method: string,
    path: string,
    headers: Record<string, string> = {},
    body?: string,
  ): Promise<{ status: number; text: string }> {
    const url = `${this.base}${path}`;
    const response = await fetch(url, { method, headers, ...(body !== undefined && { body }) });
    const text = await response.text();
    const exchange: CapturedExchange = {
      id: String(this.exchanges.length + 1),
      time: this.clock++,
      method,
      url,
      status: response.status,
      requestHeaders: toHeaders(headers),
      responseHeaders: toHeaders(response.headers),
      responseBody: text,
      source: 'network',
      ...(body !== undefined && { requestBody: body }),
    };
    this.exchanges.push(exchange);
    return { status: response.status, text };
  }
}

const JSON_TYPE = { 'Content-Type': 'application/json' };

async function getToken(
  recorder: Recorder,
  variant: DemoVariant,
  backend: { access_token?: string },
): Promise<string> {
  if (!variant.browserSecret) return backend.access_token ?? '';
  const config = JSON.parse((await recorder.send('GET', '/demo/config.json')).text) as {
    clientId: string;
    clientSecret: string;
  };
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: config.clientId,
    client_secret: config.clientSecret,
    scope: 'KYC_SCAN_SDK',
  });
  const answer = await recorder.send(
    'POST',
    '/api/oauth/token',
    { 'Content-Type': 'application/x-www-form-urlencoded' },
    form.toString(),
  );
  return (JSON.parse(answer.text) as { access_token: string }).access_token;
}

/** Runs the demo page's flow once, as demo.js does; returns the result token the SDK got. */
export async function runDemoFlow(recorder: Recorder, run: DemoRun = {}): Promise<string> {
  const variant = run.variant ?? {};
  const scenario = run.scenario ?? 'passport';
  const session = await recorder.send(
    'POST',
    '/demo/backend/session',
    JSON_TYPE,
    JSON.stringify({
      withToken: !variant.browserSecret,
      client: variant.client ?? 'demo',
      scope: variant.scope ?? 'sdk',
    }),
  );
  const backend = JSON.parse(session.text) as { access_token?: string; nonce: string };
  const accessToken = await getToken(recorder, variant, backend);
  const nonce = variant.noNonce ? undefined : backend.nonce;
  const sessionNonce = variant.wrongNonce ? crypto.randomUUID() : nonce;
  const created = await recorder.send(
    'POST',
    '/sandbox/sessions',
    JSON_TYPE,
    JSON.stringify({
      scenario,
      nonce: sessionNonce,
      ...(variant.otherJti && { jti: crypto.randomUUID() }),
    }),
  );
  const { sessionId } = JSON.parse(created.text) as { sessionId: string };
  const face = scenario === 'face-session';
  const headers: Record<string, string> = {
    Authorization: `Bearer ${accessToken}`,
    'UQ-Session-ID': sessionId,
    ...(nonce !== undefined && { 'UQ-Nonce': nonce }),
  };
  const result = await recorder.send(
    face ? 'POST' : 'GET',
    face ? '/api/v2/face/bioid/match' : '/api/v2/info',
    headers,
  );
  const token = result.text;
  const posted = variant.altered ? token.slice(0, token.length - 8) : token;
  await postResult(recorder, posted, run.mode ?? 'strict', variant.inUrl === true);
  if (variant.twice) await postResult(recorder, token, run.mode ?? 'strict', false);
  return token;
}

/** Posts a result to the demo backend as the page does. */
function postResult(
  recorder: Recorder,
  token: string,
  mode: 'naive' | 'strict',
  inUrl: boolean,
): Promise<{ status: number; text: string }> {
  const query = new URLSearchParams({ mode });
  if (inUrl) query.set('jwsResult', token);
  return recorder.send(
    'POST',
    `/demo/backend/result?${query}`,
    JSON_TYPE,
    JSON.stringify(inUrl ? {} : { jwsResult: token }),
  );
}
