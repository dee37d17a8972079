// Tests of the replay suggestions: the API base from a result's iss or Info API request, a captured token's origin.
import { describe, expect, it } from 'vitest';
import type { Inspection } from '../jose/inspect';
import { findCapturedAccessToken, suggestApiBase } from './suggest';
import { describeSuggestionSource } from './suggest-text';

const inspection = (patch: Partial<Inspection>): Inspection =>
  ({
    format: 'jws',
    header: { alg: 'RS256' },
    payload: {},
    signature: 'valid',
    kind: 'uqudo-result',
    findings: [],
    ...patch,
  }) as Inspection;

const capture = (
  url: string,
  insp: Inspection,
  location = 'request.header',
  source = 'network',
) => ({
  exchange: { url, source },
  sighting: { location, token: 'h.p.s' },
  inspection: insp,
});

describe('suggestApiBase', () => {
  it('suggests a usable iss, and says it is an assumption', () => {
    const suggestion = suggestApiBase(
      capture(
        'https://shop.example/api/kyc',
        inspection({ payload: { iss: 'https://id.dev.uqudo.io' } }),
      ),
    );
    expect(suggestion).toEqual({ origin: 'https://id.dev.uqudo.io', from: 'iss' });
    expect(describeSuggestionSource(suggestion!)).toContain('an assumption');
  });

  it('falls back to the Info API request origin, and suggests nothing for other requests', () => {
    const noIss = inspection({ payload: { iss: 'http://evil.example' } });
    expect(suggestApiBase(capture('http://127.0.0.1:8321/api/v2/info', noIss))).toEqual({
      origin: 'http://127.0.0.1:8321',
      from: 'request',
    });
    expect(suggestApiBase(capture('https://shop.example/api/kyc', noIss))).toBeUndefined();
  });

  it('suggests nothing for a token that is not a Uqudo result', () => {
    const token = inspection({
      kind: 'uqudo-access-token',
      payload: { iss: 'https://id.uqudo.io' },
    });
    expect(suggestApiBase(capture('https://id.uqudo.io/api/v2/info', token))).toBeUndefined();
  });
});

describe('findCapturedAccessToken', () => {
  const token = inspection({
    kind: 'uqudo-access-token',
    payload: { iss: 'https://auth.uqudo.io' },
  });

  it('binds a Bearer token to the origin it was sent to', () => {
    expect(findCapturedAccessToken(capture('http://127.0.0.1:8321/api/v2/info', token))).toEqual({
      token: 'h.p.s',
      suggestion: { origin: 'http://127.0.0.1:8321', from: 'request' },
    });
  });

  it('binds a token-endpoint answer to that environment’s API base', () => {
    const found = findCapturedAccessToken(
      capture('https://auth.dev.uqudo.io/api/oauth/token', token, 'response.body'),
    );
    expect(found?.suggestion).toEqual({
      origin: 'https://id.dev.uqudo.io',
      from: 'token-endpoint',
    });
  });

  it('uses the iss of a token a backend handed to the page (no API origin there)', () => {
    const found = findCapturedAccessToken(
      capture('https://shop.example/backend/session', token, 'response.body'),
    );
    expect(found?.suggestion).toEqual({ origin: 'https://auth.uqudo.io', from: 'iss' });
  });

  it('uses the iss of a pasted token, and offers nothing for results or unusable origins', () => {
    expect(
      findCapturedAccessToken(capture('', token, 'request.body', 'paste'))?.suggestion,
    ).toEqual({
      origin: 'https://auth.uqudo.io',
      from: 'iss',
    });
    expect(
      findCapturedAccessToken(capture('https://id.uqudo.io/x', inspection({}))),
    ).toBeUndefined();
    const plain = inspection({ kind: 'uqudo-access-token', payload: {} });
    expect(findCapturedAccessToken(capture('http://example.com/x', plain))).toBeUndefined();
  });
});
