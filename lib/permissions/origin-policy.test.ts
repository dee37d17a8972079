// The one origin policy: JWKS URLs and replay API bases accept and refuse the same URLs.
import { describe, expect, it } from 'vitest';
import { describeJwksUrlProblem } from '../settings/settings';
import { parseApiBase } from '../uqudo/info-api';
import { checkFetchUrl, isLoopbackHost } from './origin-policy';

describe('isLoopbackHost', () => {
  it('knows loopback names as URL.hostname gives them', () => {
    for (const host of ['localhost', 'LOCALHOST', '127.0.0.1', '127.255.0.9', '[::1]']) {
      expect(isLoopbackHost(host)).toBe(true);
    }
    for (const host of ['::1', '10.0.0.1', 'localhost.example', 'id.uqudo.io', '1127.0.0.1']) {
      expect(isLoopbackHost(host)).toBe(false);
    }
  });
});

describe('one policy for JWKS URLs and API bases', () => {
  it.each([
    ['http://127.0.0.2:8321/api/.well-known/jwks.json', true],
    ['http://[::1]:8321/x', true],
    ['http://localhost:3000/x', true],
    ['https://keys.example/jwks.json', true],
    ['https://user:secret@keys.example/jwks.json', false],
    ['http://user@127.0.0.1/x', false],
    ['http://keys.example/jwks.json', false],
    ['ftp://keys.example/jwks.json', false],
    ['keys.example/jwks.json', false],
  ])('%s → allowed %s, for both', (url, allowed) => {
    expect(checkFetchUrl(url, 'https://x').ok).toBe(allowed);
    expect(describeJwksUrlProblem(url) === undefined).toBe(allowed);
    expect(parseApiBase(url).ok).toBe(allowed);
  });
});
