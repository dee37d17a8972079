// Tests for the Info API request builders: bases, ids, paths, headers and file names.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  API_BASE_PRESETS,
  buildDeleteRequest,
  buildImageRequest,
  buildInfoRequest,
  buildTokenRequest,
  formatImageFileName,
  isSessionId,
  parseApiBase,
  tokenEndpointFor,
  type BuildResult,
} from './info-api';
import { SAMPLE_SESSION_ID, unwrapRequest } from '../replay/testing/replays';

function error(result: BuildResult | ReturnType<typeof parseApiBase>): string {
  if (result.ok) throw new Error('expected an error');
  return result.error;
}

describe('API_BASE_PRESETS', () => {
  it('offers production, development and the local sandbox, all valid bases', () => {
    expect(API_BASE_PRESETS.map((p) => [p.id, p.origin])).toEqual([
      ['prod', 'https://id.uqudo.io'],
      ['dev', 'https://id.dev.uqudo.io'],
      ['sandbox', 'http://127.0.0.1:8321'],
    ]);
    for (const preset of API_BASE_PRESETS) {
      expect(parseApiBase(preset.origin)).toEqual({ ok: true, origin: preset.origin });
      expect(preset.label).not.toBe('');
    }
  });
});

describe('parseApiBase', () => {
  it.each([
    ['https://id.uqudo.io', 'https://id.uqudo.io'],
    ['  https://ID.Uqudo.io/  ', 'https://id.uqudo.io'],
    ['https://id.uqudo.io/api/v1/info?x=1#y', 'https://id.uqudo.io'],
    ['https://tenant.example.com:8443/path', 'https://tenant.example.com:8443'],
    ['https://id.uqudo.io:443', 'https://id.uqudo.io'],
    ['http://127.0.0.1:8321', 'http://127.0.0.1:8321'],
    ['http://127.9.8.7', 'http://127.9.8.7'],
    ['http://127.1:9000', 'http://127.0.0.1:9000'],
    ['http://localhost:3000/x', 'http://localhost:3000'],
    ['http://LOCALHOST', 'http://localhost'],
    ['http://[::1]:8321', 'http://[::1]:8321'],
  ])('accepts %s as %s', (input, origin) => {
    expect(parseApiBase(input)).toEqual({ ok: true, origin });
  });

  it.each([
    ['', /Enter an API base/],
    ['   ', /Enter an API base/],
    ['id.uqudo.io', /Include the scheme/],
    ['http://id.uqudo.io', /only allowed for this machine/],
    ['http://10.0.0.1:8321', /only allowed for this machine/],
    ['http://128.0.0.1', /only allowed for this machine/],
    ['http://localhost.evil.example', /only allowed for this machine/],
    ['http://127.0.0.1.nip.io', /only allowed for this machine/],
    ['http://[::2]', /only allowed for this machine/],
    ['ftp://id.uqudo.io', /Unsupported scheme ftp:/],
    ['javascript://alert(1)', /Unsupported scheme/],
    ['https://user:pass@id.uqudo.io', /user name and password/],
    ['https://user@id.uqudo.io', /user name and password/],
    ['https://', /not a valid URL/],
  ])('rejects %s', (input, message) => {
    expect(error(parseApiBase(input))).toMatch(message);
  });

  it('rejects absurdly long input', () => {
    expect(error(parseApiBase(`https://${'a'.repeat(3000)}.io`))).toMatch(/too long/);
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const result = parseApiBase(text);
        if (result.ok) expect(result.origin).toMatch(/^https?:\/\//);
      }),
    );
    expect(parseApiBase(undefined as unknown as string).ok).toBe(false);
  });
});

describe('isSessionId', () => {
  it('accepts UUIDs in either case', () => {
    expect(isSessionId(SAMPLE_SESSION_ID)).toBe(true);
    expect(isSessionId(SAMPLE_SESSION_ID.toUpperCase())).toBe(true);
  });

  it.each([
    '',
    ' 3f2a9c1e-7b4d-4e8f-9a01-23456789abcd',
    '3f2a9c1e7b4d4e8f9a0123456789abcd',
    '3f2a9c1e-7b4d-4e8f-9a01-23456789abcg',
    '3f2a9c1e-7b4d-4e8f-9a01-23456789abcd0',
    '{3f2a9c1e-7b4d-4e8f-9a01-23456789abcd}',
    '../3f2a9c1e-7b4d-4e8f-9a01-23456789abcd',
  ])('rejects %j', (id) => {
    expect(isSessionId(id)).toBe(false);
  });
});

describe('buildInfoRequest', () => {
  it('puts the session id in the path by default', () => {
    expect(
      unwrapRequest(
        buildInfoRequest({ base: 'https://id.uqudo.io/', sessionId: SAMPLE_SESSION_ID }),
      ),
    ).toEqual({
      method: 'GET',
      url: `https://id.uqudo.io/api/v1/info/${SAMPLE_SESSION_ID}`,
      headers: [],
      purpose: 'info',
      sessionId: SAMPLE_SESSION_ID,
    });
  });

  it('sends the session id in UQ-Session-ID in header mode', () => {
    expect(
      unwrapRequest(
        buildInfoRequest({
          base: 'http://127.0.0.1:8321',
          sessionId: SAMPLE_SESSION_ID,
          mode: 'header',
        }),
      ),
    ).toEqual({
      method: 'GET',
      url: 'http://127.0.0.1:8321/api/v1/info',
      headers: [{ name: 'UQ-Session-ID', value: SAMPLE_SESSION_ID }],
      purpose: 'info-header',
      sessionId: SAMPLE_SESSION_ID,
    });
  });

  it('trims a pasted id and never carries a token', () => {
    const built = unwrapRequest(
      buildInfoRequest({ base: 'https://id.uqudo.io', sessionId: ` ${SAMPLE_SESSION_ID}\n` }),
    );
    expect(built.url.endsWith(SAMPLE_SESSION_ID)).toBe(true);
    expect(JSON.stringify(built)).not.toMatch(/authorization|bearer/i);
  });

  it('rejects bad ids and bad bases with a message', () => {
    expect(error(buildInfoRequest({ base: 'https://id.uqudo.io', sessionId: '' }))).toMatch(
      /Enter a session id/,
    );
    expect(error(buildInfoRequest({ base: 'https://id.uqudo.io', sessionId: '1234' }))).toMatch(
      /UUID/,
    );
    expect(
      error(buildInfoRequest({ base: 'http://id.uqudo.io', sessionId: SAMPLE_SESSION_ID })),
    ).toMatch(/http/);
  });
});

describe('buildDeleteRequest', () => {
  it('builds DELETE /api/v1/info/{id}', () => {
    expect(
      unwrapRequest(
        buildDeleteRequest({ base: 'https://id.dev.uqudo.io', sessionId: SAMPLE_SESSION_ID }),
      ),
    ).toEqual({
      method: 'DELETE',
      url: `https://id.dev.uqudo.io/api/v1/info/${SAMPLE_SESSION_ID}`,
      headers: [],
      purpose: 'delete',
      sessionId: SAMPLE_SESSION_ID,
    });
  });

  it('refuses a non-UUID id', () => {
    expect(error(buildDeleteRequest({ base: 'https://id.uqudo.io', sessionId: '*' }))).toMatch(
      /UUID/,
    );
  });
});

describe('buildImageRequest', () => {
  it('builds GET /api/v1/info/img/{id}', () => {
    expect(
      unwrapRequest(
        buildImageRequest({
          base: 'https://id.uqudo.io',
          imageId: '65a1f0c2e4b0a1b2c3d4e5f7',
          sessionId: SAMPLE_SESSION_ID,
        }),
      ),
    ).toEqual({
      method: 'GET',
      url: 'https://id.uqudo.io/api/v1/info/img/65a1f0c2e4b0a1b2c3d4e5f7',
      headers: [],
      purpose: 'image',
      imageId: '65a1f0c2e4b0a1b2c3d4e5f7',
      sessionId: SAMPLE_SESSION_ID,
    });
  });

  it('percent-encodes unusual but path-safe ids', () => {
    const built = unwrapRequest(
      buildImageRequest({ base: 'https://id.uqudo.io', imageId: 'a b?c#d%e' }),
    );
    expect(built.url).toBe('https://id.uqudo.io/api/v1/info/img/a%20b%3Fc%23d%25e');
    expect(new URL(built.url).pathname).toBe('/api/v1/info/img/a%20b%3Fc%23d%25e');
  });

  it.each(
    ['', '  ', 'a/b', '..', '.', 'a..b', '..%2f', 'a\\b', 'a\nb', 'x'.repeat(300)].map((id) => [
      id,
    ]),
  )('rejects %j', (imageId) => {
    expect(buildImageRequest({ base: 'https://id.uqudo.io', imageId }).ok).toBe(false);
  });

  it('keeps every accepted id inside /img/', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), (imageId) => {
        const built = buildImageRequest({ base: 'https://id.uqudo.io', imageId });
        if (!built.ok) return;
        const url = new URL(built.request.url);
        expect(url.origin).toBe('https://id.uqudo.io');
        expect(url.pathname.startsWith('/api/v1/info/img/')).toBe(true);
        expect(url.pathname.slice('/api/v1/info/img/'.length)).not.toContain('/');
        expect(url.search).toBe('');
        expect(url.hash).toBe('');
        expect(decodeURIComponent(url.pathname.slice(17))).toBe(imageId.trim());
      }),
      { numRuns: 500 },
    );
  });
});

describe('tokenEndpointFor and buildTokenRequest', () => {
  it('maps Uqudo bases to their auth hosts and others to {base}/api/oauth/token', () => {
    expect(tokenEndpointFor('https://id.uqudo.io')).toEqual({
      ok: true,
      url: 'https://auth.uqudo.io/api/oauth/token',
    });
    expect(tokenEndpointFor('https://id.dev.uqudo.io/anything')).toEqual({
      ok: true,
      url: 'https://auth.dev.uqudo.io/api/oauth/token',
    });
    expect(tokenEndpointFor('http://127.0.0.1:8321')).toEqual({
      ok: true,
      url: 'http://127.0.0.1:8321/api/oauth/token',
    });
    expect(tokenEndpointFor('https://kyc.tenant.example')).toEqual({
      ok: true,
      url: 'https://kyc.tenant.example/api/oauth/token',
    });
    expect(tokenEndpointFor('http://example.com').ok).toBe(false);
  });

  it('builds a form-encoded client_credentials POST', () => {
    const built = unwrapRequest(
      buildTokenRequest({
        base: 'https://id.uqudo.io',
        clientId: 'client-1',
        clientSecret: 's&c=r+t',
      }),
    );
    expect(built).toMatchObject({
      method: 'POST',
      url: 'https://auth.uqudo.io/api/oauth/token',
      purpose: 'token',
      headers: [
        { name: 'Content-Type', value: 'application/x-www-form-urlencoded' },
        { name: 'Accept', value: 'application/json' },
      ],
    });
    expect(Object.fromEntries(new URLSearchParams(built.body))).toEqual({
      grant_type: 'client_credentials',
      client_id: 'client-1',
      client_secret: 's&c=r+t',
    });
  });

  it('requires both credentials', () => {
    expect(
      error(buildTokenRequest({ base: 'https://id.uqudo.io', clientId: ' ', clientSecret: 'x' })),
    ).toMatch(/client id/);
    expect(
      error(buildTokenRequest({ base: 'https://id.uqudo.io', clientId: 'x', clientSecret: '' })),
    ).toMatch(/client secret/);
  });
});

describe('formatImageFileName', () => {
  it('names a download after the session, key and image id', () => {
    expect(
      formatImageFileName({
        sessionId: SAMPLE_SESSION_ID,
        key: 'frontImageId',
        imageId: '65a1f0c2e4b0a1b2c3d4e5f7',
        mimeType: 'image/jpeg',
      }),
    ).toBe(`${SAMPLE_SESSION_ID}-frontImageId-65a1f0c2e4b0a1b2c3d4e5f7.jpg`);
  });

  it('picks extensions from the MIME type and falls back to bin', () => {
    const name = (mimeType?: string) =>
      formatImageFileName({ key: 'photo', imageId: 'nfc', mimeType });
    expect(name('image/jp2')).toBe('photo-nfc.jp2');
    expect(name('image/png; charset=binary')).toBe('photo-nfc.png');
    expect(name('IMAGE/JPEG')).toBe('photo-nfc.jpg');
    expect(name('application/x-unknown')).toBe('photo-nfc.bin');
    expect(name(undefined)).toBe('photo-nfc.bin');
  });

  it('keeps names file-system safe', () => {
    expect(
      formatImageFileName({
        sessionId: '../../etc',
        key: 'a/b',
        imageId: 'c:d*e',
        mimeType: 'image/jpeg',
      }),
    ).toBe('etc-a_b-c_d_e.jpg');
    expect(formatImageFileName({ key: '', imageId: '...' })).toBe('image.bin');
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (sessionId, key, imageId) => {
        expect(formatImageFileName({ sessionId, key, imageId, mimeType: 'image/jpeg' })).toMatch(
          /^[A-Za-z0-9][A-Za-z0-9._-]*\.jpg$|^image\.jpg$/,
        );
      }),
    );
  });
});
