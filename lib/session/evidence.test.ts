// Unit tests of extractSessionEvidence: UQ-* headers, token endpoint traffic, transport and URL tokens, caps.
import { describe, expect, it } from 'vitest';
import type { CapturedExchange } from '../capture/exchange';
import { extractSessionEvidence, MAX_EVIDENCE_TEXT, splitScopes } from './evidence';

function exchange(overrides: Partial<CapturedExchange> = {}): CapturedExchange {
  return {
    id: 'x1',
    time: 1000,
    method: 'get',
    url: 'https://id.uqudo.io/api/v2/info',
    status: 200,
    requestHeaders: [],
    responseHeaders: [],
    source: 'network',
    ...overrides,
  };
}

const FAKE_JWS = 'eyJhbGciOiJSUzI1NiJ9.eyJqdGkiOiJ4In0.c2ln';

describe('extractSessionEvidence', () => {
  it('keeps id, time, method, host, path, status and the UQ-* headers', () => {
    const evidence = extractSessionEvidence(
      exchange({
        requestHeaders: [
          { name: 'UQ-Session-ID', value: 'abc' },
          { name: 'uq-nonce', value: 'n1' },
          { name: 'UQ-User-ID', value: 'u1' },
        ],
      }),
    );
    expect(evidence).toMatchObject({
      id: 'x1',
      time: 1000,
      method: 'GET',
      host: 'id.uqudo.io',
      path: '/api/v2/info',
      status: 200,
      uqSessionId: 'abc',
      uqNonce: 'n1',
      uqUserId: 'u1',
      uqudoApi: true,
      tokenRequest: false,
      plainHttpRemote: false,
      tokenInQuery: false,
    });
  });

  it('sees a client secret in a token request form (never keeping its value) and the granted scopes', () => {
    const evidence = extractSessionEvidence(
      exchange({
        method: 'POST',
        url: 'https://auth.uqudo.io/api/oauth/token',
        requestBody: 'grant_type=client_credentials&client_id=c1&client_secret=s3cret',
        responseBody: JSON.stringify({
          access_token: FAKE_JWS,
          scope: 'KYC_INFO_SDK KYC_SCAN_SDK',
        }),
      }),
    );
    expect(evidence).toMatchObject({
      tokenRequest: true,
      clientSecretSent: true,
      requestedClientId: 'c1',
      accessTokenIssued: true,
      grantedScopes: ['KYC_INFO_SDK', 'KYC_SCAN_SDK'],
    });
    expect(JSON.stringify(evidence)).not.toContain('s3cret');
  });

  it('counts HTTP Basic client credentials as a secret, and a JSON body with client_secret too', () => {
    const basic = extractSessionEvidence(
      exchange({
        url: 'https://auth.uqudo.io/api/oauth/token',
        requestHeaders: [{ name: 'Authorization', value: 'Basic YzE6czE=' }],
        requestBody: 'grant_type=client_credentials',
      }),
    );
    expect(basic.clientSecretSent).toBe(true);
    const json = extractSessionEvidence(
      exchange({
        url: 'https://auth.uqudo.io/api/oauth/token',
        requestBody: '{"client_id":"c","client_secret":"s"}',
      }),
    );
    expect(json.clientSecretSent).toBe(true);
  });

  it('a token request without a secret, and a non-token request with one, are not secrets in the browser', () => {
    expect(
      extractSessionEvidence(
        exchange({ url: 'https://auth.uqudo.io/api/oauth/token', requestBody: 'grant_type=x' }),
      ).clientSecretSent,
    ).toBe(false);
    expect(
      extractSessionEvidence(
        exchange({ url: 'https://a.example/login', requestBody: 'client_secret=s' }),
      ).clientSecretSent,
    ).toBe(false);
  });

  it('flags plain http to a remote host, not to loopback', () => {
    expect(
      extractSessionEvidence(exchange({ url: 'http://backend.example/r' })).plainHttpRemote,
    ).toBe(true);
    expect(
      extractSessionEvidence(exchange({ url: 'http://127.0.0.1:8321/r' })).plainHttpRemote,
    ).toBe(false);
    expect(extractSessionEvidence(exchange({ url: 'http://localhost/r' })).plainHttpRemote).toBe(
      false,
    );
    expect(
      extractSessionEvidence(exchange({ url: 'https://backend.example/r' })).plainHttpRemote,
    ).toBe(false);
    // The one loopback rule of the origin policy: IPv6 loopback yes; a *.localhost name is not
    // trusted to stay on this machine (resolvers differ), so plain http to it is a finding.
    expect(extractSessionEvidence(exchange({ url: 'http://[::1]:8321/r' })).plainHttpRemote).toBe(
      false,
    );
    expect(
      extractSessionEvidence(exchange({ url: 'http://app.localhost/r' })).plainHttpRemote,
    ).toBe(true);
  });

  it('sees a token in the URL query, also percent-encoded', () => {
    expect(
      extractSessionEvidence(exchange({ url: `https://a.example/?t=${FAKE_JWS}` })).tokenInQuery,
    ).toBe(true);
    expect(
      extractSessionEvidence(
        exchange({
          url: `https://a.example/?t=${encodeURIComponent(FAKE_JWS).replace('e', '%65')}`,
        }),
      ).tokenInQuery,
    ).toBe(true);
    expect(
      extractSessionEvidence(exchange({ url: 'https://a.example/?q=%E0%A4%A' })).tokenInQuery,
    ).toBe(false);
  });

  it('caps the URL and header values; survives a malformed exchange', () => {
    const long = `https://a.example/${'x'.repeat(MAX_EVIDENCE_TEXT * 2)}`;
    const evidence = extractSessionEvidence(
      exchange({ url: long, requestHeaders: [{ name: 'UQ-Nonce', value: 'n'.repeat(100_000) }] }),
    );
    expect(evidence.url.length).toBe(MAX_EVIDENCE_TEXT);
    expect(evidence.uqNonce!.length).toBe(MAX_EVIDENCE_TEXT);
    const broken = extractSessionEvidence({
      ...exchange(),
      url: 'not a url',
      requestHeaders: null as never,
    });
    expect(broken).toMatchObject({ host: '', path: '', uqudoApi: false });
  });

  it('treats Uqudo API paths on any host (the sandbox) as Uqudo, other paths as the integrator', () => {
    expect(
      extractSessionEvidence(exchange({ url: 'http://127.0.0.1:1/api/v2/info' })).uqudoApi,
    ).toBe(true);
    expect(
      extractSessionEvidence(exchange({ url: 'http://127.0.0.1:1/demo/backend/result' })).uqudoApi,
    ).toBe(false);
  });
});

describe('helpers', () => {
  it('splitScopes caps count and length', () => {
    expect(splitScopes(' A  B ')).toEqual(['A', 'B']);
    expect(splitScopes(Array(200).fill('S').join(' '))).toHaveLength(64);
    expect(splitScopes('x'.repeat(1000))[0]).toHaveLength(128);
  });
});
