// Test-only: a spread of tokens and key setups whose whole inspection (verdict, findings, shape) is recorded, so engine changes must keep it.
import { FlattenedSign, base64url, type JWK } from 'jose';
import type { Finding } from '../findings';
import { verdictOf, type InspectOptions, type Inspection, type Verdict } from '../inspect';
import {
  createRefusedKeyResolver,
  createStaticKeyResolver,
  parseDecryptionKey,
  parseKeys,
  type DecryptionKey,
  type KeyResolver,
} from '../keys';
import { buildHostileCorpus, type HostileKeys } from './hostile';
import {
  buildJwks,
  buildUqudoPayload,
  encryptToken,
  generateTestKeyPair,
  generateTestKeys,
  mintToken,
  mintUnsignedToken,
  tamperSegment,
  type TestKeyPair,
} from './tokens';

/** The fixed clock of every case (Unix seconds): the hostile corpus is built with it too. */
export const VERDICT_NOW = 1_767_225_600;

/** One token and the options it is inspected with; `content` records header and payload too. */
export interface VerdictCase {
  name: string;
  token: string;
  options: Omit<InspectOptions, 'profile'>;
  /** False when the header or payload holds generated material (keys, random jti). */
  content: boolean;
}

/** What is recorded of one inspection. */
export interface RecordedInspection {
  verdict: Verdict;
  format: Inspection['format'];
  signature: Inspection['signature'];
  kind: string;
  header?: unknown;
  payload?: unknown;
  findings: Finding[];
  inner?: RecordedInspection;
}

/** The recorded form of an inspection (header and payload only when `content`). */
export function recordInspection(inspection: Inspection, content: boolean): RecordedInspection {
  const recorded: RecordedInspection = {
    verdict: verdictOf(inspection),
    format: inspection.format,
    signature: inspection.signature,
    kind: inspection.kind,
    findings: inspection.findings,
  };
  if (content) {
    recorded.header = inspection.header;
    // A decrypted JWE's payload is the nested token, whose signature is random: its parts are recorded.
    recorded.payload = inspection.inner ? '(the nested token)' : inspection.payload;
  }
  if (inspection.inner) recorded.inner = recordInspection(inspection.inner, content);
  return recorded;
}

async function resolverFor(text: string, source: string): Promise<KeyResolver | undefined> {
  const parsed = await parseKeys(text, source);
  if (parsed.ok) return createStaticKeyResolver(parsed.keys, parsed.refused);
  return parsed.refused ? createRefusedKeyResolver(parsed.error) : undefined;
}

async function decryptionKeyFor(text: string): Promise<DecryptionKey | undefined> {
  const parsed = await parseDecryptionKey(text, 'decrypt.jwk');
  return parsed.ok ? parsed.key : undefined;
}

async function optionsFor(keys: HostileKeys): Promise<Omit<InspectOptions, 'profile'>> {
  const resolver = await resolverFor(keys.keys, 'keys.json');
  const decryptionKey = await decryptionKeyFor(keys.decryptKey);
  return {
    now: VERDICT_NOW,
    ...(resolver ? { keys: resolver } : {}),
    ...(decryptionKey ? { decryptionKey } : {}),
  };
}

/** The hostile corpus as verdict cases (call with Date faked to VERDICT_NOW: its claims are relative). */
async function hostileCases(): Promise<VerdictCase[]> {
  const corpus = await buildHostileCorpus();
  const cases: VerdictCase[] = [];
  for (const hostile of corpus.cases) {
    cases.push({
      name: `hostile: ${hostile.name}`,
      token: hostile.token,
      options: await optionsFor(hostile.keys),
      content: false,
    });
  }
  return cases;
}

/** An RFC 7797 JWS (b64: false, crit b64): jose's CompactSign refuses it, FlattenedSign leaves the payload to us. */
async function mintUnencoded(payload: string, pair: TestKeyPair): Promise<string> {
  const signed = await new FlattenedSign(new TextEncoder().encode(payload))
    .setProtectedHeader({ alg: pair.alg, kid: pair.kid, b64: false, crit: ['b64'] })
    .sign(pair.privateKey);
  return `${signed.protected}.${payload}.${signed.signature}`;
}

const enc = (value: unknown): string =>
  base64url.encode(typeof value === 'string' ? value : JSON.stringify(value));

/** Hand-made tokens: malformed shapes, policy, key selection, claims, b64 and JWE. */
async function handMadeCases(): Promise<VerdictCase[]> {
  const keys = await generateTestKeys();
  const encRsa = await generateTestKeyPair('RSA-OAEP-256', 'enc-rsa');
  const jwks = await resolverFrom(buildJwks(keys.rsa, keys.rsaOther, keys.ec, keys.ec384, keys.ed));
  const decryptionKey = await decryptionKeyFor(JSON.stringify(encRsa.privateJwk));
  const base = { keys: jwks, now: VERDICT_NOW };
  const result = buildUqudoPayload({ iat: VERDICT_NOW - 60 });
  const valid = await mintToken(result, { key: keys.rsa });
  const [h, p, s] = valid.split('.') as [string, string, string];
  const secret = new TextEncoder().encode('a-shared-secret-of-32-bytes-long!');
  const rsaPublicBytes = new TextEncoder().encode(keys.rsa.publicPem);
  const nested = await encryptToken(valid, { key: encRsa, alg: 'RSA-OAEP-256', enc: 'A256GCM' });
  const plain = (name: string, token: string, options = {}): VerdictCase => ({
    name,
    token,
    options: { ...base, ...options },
    content: true,
  });
  return [
    plain('valid RS256 Uqudo result', valid),
    plain('valid ES256', await mintToken({ a: 1 }, { key: keys.ec })),
    plain('valid EdDSA', await mintToken({ a: 1 }, { key: keys.ed, alg: 'EdDSA' })),
    plain(
      'valid, no kid (every key tried)',
      await mintToken({ a: 1 }, { key: keys.rsa, kid: null }),
    ),
    plain('tampered payload', tamperSegment(valid, 1, 20)),
    plain('tampered signature', tamperSegment(valid, 2, 20)),
    plain('unknown kid', await mintToken({ a: 1 }, { key: keys.rsa, kid: 'rotated' })),
    plain('kid of another key', await mintToken({ a: 1 }, { key: keys.rsaOther, kid: 'rsa-main' })),
    plain(
      'no key fits the alg',
      await mintToken({ a: 1 }, { key: keys.ec384, kid: null, alg: 'ES384' }),
      {
        keys: await resolverFrom(buildJwks(keys.rsa)),
      },
    ),
    plain('no keys configured', valid, { keys: undefined }),
    plain('key source throws', valid, {
      keys: async () => {
        throw new Error('socket hang up');
      },
    }),
    plain('key source unavailable', valid, {
      keys: async () => ({ status: 'unavailable', message: 'JWKS HTTP 503' }),
    }),
    plain('alg none', mintUnsignedToken({ sub: 'x' })),
    plain('alg NONE with a signature', `${enc({ alg: 'NONE' })}.${p}.${s}`),
    plain(
      'HS256 signed with the RSA public key',
      await mintToken({ a: 1 }, { key: rsaPublicBytes, alg: 'HS256' }),
    ),
    plain(
      'HS256 with the shared secret',
      await mintToken({ a: 1 }, { key: secret, alg: 'HS256' }),
      {
        hmacSecret: secret,
      },
    ),
    plain('HS256 with a short secret', await mintToken({ a: 1 }, { key: secret, alg: 'HS256' }), {
      hmacSecret: secret.slice(0, 8),
    }),
    plain('alg outside the allow-list', valid, { allowedAlgs: ['ES256'] }),
    plain('expired', valid, { now: VERDICT_NOW + 7200 }),
    plain('expired within the leeway', valid, { now: VERDICT_NOW + 1740, leeway: 60 }),
    plain(
      'not yet valid, issued in the future',
      await mintToken({ nbf: VERDICT_NOW + 600, iat: VERDICT_NOW + 600 }, { key: keys.rsa }),
    ),
    plain('exp not a NumericDate', await mintToken({ exp: '2030' }, { key: keys.rsa })),
    plain(
      'unknown crit',
      await mintToken({ a: 1 }, { key: keys.rsa, header: { crit: ['ext'], ext: 1 } }),
    ),
    plain('crit not an array', `${enc({ alg: 'RS256', kid: 'rsa-main', crit: 'b64' })}.${p}.${s}`),
    plain(
      'crit names an absent parameter',
      `${enc({ alg: 'RS256', kid: 'rsa-main', crit: ['b64'] })}.${p}.${s}`,
    ),
    plain('b64 false (crit b64)', await mintUnencoded('plain-text-payload', keys.rsa)),
    plain(
      'b64 false without crit',
      `${enc({ alg: 'RS256', kid: 'rsa-main', b64: false })}.${p}.${s}`,
    ),
    plain(
      'embedded jwk',
      await mintToken({ a: 1 }, { key: keys.rsa, header: { jwk: { kty: 'oct' } as JWK } }),
    ),
    plain('empty', ''),
    plain('two segments', `${h}.${p}`),
    plain('four segments', `${h}.${p}.${s}.x`),
    plain('invalid character', `${h}.${p}.${s.slice(0, 10)}*${s.slice(11)}`),
    plain('header length 1 mod 4', `${h}A.${p}.${s}`),
    plain('header not JSON', `${enc('not json')}.${p}.${s}`),
    plain('header a JSON array', `${enc([1])}.${p}.${s}`),
    plain('header not UTF-8', `${base64url.encode(new Uint8Array([0x7b, 0xff, 0x7d]))}.${p}.${s}`),
    plain('header without alg', `${enc({ kid: 'rsa-main' })}.${p}.${s}`),
    plain('payload length 1 mod 4', `${h}.${p}A.${s}`),
    plain('signature length 1 mod 4', `${h}.${p}.${s}A`),
    plain('payload padded', `${h}.${p}==.${s}`),
    plain('payload not JSON', await mintToken('hello', { key: keys.rsa })),
    plain('payload empty', await mintToken('', { key: keys.rsa })),
    plain(
      'payload not UTF-8',
      await mintToken(new Uint8Array([0x22, 0xff, 0x22]), { key: keys.rsa }),
    ),
    plain('payload a JSON array', await mintToken([1, 2], { key: keys.rsa })),
    plain('JWE without a decryption key', nested),
    plain('JWE with a nested signed result', nested, { decryptionKey }),
    plain('JWE with the wrong key', nested, {
      decryptionKey: await decryptionKeyFor(
        JSON.stringify((await generateTestKeyPair('RSA-OAEP-256', 'enc-rsa')).privateJwk),
      ),
    }),
  ];
}

async function resolverFrom(text: string): Promise<KeyResolver> {
  const resolver = await resolverFor(text, 'jwks.json');
  if (!resolver) throw new Error('test keys did not parse');
  return resolver;
}

/** Every verdict case: the hand-made ones, then the hostile corpus. Call with Date faked to VERDICT_NOW. */
export async function buildVerdictCases(): Promise<VerdictCase[]> {
  return [...(await handMadeCases()), ...(await hostileCases())];
}
