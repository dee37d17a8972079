// Verification keys from text (JWKS, JWK, JWK list, PEM public keys and certificates) with jose, after the hygiene rules.
import { base64url, calculateJwkThumbprint, importJWK, type JWK } from 'jose';
import { isRecord } from '../../guards';
import {
  checkHmacKeyLength,
  checkKeySet,
  checkRsaPublicKey,
  checkVerificationUse,
} from './hygiene';
import { refuse, type Entry, type RefusedKey, type VerificationKey } from './entry';
import { MAX_KEY_TEXT_LENGTH, messageOf, type Parsed } from './pem';

export type { RefusedKey, VerificationKey } from './entry';

/** Keys parsed from one text: the usable ones, the refused ones and a description naming them. */
export interface ParsedKeys {
  ok: true;
  keys: VerificationKey[];
  refused: RefusedKey[];
  /** One line per entry that was skipped (refused or unreadable), for warnings. */
  skipped: string[];
  description: string;
}

/**
 * Why no keys could be taken from a text. `refused` is set when keys were read but the hygiene
 * rules refused them all, or refused the set as ambiguous (not merely unreadable text).
 */
export interface KeyParseError {
  ok: false;
  error: string;
  refused?: true;
}

/** The asymmetric JWS algorithms jose verifies (RSA PKCS#1 v1.5 and PSS, ECDSA, EdDSA). */
export const ASYMMETRIC_SIGNING_ALGS: readonly string[] = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
];
/** Every `alg` a verification key may declare: the asymmetric ones and HMAC. */
const SIGNING_ALGS = new Set([...ASYMMETRIC_SIGNING_ALGS, 'HS256', 'HS384', 'HS512']);
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth'] as const;
const ES_FOR_CURVE: Record<string, string> = {
  'P-256': 'ES256',
  'P-384': 'ES384',
  'P-521': 'ES512',
};

function describeCryptoKey(key: CryptoKey): string {
  const algorithm = key.algorithm as { name: string; namedCurve?: string; modulusLength?: number };
  if (algorithm.modulusLength) return `RSA ${algorithm.modulusLength}-bit`;
  if (algorithm.namedCurve) return `EC ${algorithm.namedCurve}`;
  return algorithm.name;
}

/** Names a key for messages (type, kid, pinned alg), never its material. */
export function describeVerificationKey(key: VerificationKey): string {
  const kind = key.key instanceof Uint8Array ? 'HMAC secret' : describeCryptoKey(key.key);
  const parts = [kind];
  if (key.kid !== undefined) parts.push(`kid "${key.kid}"`);
  if (key.alg !== undefined) parts.push(key.alg);
  return parts.join(' ');
}

function defaultSigningAlg(jwk: Record<string, unknown>): string | undefined {
  switch (jwk.kty) {
    case 'RSA':
      return 'RS256';
    case 'EC':
      return typeof jwk.crv === 'string' ? ES_FOR_CURVE[jwk.crv] : undefined;
    case 'OKP':
      return jwk.crv === 'Ed25519' ? 'Ed25519' : undefined;
    default:
      return undefined;
  }
}

async function importSecretJwk(
  jwk: Record<string, unknown>,
  kid: string | undefined,
  alg: string | undefined,
  source: string,
): Promise<Entry> {
  const label = kid ? `key "${kid}"` : 'key';
  if (typeof jwk.k !== 'string') return { ok: false, error: `${label}: missing "k"` };
  let secret: Uint8Array;
  try {
    secret = base64url.decode(jwk.k);
  } catch {
    return { ok: false, error: `${label}: "k" is not base64url` };
  }
  // A secret pinned to an HMAC alg is checked now; an unpinned one when a token names its alg.
  const short = alg ? checkHmacKeyLength(secret, alg) : undefined;
  if (short) return refuse(kid, source, short);
  const thumbprint = await calculateJwkThumbprint({ kty: 'oct', k: jwk.k });
  return { ok: true, value: { kid, alg, kty: 'oct', key: secret, source, thumbprint } };
}

async function importVerificationJwk(jwk: Record<string, unknown>, source: string): Promise<Entry> {
  const kid = typeof jwk.kid === 'string' ? jwk.kid : undefined;
  const label = kid ? `key "${kid}"` : 'key';
  if (typeof jwk.kty !== 'string') return { ok: false, error: `${label}: missing "kty"` };
  const forbidden = checkVerificationUse(jwk);
  if (forbidden) return refuse(kid, source, forbidden);
  const declaredAlg = typeof jwk.alg === 'string' ? jwk.alg : undefined;
  if (jwk.alg !== undefined && (!declaredAlg || !SIGNING_ALGS.has(declaredAlg))) {
    return refuse(kid, source, `its alg ${JSON.stringify(jwk.alg)} is not a signature algorithm`);
  }
  if (jwk.kty === 'oct') return importSecretJwk(jwk, kid, declaredAlg, source);
  // A JWK without "n" or "e" is not a key at all: jose's import below says so.
  if (jwk.kty === 'RSA' && typeof jwk.n === 'string' && typeof jwk.e === 'string') {
    const weak = checkRsaPublicKey(jwk);
    if (weak) return refuse(kid, source, weak);
  }
  const alg = declaredAlg ?? defaultSigningAlg(jwk);
  if (!alg)
    return { ok: false, error: `${label}: unsupported key type ${jwk.kty}/${String(jwk.crv)}` };
  const publicJwk: Record<string, unknown> = { ...jwk };
  // Private members are dropped: only the public half is needed to verify.
  for (const member of PRIVATE_MEMBERS) delete publicJwk[member];
  // Checked above; jose would refuse to import for another operation otherwise.
  delete publicJwk.key_ops;
  delete publicJwk.use;
  delete publicJwk.ext;
  try {
    const key = await importJWK(publicJwk as JWK, alg, { extractable: true });
    if (key instanceof Uint8Array) return { ok: false, error: `${label}: not a public key` };
    const thumbprint = await calculateJwkThumbprint(publicJwk as JWK);
    return { ok: true, value: { kid, alg: declaredAlg, kty: jwk.kty, key, source, thumbprint } };
  } catch (error) {
    return { ok: false, error: `${label}: ${messageOf(error)}` };
  }
}

/** The JWK entries of a JSON key text, or why it is not a JWKS / JWK / JWK list. */
function jwkEntries(text: string): Parsed<{ container: string; entries: unknown[] }> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, error: 'Not a JWKS, JWK or PEM: the text is neither JSON nor PEM.' };
  }
  if (isRecord(parsed) && Array.isArray(parsed.keys))
    return { ok: true, value: { container: 'JWKS', entries: parsed.keys } };
  if (isRecord(parsed) && typeof parsed.kty === 'string')
    return { ok: true, value: { container: 'JWK', entries: [parsed] } };
  if (Array.isArray(parsed)) return { ok: true, value: { container: 'JWK list', entries: parsed } };
  return {
    ok: false,
    error: 'Not a JWKS or JWK: expected {"keys": [...]} or an object with "kty".',
  };
}

async function readEntries(
  text: string,
  source: string,
): Promise<Parsed<{ container: string; entries: Entry[] }>> {
  const entries: Entry[] = [];
  if (text.includes('-----BEGIN ')) {
    // The PEM reader (and its certificate parsing) loads only when PEM text is pasted.
    const reader = await import('./parse-pem').catch((error: unknown) => ({ error }));
    if ('error' in reader) {
      return { ok: false, error: `The PEM reader did not load: ${messageOf(reader.error)}` };
    }
    return reader.readPemEntries(text, source);
  }
  const json = jwkEntries(text);
  if (!json.ok) return json;
  for (const [index, jwk] of json.value.entries.entries()) {
    entries.push(
      isRecord(jwk)
        ? await importVerificationJwk(jwk, source)
        : { ok: false, error: `entry ${index} is not an object` },
    );
  }
  return { ok: true, value: { container: json.value.container, entries } };
}

/**
 * Refuses a key set whose keys are ambiguous together (see {@link checkKeySet}); undefined when
 * the set is sound. Also used for the union of several key files.
 */
export function checkVerificationKeySet(keys: readonly VerificationKey[]): string | undefined {
  const problems = checkKeySet(
    keys.map((key) => ({
      kid: key.kid,
      symmetric: key.key instanceof Uint8Array,
      thumbprint: key.thumbprint,
    })),
  );
  return problems.length > 0 ? `The key set is refused: ${problems.join('; ')}.` : undefined;
}

/**
 * Parses verification keys from text: a JWKS (`{"keys": [...]}`), a single JWK, an array of JWKs,
 * or PEM blocks (SPKI public keys and X.509 certificates). Private JWK members are ignored. Keys
 * that break a hygiene rule (use/key_ops, RSA size or exponent, short HMAC secret) are refused and
 * listed; a set that is ambiguous as a whole is an error. Never throws; the description names the
 * keys (never their material).
 */
export async function parseKeys(
  text: string,
  sourceName = 'configured keys',
): Promise<ParsedKeys | KeyParseError> {
  try {
    if (typeof text !== 'string' || text.trim() === '')
      return { ok: false, error: 'The key text is empty.' };
    if (text.length > MAX_KEY_TEXT_LENGTH) {
      return { ok: false, error: `The key text is larger than ${MAX_KEY_TEXT_LENGTH / 1024} KB.` };
    }
    const read = await readEntries(text, sourceName);
    if (!read.ok) return { ok: false, error: read.error };
    const { container, entries } = read.value;
    const keys = entries.flatMap((r) => (r.ok ? [r.value] : []));
    const refused = entries.flatMap((r) => (!r.ok && r.refused ? [r.refused] : []));
    const problems = entries.flatMap((r) => (r.ok ? [] : [r.error]));
    if (keys.length === 0) {
      return {
        ok: false,
        error: `No usable key in the ${container}. ${problems.join('; ')}`.trim(),
        ...(refused.length > 0 ? { refused: true as const } : {}),
      };
    }
    const ambiguous = checkVerificationKeySet(keys);
    if (ambiguous) return { ok: false, error: ambiguous, refused: true };
    const skipped = problems.length > 0 ? ` (skipped: ${problems.join('; ')})` : '';
    return {
      ok: true,
      keys,
      refused,
      skipped: problems,
      description: `${container} with ${keys.length} key${keys.length === 1 ? '' : 's'}: ${keys.map(describeVerificationKey).join(', ')}${skipped}`,
    };
  } catch (error) {
    return { ok: false, error: `Could not read the keys: ${messageOf(error)}` };
  }
}
