// Unit tests of the token mutations: each one is what it says, and none verifies with the original key.
import {
  CompactSign,
  compactVerify,
  decodeJwt,
  decodeProtectedHeader,
  generateKeyPair,
  importJWK,
} from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateForeignKey, mutateToken, type ForeignKey } from './mutations';

let original: string;
let uqudoKey: CryptoKey;
let foreign: ForeignKey;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  uqudoKey = pair.publicKey as CryptoKey;
  const payload = {
    jti: 'j',
    data: { documents: [{ face: { matchLevel: 2 }, scan: { front: { documentNumber: 'A1' } } }] },
  };
  original = await new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: 'RS256', kid: 'uqudo-kid' })
    .sign(pair.privateKey);
  foreign = await generateForeignKey();
});

async function verifiesWith(token: string, key: CryptoKey): Promise<boolean> {
  try {
    await compactVerify(token, key);
    return true;
  } catch {
    return false;
  }
}

describe('mutateToken', () => {
  it('payload-altered keeps header and signature, raises the match level and changes the document number', async () => {
    const out = await mutateToken(original, 'payload-altered', foreign);
    if (!out.ok) throw new Error(out.message);
    const [h, , s] = out.token.split('.');
    expect([h, s]).toEqual([original.split('.')[0], original.split('.')[2]]);
    const claims = decodeJwt(out.token) as any;
    expect(claims.data.documents[0].face.matchLevel).toBe(5);
    expect(claims.data.documents[0].scan.front.documentNumber).toBe('ALTERED01');
    expect(await verifiesWith(out.token, uqudoKey)).toBe(false);
  });

  it('alg-none has header alg none and an empty signature', async () => {
    const out = await mutateToken(original, 'alg-none', foreign);
    if (!out.ok) throw new Error(out.message);
    expect(decodeProtectedHeader(out.token)).toEqual({ alg: 'none', kid: 'uqudo-kid' });
    expect(out.token.endsWith('.')).toBe(true);
    expect(out.token.split('.')[1]).toBe(original.split('.')[1]);
  });

  it('foreign-key, embedded-jwk and unknown-kid verify with the foreign key only', async () => {
    const foreignPublic = (await importJWK(
      { ...foreign.publicJwk, alg: 'RS256' },
      'RS256',
    )) as CryptoKey;
    for (const mutation of ['foreign-key', 'embedded-jwk', 'unknown-kid'] as const) {
      const out = await mutateToken(original, mutation, foreign);
      if (!out.ok) throw new Error(out.message);
      expect(await verifiesWith(out.token, uqudoKey), mutation).toBe(false);
      expect(await verifiesWith(out.token, foreignPublic), mutation).toBe(true);
      const header = decodeProtectedHeader(out.token);
      expect(header.kid, mutation).toBe(mutation === 'unknown-kid' ? foreign.kid : 'uqudo-kid');
      expect(header.jwk !== undefined, mutation).toBe(mutation === 'embedded-jwk');
    }
    expect(foreign.kid).toMatch(/^[0-9a-f]{32}$/);
    expect(foreign.publicJwk).not.toHaveProperty('d');
  });

  it('refuses what is not a compact JWS, without throwing', async () => {
    expect((await mutateToken('a.b', 'alg-none', foreign)).ok).toBe(false);
    expect((await mutateToken('bm90IGpzb24.e30.x', 'foreign-key', foreign)).ok).toBe(false);
    expect(
      (await mutateToken(`${original.split('.')[0]}.bm90IGpzb24.x`, 'payload-altered', foreign)).ok,
    ).toBe(false);
  });
});
