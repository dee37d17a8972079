// Unit tests of which requests are kept for the backend test and which headers and credentials are resent.
import { describe, expect, it } from 'vitest';
import type { CapturedExchange } from '../capture/exchange';
import { extractSessionEvidence } from '../session/evidence';
import { keepBackendPost, MAX_KEPT_BODY_CHARS } from './keep';
import { selectResendHeaders } from './request';

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJqdGkiOiJ4In0.c2ln';

function exchange(overrides: Partial<CapturedExchange> = {}): CapturedExchange {
  return {
    id: 'r1',
    time: 1,
    method: 'POST',
    url: 'https://app.example/kyc/result',
    status: 200,
    requestHeaders: [{ name: 'Content-Type', value: 'application/json' }],
    responseHeaders: [],
    requestBody: JSON.stringify({ jwsResult: TOKEN }),
    source: 'network',
    ...overrides,
  };
}

const keep = (e: CapturedExchange) => keepBackendPost(e, extractSessionEvidence(e));

describe('keepBackendPost', () => {
  it('keeps a result posted to the integrator’s backend, with method, URL, headers and body', () => {
    expect(keep(exchange())).toEqual({
      exchangeId: 'r1',
      status: 200,
      request: {
        method: 'POST',
        url: 'https://app.example/kyc/result',
        headers: [{ name: 'Content-Type', value: 'application/json' }],
        body: JSON.stringify({ jwsResult: TOKEN }),
      },
    });
  });

  it('skips Uqudo hosts and API paths, GETs, replays, bodies without a JWS and oversized bodies', () => {
    expect(keep(exchange({ url: 'https://id.uqudo.io/demo' }))).toBeUndefined();
    expect(
      keep(exchange({ url: 'http://127.0.0.1:8321/api/v2/face/bioid/match' })),
    ).toBeUndefined();
    expect(keep(exchange({ method: 'GET' }))).toBeUndefined();
    expect(keep(exchange({ source: 'replay' }))).toBeUndefined();
    expect(keep(exchange({ requestBody: '{"a":1}' }))).toBeUndefined();
    expect(
      keep(exchange({ requestBody: `eyJ${'a'.repeat(MAX_KEPT_BODY_CHARS)}` })),
    ).toBeUndefined();
    expect(keep(exchange({ url: 'file:///x' }))).toBeUndefined();
  });
});

describe('selectResendHeaders', () => {
  it('copies what fetch may set, notes cookies, CSRF and Authorization, drops forbidden and pseudo headers', () => {
    const { headers, credentials } = selectResendHeaders([
      { name: ':authority', value: 'app.example' },
      { name: 'Host', value: 'app.example' },
      { name: 'Cookie', value: 'sid=1' },
      { name: 'Origin', value: 'https://app.example' },
      { name: 'Sec-Fetch-Mode', value: 'cors' },
      { name: 'Content-Length', value: '10' },
      { name: 'Content-Type', value: 'application/json' },
      { name: 'content-type', value: 'text/plain' },
      { name: 'X-XSRF-TOKEN', value: 'abc' },
      { name: 'Authorization', value: 'Bearer app-session' },
    ]);
    expect(headers).toEqual([
      { name: 'Content-Type', value: 'application/json' },
      { name: 'X-XSRF-TOKEN', value: 'abc' },
      { name: 'Authorization', value: 'Bearer app-session' },
    ]);
    expect(credentials).toEqual({
      cookie: true,
      csrfHeaders: ['X-XSRF-TOKEN'],
      authorization: true,
    });
  });
});
