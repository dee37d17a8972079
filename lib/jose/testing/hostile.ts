// Test-only: the hostile corpus — forged, weak-key, non-canonical, lax-claim, unsigned, deep and spoofing tokens, built with jose at test time.
import { createHash, generateKeyPairSync, randomUUID, sign as nodeSign } from 'node:crypto';
import { base64url, type JWK } from 'jose';
import type { Verdict } from '../inspect';
import {
  buildUqudoPayload,
  encryptToken,
  generateTestKeyPair,
  mintToken,
  mintUnsignedToken,
  tamperSegment,
  type TestKeyPair,
} from './tokens';

/** Which rule of the issue a case exercises ("handled" ones were already refused before). */
type HostileClass =
  | 'key-hygiene'
  | 'canonical-encoding'
  | 'claims'
  | 'jwe-provenance'
  | 'output-size'
  | 'spoofing'
  | 'summary'
  | 'handled'
  | 'control';

/** The keys a case is checked with: verification key text (a JWKS) and a decryption key (a private JWK). */
export interface HostileKeys {
  /** Names the key setup (cases with the same name share it, e.g. in one panel settings change). */
  name: string;
  /** `--keys` file / pasted keys. */
  keys: string;
  /** `--decrypt-key` file / pasted private key. */
  decryptKey: string;
  /** The key setup itself is refused (unusable key file: CLI exit 2, the panel's status says why). */
  refused?: 'keys' | 'decrypt-key';
  /** A fresh token these keys verify, when the main RSA key is not among them. */
  mintValid?: () => Promise<string>;
}

/** One hostile (or control) token and what every front end must make of it. */
export interface HostileCase {
  name: string;
  class: HostileClass;
  token: string;
  keys: HostileKeys;
  /** The verdict the engine and the panel must give (with the case's keys). */
  verdict: Verdict;
  /** Finding codes that must be present (anywhere in the inspection, inner token included). */
  codes: string[];
  /** `inspect` exit status without --strict (2 when the key setup is refused). */
  exit: 0 | 1 | 2;
}

/** The whole corpus, with a valid token (under the main keys) to send after each hostile one. */
export interface HostileCorpus {
  cases: HostileCase[];
  /** A fresh valid token signed with the main key (a new jti each call). */
  mintValid(): Promise<string>;
  /** The key setup most cases use. */
  mainKeys: HostileKeys;
}

/**
 * Every case of the corpus, in build order (cases sharing a key setup are adjacent). Fixed here so
 * tests can name one test per case before the corpus is built; buildHostileCorpus checks it.
 */
export const HOSTILE_CASE_NAMES: readonly string[] = [
  'jwk key_ops ["encrypt"] is not used to verify',
  'jwk use "enc" is not used to verify',
  'jwk pinned to PS256 is not used for an RS256 token',
  'RSA public exponent 1 (any signature verifies) is refused',
  'RSA public exponent even is refused',
  'RSA 1024-bit key is refused',
  'HMAC secret shorter than the hash is refused',
  'JWKS with two different keys under one kid is refused',
  'JWKS mixing an HMAC secret with public keys is refused',
  'decryption key pinned to A128GCM is not used for A128KW',
  'zip bomb (zip: DEF) is not inflated',
  'decryption key with use "sig" is refused',
  'signature with non-zero unused bits',
  'payload with non-zero unused bits, signed as sent',
  'signature with = padding',
  'JWE authentication tag with non-zero unused bits',
  'header with = padding, signed as sent',
  'payload is a JSON array',
  'payload is text',
  'payload is a JSON string',
  'iat a day in the future',
  'exp 1e300',
  'exp with a fraction',
  'nbf negative',
  'exp past year 9999',
  'exp 1e400 (Infinity)',
  'expired',
  'JWE whose plaintext is unsigned claims',
  'JWE with a nested signed JWS',
  'nested arrays, 45 KB token',
  'nested arrays, 21 KB token',
  'nested arrays, 100,000 levels',
  'kid with a right-to-left override',
  'look-alike kid',
  'tampered Uqudo result',
  'alg none',
  'key confusion (HS256 with the RSA public key)',
  'embedded jwk',
  'jku and x5u',
  'psychic signature (ES256 r = s = 0)',
  'PBES2 with a huge p2c',
  'tampered signature',
];

const enc = (value: unknown): string =>
  base64url.encode(typeof value === 'string' ? value : JSON.stringify(value));

/** Registered claims that pass the checks now (iat a minute ago, exp in an hour) and a fresh jti. */
function claims(extra: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: 'https://hostile.test',
    iat: now - 60,
    exp: now + 3600,
    jti: randomUUID(),
    ...extra,
  };
}

/** An RS256 signature over an arbitrary signing input (the string as given, canonical or not). */
function signRs256(signingInput: string, pair: TestKeyPair): string {
  return base64url.encode(nodeSign('sha256', Buffer.from(signingInput), pair.privatePem));
}

/** Replaces the last character of a segment with one that decodes to the same bytes (other unused bits). */
function flipUnusedBits(segment: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const unusedBits = segment.length % 4 === 2 ? 4 : 2;
  const last = alphabet.indexOf(segment.slice(-1));
  return segment.slice(0, -1) + alphabet[last ^ ((1 << unusedBits) - 1)];
}

function replaceSegment(token: string, index: number, segment: string): string {
  const segments = token.split('.');
  segments[index] = segment;
  return segments.join('.');
}

/**
 * An RSA JWK with exponent 1 and a "signature" over `signingInput` that it accepts: with e = 1,
 * s^e mod n = s, so the PKCS#1 v1.5 encoding of the hash is its own signature.
 */
function forgeExponentOne(signingInput: string, n: string): string {
  const digestInfo = Buffer.from('3031300d060960864801650304020105000420', 'hex');
  const hash = createHash('sha256').update(signingInput).digest();
  const length = base64url.decode(n).length;
  const padding = Buffer.alloc(length - 3 - digestInfo.length - hash.length, 0xff);
  const encoded = Buffer.concat([Buffer.from([0, 1]), padding, Buffer.from([0]), digestInfo, hash]);
  return base64url.encode(encoded);
}

interface Material {
  rsa: TestKeyPair;
  rsaOther: TestKeyPair;
  ec: TestKeyPair;
  attackerEc: TestKeyPair;
  attackerRsa: TestKeyPair;
  encRsa: TestKeyPair;
  mainKeys: HostileKeys;
}

function jwks(...keys: JWK[]): string {
  return JSON.stringify({ keys });
}

/** A key setup: the case's own keys beside the main RSA and EC keys (so a valid token still verifies). */
function keysWith(material: Material, name: string, extra: JWK[], refused?: 'keys'): HostileKeys {
  return {
    name,
    keys: jwks(...extra, material.rsa.publicJwk, material.ec.publicJwk),
    decryptKey: JSON.stringify(material.encRsa.privateJwk),
    ...(refused ? { refused } : {}),
  };
}

async function keyHygieneCases(m: Material): Promise<HostileCase[]> {
  const body = claims();
  const signedAs = (kid: string, alg = 'RS256', key: TestKeyPair = m.rsa) =>
    mintToken(claims(), { key, kid, alg });
  const small = generateKeyPairSync('rsa', { modulusLength: 1024 });
  const smallJwk = small.publicKey.export({ format: 'jwk' }) as JWK;
  const smallPem = small.privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
  const smallHeader = enc({ alg: 'RS256', kid: 'rsa-1024' });
  const smallInput = `${smallHeader}.${enc(body)}`;
  const weakInput = `${enc({ alg: 'RS256', kid: 'exponent-one' })}.${enc(body)}`;
  const shortSecret = new TextEncoder().encode('sixteen-byte-key');
  const longSecret = new TextEncoder().encode('a thirty-two byte HMAC secret ok');
  const shortHmac = await mintToken(claims(), { key: shortSecret, alg: 'HS256', kid: 'short' });
  const fail = { verdict: 'invalid' as const, exit: 1 as const };
  return [
    {
      name: 'jwk key_ops ["encrypt"] is not used to verify',
      class: 'key-hygiene',
      token: await signedAs('encrypt-only'),
      keys: keysWith(m, 'key-ops-encrypt', [
        { ...m.rsa.publicJwk, kid: 'encrypt-only', key_ops: ['encrypt'] },
      ]),
      codes: ['key-not-used', 'key-not-found'],
      ...fail,
    },
    {
      name: 'jwk use "enc" is not used to verify',
      class: 'key-hygiene',
      token: await signedAs('use-enc'),
      keys: keysWith(m, 'use-enc', [{ ...m.rsa.publicJwk, kid: 'use-enc', use: 'enc' }]),
      codes: ['key-not-used', 'key-not-found'],
      ...fail,
    },
    {
      name: 'jwk pinned to PS256 is not used for an RS256 token',
      class: 'key-hygiene',
      token: await signedAs('pinned-ps256'),
      keys: keysWith(m, 'pinned-ps256', [
        { ...m.rsa.publicJwk, kid: 'pinned-ps256', alg: 'PS256' },
      ]),
      codes: ['key-not-used', 'key-not-found'],
      ...fail,
    },
    {
      name: 'RSA public exponent 1 (any signature verifies) is refused',
      class: 'key-hygiene',
      token: `${weakInput}.${forgeExponentOne(weakInput, m.rsaOther.publicJwk.n!)}`,
      keys: keysWith(m, 'exponent-one', [
        { kty: 'RSA', n: m.rsaOther.publicJwk.n!, e: 'AQ', kid: 'exponent-one', alg: 'RS256' },
      ]),
      codes: ['key-not-used', 'key-not-found'],
      ...fail,
    },
    {
      name: 'RSA public exponent even is refused',
      class: 'key-hygiene',
      token: await signedAs('even-exponent', 'RS256', m.rsaOther),
      keys: keysWith(m, 'even-exponent', [
        { kty: 'RSA', n: m.rsaOther.publicJwk.n!, e: 'AQAC', kid: 'even-exponent' },
      ]),
      codes: ['key-not-used', 'key-not-found'],
      ...fail,
    },
    {
      name: 'RSA 1024-bit key is refused',
      class: 'key-hygiene',
      token: `${smallInput}.${base64url.encode(nodeSign('sha256', Buffer.from(smallInput), smallPem))}`,
      keys: keysWith(m, 'rsa-1024', [{ ...smallJwk, kid: 'rsa-1024' }]),
      codes: ['key-not-used', 'key-not-found'],
      ...fail,
    },
    {
      name: 'HMAC secret shorter than the hash is refused',
      class: 'key-hygiene',
      token: shortHmac,
      keys: {
        name: 'short-hmac',
        keys: jwks(
          { kty: 'oct', k: base64url.encode(shortSecret), kid: 'short' },
          { kty: 'oct', k: base64url.encode(longSecret), kid: 'long' },
        ),
        decryptKey: JSON.stringify(m.encRsa.privateJwk),
        mintValid: () => mintToken(claims(), { key: longSecret, alg: 'HS256', kid: 'long' }),
      },
      codes: ['key-not-used', 'alg-not-allowed'],
      ...fail,
    },
    {
      name: 'JWKS with two different keys under one kid is refused',
      class: 'key-hygiene',
      token: await signedAs('twice'),
      keys: keysWith(
        m,
        'duplicate-kid',
        [
          { ...m.rsa.publicJwk, kid: 'twice' },
          { ...m.rsaOther.publicJwk, kid: 'twice' },
        ],
        'keys',
      ),
      codes: ['key-source-refused'],
      verdict: 'invalid',
      exit: 2,
    },
    {
      name: 'JWKS mixing an HMAC secret with public keys is refused',
      class: 'key-hygiene',
      token: await signedAs('rsa-main'),
      keys: keysWith(
        m,
        'mixed-kinds',
        [{ kty: 'oct', k: base64url.encode('a'.repeat(32)), kid: 'hs-secret' }],
        'keys',
      ),
      codes: ['key-source-refused'],
      verdict: 'invalid',
      exit: 2,
    },
  ];
}

async function decryptionHygieneCases(m: Material): Promise<HostileCase[]> {
  const inner = await mintToken(claims(), { key: m.rsa });
  const aesKey = new TextEncoder().encode('0123456789abcdef');
  const octPinned: JWK = { kty: 'oct', k: base64url.encode(aesKey), kid: 'aes', alg: 'A128GCM' };
  const signingEnc = await generateTestKeyPair('RSA-OAEP-256', 'signing-use');
  const pinnedKeys: HostileKeys = {
    ...m.mainKeys,
    name: 'aes-pinned-a128gcm',
    decryptKey: JSON.stringify(octPinned),
  };
  const zipHeader = enc({ alg: 'dir', enc: 'A128GCM', zip: 'DEF' });
  return [
    {
      name: 'decryption key pinned to A128GCM is not used for A128KW',
      class: 'key-hygiene',
      token: await encryptToken(inner, { key: aesKey, alg: 'A128KW', enc: 'A128GCM', cty: 'JWT' }),
      keys: pinnedKeys,
      codes: ['decrypt-failed'],
      verdict: 'invalid',
      exit: 1,
    },
    {
      name: 'zip bomb (zip: DEF) is not inflated',
      class: 'handled',
      token: `${zipHeader}..${enc('iv-iv-iv-iv-')}.${enc('x'.repeat(64))}.${enc('tag-tag-tag-tag-')}`,
      keys: pinnedKeys,
      codes: ['decrypt-failed'],
      verdict: 'invalid',
      exit: 1,
    },
    {
      name: 'decryption key with use "sig" is refused',
      class: 'key-hygiene',
      token: await encryptToken(inner, { key: signingEnc, alg: 'RSA-OAEP-256', enc: 'A256GCM' }),
      keys: {
        ...m.mainKeys,
        name: 'decrypt-use-sig',
        decryptKey: JSON.stringify({ ...signingEnc.privateJwk, use: 'sig' }),
        refused: 'decrypt-key',
      },
      codes: ['encrypted'],
      verdict: 'encrypted',
      exit: 2,
    },
  ];
}

async function encodingCases(m: Material): Promise<HostileCase[]> {
  const valid = await mintToken(claims(), { key: m.rsa });
  const [header = '', payload = '', signature = ''] = valid.split('.');
  // A payload segment with unused bits: sign the non-canonical string itself, so it verifies.
  let odd = enc(claims({ pad: 'x' }));
  for (let extra = 'y'; odd.length % 4 === 0; extra += 'y') odd = enc(claims({ pad: extra }));
  const oddPayload = flipUnusedBits(odd);
  // A header of 32 bytes is 43 characters: one '=' completes its base64 quantum.
  const shortHeader = enc({ alg: 'RS256', kid: 'rsa-main', x: 1 });
  const paddedHeader = `${shortHeader}${'='.repeat((4 - (shortHeader.length % 4)) % 4)}`;
  const innerJws = await mintToken(claims(), { key: m.rsa });
  const jwe = await encryptToken(innerJws, { key: m.encRsa, alg: 'RSA-OAEP-256', enc: 'A256GCM' });
  const fail = { verdict: 'invalid' as const, exit: 1 as const };
  const cases: HostileCase[] = [
    {
      name: 'signature with non-zero unused bits',
      class: 'canonical-encoding',
      token: replaceSegment(valid, 2, flipUnusedBits(signature)),
      keys: m.mainKeys,
      codes: ['non-canonical-encoding', 'verified-with-key'],
      ...fail,
    },
    {
      name: 'payload with non-zero unused bits, signed as sent',
      class: 'canonical-encoding',
      token: `${header}.${oddPayload}.${signRs256(`${header}.${oddPayload}`, m.rsa)}`,
      keys: m.mainKeys,
      codes: ['non-canonical-encoding', 'verified-with-key'],
      ...fail,
    },
    {
      name: 'signature with = padding',
      class: 'canonical-encoding',
      token: `${header}.${payload}.${signature}==`,
      keys: m.mainKeys,
      codes: ['non-canonical-encoding'],
      ...fail,
    },
    {
      name: 'JWE authentication tag with non-zero unused bits',
      class: 'canonical-encoding',
      token: replaceSegment(jwe, 4, flipUnusedBits(jwe.split('.')[4] ?? '')),
      keys: m.mainKeys,
      codes: ['non-canonical-encoding'],
      ...fail,
    },
  ];
  if (paddedHeader !== shortHeader) {
    cases.push({
      name: 'header with = padding, signed as sent',
      class: 'canonical-encoding',
      token: `${paddedHeader}.${payload}.${signRs256(`${paddedHeader}.${payload}`, m.rsa)}`,
      keys: m.mainKeys,
      codes: ['non-canonical-encoding'],
      ...fail,
    });
  }
  return cases;
}

async function claimCases(m: Material): Promise<HostileCase[]> {
  const now = Math.floor(Date.now() / 1000);
  const signed = (payload: unknown) => mintToken(payload, { key: m.rsa });
  const base = {
    class: 'claims' as const,
    keys: m.mainKeys,
    verdict: 'invalid' as const,
    exit: 1 as const,
  };
  return [
    {
      ...base,
      name: 'payload is a JSON array',
      token: await signed([1, 2, 3]),
      codes: ['claims-unchecked', 'verified-with-key'],
    },
    {
      ...base,
      name: 'payload is text',
      token: await signed('hello, not JSON'),
      codes: ['claims-unchecked'],
    },
    {
      ...base,
      name: 'payload is a JSON string',
      token: await signed('"a string"'),
      codes: ['claims-unchecked'],
    },
    {
      ...base,
      name: 'iat a day in the future',
      token: await signed(claims({ iat: now + 86_400 })),
      codes: ['issued-in-future'],
    },
    {
      ...base,
      name: 'exp 1e300',
      token: await signed(claims({ exp: 1e300 })),
      codes: ['claim-invalid'],
    },
    {
      ...base,
      name: 'exp with a fraction',
      token: await signed(claims({ exp: now + 3600.5 })),
      codes: ['claim-invalid'],
    },
    {
      ...base,
      name: 'nbf negative',
      token: await signed(claims({ nbf: -1 })),
      codes: ['claim-invalid'],
    },
    {
      ...base,
      name: 'exp past year 9999',
      token: await signed(claims({ exp: 253_402_300_800 })),
      codes: ['claim-invalid'],
    },
    {
      ...base,
      class: 'handled',
      name: 'exp 1e400 (Infinity)',
      token: await signed(`{"exp":1e400,"iat":${now - 60}}`),
      codes: ['claim-invalid'],
    },
    {
      ...base,
      class: 'handled',
      name: 'expired',
      token: await signed(claims({ exp: now - 600 })),
      codes: ['expired'],
    },
  ];
}

async function provenanceAndDepthCases(m: Material): Promise<HostileCase[]> {
  const unsigned = await encryptToken(JSON.stringify(claims()), {
    key: m.encRsa,
    alg: 'RSA-OAEP-256',
    enc: 'A256GCM',
  });
  const nested = await encryptToken(await mintToken(claims(), { key: m.rsa }), {
    key: m.encRsa,
    alg: 'RSA-OAEP-256',
    enc: 'A256GCM',
    cty: 'JWT',
  });
  // The JSON text is written directly: JSON.stringify itself overflows at these depths.
  const deep = (levels: number) =>
    mintToken(
      JSON.stringify(claims({ deep: 0 })).replace(
        '"deep":0',
        `"deep":${'['.repeat(levels)}${']'.repeat(levels)}`,
      ),
      { key: m.rsa },
    );
  const valid = { keys: m.mainKeys, verdict: 'valid' as const, exit: 0 as const };
  return [
    {
      name: 'JWE whose plaintext is unsigned claims',
      class: 'jwe-provenance',
      token: unsigned,
      keys: m.mainKeys,
      codes: ['not-signed'],
      verdict: 'invalid',
      exit: 1,
    },
    {
      ...valid,
      name: 'JWE with a nested signed JWS',
      class: 'control',
      token: nested,
      codes: ['verified-with-key'],
    },
    {
      ...valid,
      name: 'nested arrays, 45 KB token',
      class: 'output-size',
      token: await deep(16_800),
      codes: ['verified-with-key'],
    },
    {
      ...valid,
      name: 'nested arrays, 21 KB token',
      class: 'output-size',
      token: await deep(7_800),
      codes: ['verified-with-key'],
    },
    {
      ...valid,
      name: 'nested arrays, 100,000 levels',
      class: 'output-size',
      token: await deep(100_000),
      codes: ['verified-with-key'],
    },
  ];
}

async function spoofAndHandledCases(m: Material): Promise<HostileCase[]> {
  const signed = (payload: unknown, options: Parameters<typeof mintToken>[1]) =>
    mintToken(payload, options);
  const tampered = async (kid: string) =>
    tamperSegment(await signed(claims(), { key: m.rsa, kid }), 2, 10);
  const confusion = await signed(claims(), {
    key: new TextEncoder().encode(m.rsa.publicPem),
    alg: 'HS256',
    kid: 'rsa-main',
  });
  const psychic = `${enc({ alg: 'ES256', kid: 'ec-p256' })}.${enc(claims())}.${base64url.encode(new Uint8Array(64))}`;
  const pbes2 = `${enc({ alg: 'PBES2-HS256+A128KW', enc: 'A128GCM', p2s: enc('salt-salt-salt'), p2c: 1_000_000_000 })}.${enc('k'.repeat(24))}.${enc('iv-iv-iv-iv-')}.${enc('c')}.${enc('tag-tag-tag-tag-')}`;
  const base = { keys: m.mainKeys, verdict: 'invalid' as const, exit: 1 as const };
  return [
    {
      ...base,
      class: 'spoofing',
      name: 'kid with a right-to-left override',
      token: await tampered('\u202e dilav erutangis · '),
      codes: ['key-not-found'],
    },
    {
      ...base,
      class: 'spoofing',
      name: 'look-alike kid',
      token: await tampered('✔ valid (verified with Uqudo)'),
      codes: ['key-not-found'],
    },
    {
      ...base,
      class: 'summary',
      name: 'tampered Uqudo result',
      token: tamperSegment(await signed(buildUqudoPayload(), { key: m.rsa }), 2, 10),
      codes: ['signature-invalid'],
    },
    {
      ...base,
      class: 'handled',
      name: 'alg none',
      token: mintUnsignedToken(claims()),
      codes: ['alg-none'],
    },
    {
      ...base,
      class: 'handled',
      name: 'key confusion (HS256 with the RSA public key)',
      token: confusion,
      codes: ['alg-not-allowed'],
    },
    {
      ...base,
      class: 'handled',
      name: 'embedded jwk',
      token: await signed(claims(), {
        key: m.attackerEc,
        kid: 'ec-p256',
        header: { jwk: m.attackerEc.publicJwk },
      }),
      codes: ['embedded-key-ignored', 'signature-invalid'],
    },
    {
      ...base,
      class: 'handled',
      name: 'jku and x5u',
      token: await signed(claims(), {
        key: m.attackerRsa,
        kid: 'attacker',
        header: { jku: 'https://attacker.test/jwks.json', x5u: 'https://attacker.test/cert.pem' },
      }),
      codes: ['embedded-key-ignored', 'key-not-found'],
    },
    {
      ...base,
      class: 'handled',
      name: 'psychic signature (ES256 r = s = 0)',
      token: psychic,
      codes: ['signature-invalid'],
    },
    {
      ...base,
      class: 'handled',
      name: 'PBES2 with a huge p2c',
      token: pbes2,
      codes: ['decrypt-failed'],
    },
    {
      ...base,
      class: 'handled',
      name: 'tampered signature',
      token: await tampered('rsa-main'),
      codes: ['signature-invalid'],
    },
  ];
}

/**
 * Builds the corpus with fresh keys: every class of the hostile-input contract plus the attacks
 * that were already refused, and controls that must stay valid. Times are relative to now.
 */
export async function buildHostileCorpus(): Promise<HostileCorpus> {
  const [rsa, rsaOther, ec, attackerEc, attackerRsa, encRsa] = await Promise.all([
    generateTestKeyPair('RS256', 'rsa-main'),
    generateTestKeyPair('RS256', 'rsa-other'),
    generateTestKeyPair('ES256', 'ec-p256'),
    generateTestKeyPair('ES256', 'attacker-ec'),
    generateTestKeyPair('RS256', 'attacker'),
    generateTestKeyPair('RSA-OAEP-256', 'enc-rsa'),
  ]);
  const mainKeys: HostileKeys = {
    name: 'main',
    keys: jwks(rsa.publicJwk, ec.publicJwk),
    decryptKey: JSON.stringify(encRsa.privateJwk),
  };
  const material: Material = { rsa, rsaOther, ec, attackerEc, attackerRsa, encRsa, mainKeys };
  const groups = await Promise.all([
    keyHygieneCases(material),
    decryptionHygieneCases(material),
    encodingCases(material),
    claimCases(material),
    provenanceAndDepthCases(material),
    spoofAndHandledCases(material),
  ]);
  const cases = groups.flat();
  const built = cases.map((hostile) => hostile.name);
  if (JSON.stringify(built) !== JSON.stringify(HOSTILE_CASE_NAMES))
    throw new Error(
      `HOSTILE_CASE_NAMES is out of date; the corpus builds: ${JSON.stringify(built)}`,
    );
  return {
    cases,
    mainKeys,
    mintValid: () => mintToken(claims(), { key: rsa }),
  };
}
