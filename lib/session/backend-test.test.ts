// Unit tests of the backend acceptance test's pure parts: locating and substituting the token, planning, judging, the guard.
import { describe, expect, it } from 'vitest';
import {
  isUqudoTarget,
  judgeAnswer,
  locateToken,
  MUTATIONS,
  planBackendTest,
  substituteToken,
  type CapturedRequest,
} from './backend-test';

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJqdGkiOiJ4In0.c2ln';
const JSON_TYPE = 'application/json';
const FORM_TYPE = 'application/x-www-form-urlencoded';

function request(overrides: Partial<CapturedRequest> = {}): CapturedRequest {
  return {
    method: 'POST',
    url: 'https://app.example/kyc/result?x=1',
    headers: [{ name: 'Content-Type', value: JSON_TYPE }],
    body: JSON.stringify({ user: 1, kyc: { jwsResult: TOKEN } }),
    ...overrides,
  };
}

describe('locateToken', () => {
  it('finds a JSON path, a form field, or raw text', () => {
    expect(locateToken(JSON.stringify({ a: [0, { b: TOKEN }] }), TOKEN, JSON_TYPE)).toEqual({
      kind: 'json',
      path: ['a', 1, 'b'],
    });
    expect(locateToken(`x=1&result=${TOKEN}`, TOKEN, FORM_TYPE)).toEqual({
      kind: 'form',
      field: 'result',
    });
    expect(locateToken(`token: ${TOKEN}`, TOKEN, 'text/plain')).toEqual({ kind: 'raw' });
    expect(locateToken(JSON.stringify(TOKEN), TOKEN, JSON_TYPE)).toEqual({
      kind: 'json',
      path: [],
    });
  });

  it('a token inside a larger JSON string is raw; an absent token is undefined', () => {
    expect(locateToken(JSON.stringify({ a: `Bearer ${TOKEN}` }), TOKEN, JSON_TYPE)).toEqual({
      kind: 'raw',
    });
    expect(locateToken('{"a":1}', TOKEN, JSON_TYPE)).toBeUndefined();
    expect(locateToken('{"a":1}', '', JSON_TYPE)).toBeUndefined();
  });
});

describe('substituteToken', () => {
  it('replaces at a JSON path, keeping the rest', () => {
    const body = JSON.stringify({ user: 1, kyc: { jwsResult: TOKEN } });
    const out = substituteToken(body, { kind: 'json', path: ['kyc', 'jwsResult'] }, 'NEW');
    expect(out).toEqual({ ok: true, body: JSON.stringify({ user: 1, kyc: { jwsResult: 'NEW' } }) });
  });

  it('replaces a form field and raw text', () => {
    expect(substituteToken(`a=1&r=${TOKEN}`, { kind: 'form', field: 'r' }, 'N.E.W')).toEqual({
      ok: true,
      body: 'a=1&r=N.E.W',
    });
    expect(substituteToken(`t=${TOKEN};`, { kind: 'raw' }, 'NEW', TOKEN)).toEqual({
      ok: true,
      body: 't=NEW;',
    });
  });

  it('says why it cannot, never throws', () => {
    expect(substituteToken('not json', { kind: 'json', path: ['a'] }, 'N').ok).toBe(false);
    expect(substituteToken('{"b":1}', { kind: 'json', path: ['a'] }, 'N').ok).toBe(false);
    expect(substituteToken('{"a":1}', { kind: 'json', path: ['a', 'b', 'c'] }, 'N').ok).toBe(false);
    expect(substituteToken('x=1', { kind: 'form', field: 'r' }, 'N').ok).toBe(false);
    expect(substituteToken('abc', { kind: 'raw' }, 'N', TOKEN).ok).toBe(false);
  });
});

describe('isUqudoTarget (never-send guard)', () => {
  it('refuses Uqudo hosts and unparsable URLs, allows the integrator', () => {
    expect(isUqudoTarget('https://id.uqudo.io/api/v1/info')).toBe(true);
    expect(isUqudoTarget('https://AUTH.DEV.UQUDO.IO./x')).toBe(true);
    expect(isUqudoTarget('not a url')).toBe(true);
    expect(isUqudoTarget('https://uqudo.io.evil.example/')).toBe(false);
    expect(isUqudoTarget('http://127.0.0.1:8321/demo/backend/result')).toBe(false);
  });
});

describe('planBackendTest', () => {
  it('plans one request per mutation, the expired row only when an expired result is held', () => {
    const planned = planBackendTest(request(), TOKEN, { hasExpiredResult: true });
    expect(planned.ok && planned.plan.steps.map((s) => s.mutation)).toEqual([...MUTATIONS]);
    const without = planBackendTest(request(), TOKEN);
    expect(without.ok && without.plan.steps.map((s) => s.mutation)).not.toContain('expired');
    expect(planned.ok && planned.plan).toMatchObject({
      origin: 'https://app.example',
      location: { kind: 'json', path: ['kyc', 'jwsResult'] },
    });
  });

  it('honours the hard cap', () => {
    const planned = planBackendTest(request(), TOKEN, { maxRequests: 2 });
    expect(planned.ok && planned.plan.steps.map((s) => s.mutation)).toEqual([
      'control',
      'payload-altered',
    ]);
  });

  it('refuses Uqudo hosts, non-http URLs, missing bodies and a body without the token', () => {
    expect(planBackendTest(request({ url: 'https://id.uqudo.io/api/v2/info' }), TOKEN)).toEqual({
      ok: false,
      reason: 'never sent to a Uqudo host',
    });
    expect(planBackendTest(request({ url: 'file:///etc/passwd' }), TOKEN).ok).toBe(false);
    expect(planBackendTest(request({ url: '::' }), TOKEN).ok).toBe(false);
    const { body: _omit, ...noBody } = request();
    expect(planBackendTest(noBody, TOKEN).ok).toBe(false);
    expect(planBackendTest(request({ body: '{}' }), TOKEN).ok).toBe(false);
  });
});

describe('judgeAnswer', () => {
  const control = { status: 200, body: '{"ok":true,"n":[1,2]}', contentType: JSON_TYPE };

  it('the same status and JSON body is accepted (key order aside)', () => {
    expect(judgeAnswer(control, control)).toBe('accepted');
    expect(judgeAnswer(control, { ...control, body: '{"n":[1,2],"ok":true}' })).toBe('accepted');
  });

  it('a different 4xx is rejected', () => {
    expect(
      judgeAnswer(control, { status: 400, body: '{"error":"x"}', contentType: JSON_TYPE }),
    ).toBe('rejected');
    expect(judgeAnswer(control, { status: 409 })).toBe('rejected');
  });

  it('network failures, 5xx, another 2xx body and a failed control are errors', () => {
    expect(judgeAnswer(control, { status: 0 })).toBe('error');
    expect(judgeAnswer(control, { status: 500 })).toBe('error');
    expect(judgeAnswer(control, { ...control, body: '{"ok":false}' })).toBe('error');
    expect(judgeAnswer(control, { status: 200, body: 'ok', contentType: 'text/plain' })).toBe(
      'error',
    );
    expect(judgeAnswer({ status: 401 }, { status: 401 })).toBe('error');
  });

  it('non-JSON answers compare by status', () => {
    const text = { status: 204 };
    expect(judgeAnswer(text, { status: 204 })).toBe('accepted');
  });
});
