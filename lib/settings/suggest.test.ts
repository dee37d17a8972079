// Tests for the JWKS suggestion: only plausible iss origins, only when no key source works, never token-named keys.
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectUqudoToken, type UqudoInspectOptions } from '../uqudo/inspect';
import {
  createJwksLoader,
  createStaticKeyResolver,
  parseDecryptionKey,
  parseKeys,
} from '../jose/keys';
import {
  buildJwks,
  buildUqudoPayload,
  encryptToken,
  generateTestKeyPair,
  mintToken,
  type TestKeyPair,
} from '../jose/testing/tokens';
import { JWKS_PATH, findKeySuggestion, suggestJwksUrl } from './suggest';

describe('suggestJwksUrl', () => {
  it.each([
    ['http://127.0.0.1:8321', 'http://127.0.0.1:8321/api/.well-known/jwks.json'],
    ['http://127.0.0.1:8321/', 'http://127.0.0.1:8321/api/.well-known/jwks.json'],
    ['https://localhost', 'https://localhost/api/.well-known/jwks.json'],
    ['http://localhost:3000', 'http://localhost:3000/api/.well-known/jwks.json'],
    ['http://[::1]:9000', 'http://[::1]:9000/api/.well-known/jwks.json'],
    ['https://id.uqudo.io', 'https://id.uqudo.io/api/.well-known/jwks.json'],
    ['https://id.dev.uqudo.io', 'https://id.dev.uqudo.io/api/.well-known/jwks.json'],
    ['https://id.uqudo.io:8443', 'https://id.uqudo.io:8443/api/.well-known/jwks.json'],
  ])('suggests the JWKS of %s', (iss, url) => {
    expect(suggestJwksUrl(iss)).toBe(url);
    expect(url.endsWith(JWKS_PATH)).toBe(true);
  });

  it.each([
    // Not a plausible origin.
    ['https://evil.example'],
    ['https://uqudo.io.evil.example'],
    ['https://notuqudo.io'],
    ['https://id.uqudo.io.example.com'],
    ['http://192.168.1.10:8321'],
    ['http://10.0.0.1'],
    // A Uqudo host, but not over https.
    ['http://id.uqudo.io'],
    ['ws://localhost:8321'],
    ['file:///etc/passwd'],
    // Path, query, fragment, user info, odd spellings.
    ['https://id.uqudo.io/api'],
    ['https://id.uqudo.io/api/.well-known/jwks.json'],
    ['http://127.0.0.1:8321/x'],
    ['https://id.uqudo.io?x=1'],
    ['https://id.uqudo.io/?'],
    ['https://id.uqudo.io#frag'],
    ['https://user:pass@id.uqudo.io'],
    ['https://user@localhost'],
    ['https://ID.UQUDO.IO'],
    ['https://id.uqudo.io:443'],
    [' https://id.uqudo.io'],
    ['id.uqudo.io'],
    // Not a string, or absurdly long.
    [''],
    [undefined],
    [42],
    [{ iss: 'https://id.uqudo.io' }],
    [`https://${'a'.repeat(600)}.uqudo.io`],
  ])('suggests nothing for %j', (iss) => {
    expect(suggestJwksUrl(iss)).toBeUndefined();
  });
});

describe('findKeySuggestion over real inspections', () => {
  let signer: TestKeyPair;
  const offline: UqudoInspectOptions = {
    keys: createJwksLoader({
      url: 'https://id.uqudo.io/api/.well-known/jwks.json',
      fetch: async () => {
        throw new TypeError('network error (offline test)');
      },
    }),
  };

  beforeAll(async () => {
    signer = await generateTestKeyPair('RS256', 'sandbox-key');
  });

  const result = (iss: string, header: Record<string, unknown> = {}) =>
    mintToken(buildUqudoPayload({ iss }), { key: signer, header });

  it('suggests the JWKS of a loopback iss when the configured JWKS cannot be loaded', async () => {
    const inspection = await inspectUqudoToken(await result('http://127.0.0.1:8321'), offline);
    expect(inspection.findings.map((f) => f.code)).toContain('keys-unavailable');
    expect(findKeySuggestion([inspection], { kind: 'url', url: 'https://id.uqudo.io/x' })).toBe(
      'http://127.0.0.1:8321/api/.well-known/jwks.json',
    );
  });

  it('suggests when no key is configured at all (unverified)', async () => {
    const inspection = await inspectUqudoToken(await result('https://id.dev.uqudo.io'), {});
    expect(findKeySuggestion([inspection], undefined)).toBe(
      'https://id.dev.uqudo.io/api/.well-known/jwks.json',
    );
  });

  it('suggests nothing when the keys work, or for a non-plausible iss', async () => {
    const parsed = await parseKeys(buildJwks(signer));
    if (!parsed.ok) throw new Error(parsed.error);
    const verified = await inspectUqudoToken(await result('http://127.0.0.1:8321'), {
      keys: createStaticKeyResolver(parsed.keys),
    });
    expect(verified.signature).toBe('valid');
    const elsewhere = await inspectUqudoToken(await result('https://issuer.example'), offline);
    expect(findKeySuggestion([verified, elsewhere, undefined], undefined)).toBeUndefined();
  });

  it('suggests nothing that is already the key source', async () => {
    const inspection = await inspectUqudoToken(await result('https://id.uqudo.io'), offline);
    expect(
      findKeySuggestion([inspection], { kind: 'url', url: 'https://id.uqudo.io' + JWKS_PATH }),
    ).toBeUndefined();
  });

  it('never takes keys the token names itself (jku, jwk, x5u, x5c): only iss counts', async () => {
    const named = {
      jku: 'http://127.0.0.1:9999/jwks.json',
      x5u: 'https://id.uqudo.io/cert.pem',
      jwk: signer.publicJwk,
    };
    const foreign = await inspectUqudoToken(await result('https://issuer.example', named), offline);
    expect(findKeySuggestion([foreign], undefined)).toBeUndefined();
    const local = await inspectUqudoToken(await result('http://localhost:8080', named), offline);
    const suggestion = findKeySuggestion([local], undefined);
    expect(suggestion).toBe('http://localhost:8080/api/.well-known/jwks.json');
    expect(suggestion).not.toContain('9999');
  });

  it('takes the first suggestion (the caller puts the selected result first)', async () => {
    const first = await inspectUqudoToken(await result('http://127.0.0.1:1111'), offline);
    const second = await inspectUqudoToken(await result('http://127.0.0.1:2222'), offline);
    expect(findKeySuggestion([second, first], undefined)).toContain(':2222/');
  });

  it('reads the inner result of a decrypted JWE and skips an undecrypted one', async () => {
    const recipient = await generateTestKeyPair('RSA-OAEP-256', 'enc');
    const jwe = await encryptToken(await result('http://127.0.0.1:8321'), {
      key: recipient,
      alg: 'RSA-OAEP-256',
      enc: 'A256GCM',
      cty: 'JWT',
    });
    const sealed = await inspectUqudoToken(jwe, offline);
    expect(sealed.inner).toBeUndefined();
    expect(findKeySuggestion([sealed], undefined)).toBeUndefined();
    const key = await parseDecryptionKey(JSON.stringify(recipient.privateJwk));
    if (!key.ok) throw new Error(key.error);
    const opened = await inspectUqudoToken(jwe, { ...offline, decryptionKey: key.key });
    expect(opened.inner?.findings.map((f) => f.code)).toContain('keys-unavailable');
    expect(findKeySuggestion([opened], undefined)).toBe(
      'http://127.0.0.1:8321/api/.well-known/jwks.json',
    );
  });
});
