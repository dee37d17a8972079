// Tests for classifyToken and isUqudoHost.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildUqudoPayload } from '../jose/testing/tokens';
import { classifyToken, isUqudoHost } from './classify';

describe('isUqudoHost', () => {
  it.each([
    ['id.uqudo.io', true],
    ['auth.dev.uqudo.io', true],
    ['ID.UQUDO.IO.', true],
    ['uqudo.io', true],
    ['evil-uqudo.io', false],
    ['uqudo.io.evil.test', false],
    ['localhost', false],
  ])('%s → %s', (host, expected) => {
    expect(isUqudoHost(host)).toBe(expected);
  });
});

describe('classifyToken', () => {
  it('recognises Uqudo results by their data shape', () => {
    expect(classifyToken(buildUqudoPayload())).toBe('uqudo-result');
    expect(classifyToken(buildUqudoPayload({ faceSessionId: 'abc' }))).toBe('uqudo-result');
    expect(classifyToken({ data: { verifications: [] } })).toBe('uqudo-result');
    expect(
      classifyToken({ iss: 'https://other.test', data: { backgroundCheck: { match: false } } }),
    ).toBe('uqudo-result');
  });

  it.each(
    readdirSync(new URL('./fixtures/', import.meta.url)).filter((file) => file.endsWith('.json')),
  )('recognises the %s fixture (generated from the sandbox) under any issuer', (file) => {
    const payload = JSON.parse(
      readFileSync(new URL(`./fixtures/${file}`, import.meta.url), 'utf8'),
    );
    expect(classifyToken({ ...payload, iss: 'https://integrator.example' })).toBe('uqudo-result');
  });

  it('recognises a face session whose data holds only the face object', () => {
    expect(classifyToken({ iss: 'https://x.test', data: { face: { matchLevel: 3 } } })).toBe(
      'uqudo-result',
    );
  });

  it('recognises Uqudo results by a Uqudo issuer even without data', () => {
    expect(classifyToken({ iss: 'https://id.uqudo.io', jti: 'x' })).toBe('uqudo-result');
    expect(classifyToken({ iss: 'https://id.dev.uqudo.io' })).toBe('uqudo-result');
  });

  it('recognises access tokens by context, scope or the auth issuer', () => {
    expect(classifyToken({ sub: 'x' }, { seenAs: 'token-endpoint' })).toBe('uqudo-access-token');
    expect(
      classifyToken({ sub: 'x' }, { seenAs: 'bearer', url: 'https://id.uqudo.io/api/v2/sdk' }),
    ).toBe('uqudo-access-token');
    expect(
      classifyToken(
        { sub: 'x' },
        { seenAs: 'bearer', url: 'http://127.0.0.1:8080/api/v1/info/abc' },
      ),
    ).toBe('uqudo-access-token');
    expect(
      classifyToken({ sub: 'x' }, { seenAs: 'bearer', url: 'http://localhost:3000/api/v2/info' }),
    ).toBe('uqudo-access-token');
    expect(classifyToken({ scope: 'KYC_INFO_SDK KYC_SCAN_SDK' })).toBe('uqudo-access-token');
    expect(classifyToken({ authorities: ['ROLE_X', 'KYC_FACE_SDK'] })).toBe('uqudo-access-token');
    expect(classifyToken({ iss: 'https://auth.uqudo.io' })).toBe('uqudo-access-token');
    expect(classifyToken({ iss: 'https://id.uqudo.io', client_id: 'c' })).toBe(
      'uqudo-access-token',
    );
  });

  it('leaves other bearers and JWTs as jwt, non-objects as unknown', () => {
    expect(
      classifyToken({ sub: 'x' }, { seenAs: 'bearer', url: 'https://api.example.test/orders' }),
    ).toBe('jwt');
    expect(classifyToken({ sub: 'x' }, { seenAs: 'bearer', url: 'not a url' })).toBe('jwt');
    expect(classifyToken({ iss: 'https://uqudo.io.evil.test', data: 'x' })).toBe('jwt');
    expect(classifyToken({ scope: 'openid KYCX' })).toBe('jwt');
    expect(classifyToken('text')).toBe('unknown');
    expect(classifyToken(null)).toBe('unknown');
    expect(classifyToken([1, 2])).toBe('unknown');
    expect(classifyToken(null, { seenAs: 'bearer', url: 'https://id.uqudo.io/api/v1/info' })).toBe(
      'uqudo-access-token',
    );
  });
});
