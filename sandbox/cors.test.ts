// CORS modes over real HTTP: lenient lets extension pages in; strict answers like Uqudo's origin whitelist.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UQUDO_DEFAULT_WEB_ORIGINS } from './cors';
import { startSandbox, type Sandbox } from './server';

const EXTENSION = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

let strict: Sandbox;

beforeAll(async () => {
  strict = await startSandbox({ port: 0, cors: 'strict' });
});

afterAll(async () => {
  await strict.close();
});

async function preflight(sandbox: Sandbox, origin: string): Promise<Response> {
  return fetch(`${sandbox.url}/api/v1/info`, {
    method: 'OPTIONS',
    headers: {
      Origin: origin,
      'Access-Control-Request-Method': 'GET',
      'Access-Control-Request-Headers': 'authorization,uq-session-id',
    },
  });
}

describe('--cors strict', () => {
  it('refuses extension origins, in preflights and in answers', async () => {
    expect(strict.cors).toBe('strict');
    const answer = await preflight(strict, EXTENSION);
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    expect(answer.headers.get('access-control-allow-headers')).toBeNull();
    const jwks = await fetch(`${strict.url}/api/.well-known/jwks.json`, {
      headers: { Origin: EXTENSION },
    });
    expect(jwks.status).toBe(200);
    expect(jwks.headers.get('access-control-allow-origin')).toBeNull();
  });

  it("allows Uqudo's default web origins and the sandbox's own origin only", async () => {
    for (const origin of [...UQUDO_DEFAULT_WEB_ORIGINS, strict.url]) {
      const answer = await preflight(strict, origin);
      expect(answer.headers.get('access-control-allow-origin')).toBe(origin);
      expect(answer.headers.get('access-control-allow-headers')).toMatch(/UQ-Session-ID/);
    }
    for (const origin of [
      'http://localhost:5173',
      'http://127.0.0.1:9000',
      'https://shop.example',
    ]) {
      expect(
        (await preflight(strict, origin)).headers.get('access-control-allow-origin'),
      ).toBeNull();
    }
    const config = (await (await fetch(`${strict.url}/demo/config.json`)).json()) as {
      cors: string;
    };
    expect(config.cors).toBe('strict');
  });
});

describe('default (lenient) CORS', () => {
  it('lets extension pages and any loopback port read answers', async () => {
    const lenient = await startSandbox({ port: 0 });
    try {
      expect(lenient.cors).toBe('lenient');
      for (const origin of [EXTENSION, 'http://localhost:5173']) {
        const answer = await preflight(lenient, origin);
        expect(answer.headers.get('access-control-allow-origin')).toBe(origin);
      }
    } finally {
      await lenient.close();
    }
  });
});
