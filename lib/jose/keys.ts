// Verification and decryption keys: parsing JWKS/JWK/PEM with jose, kid selection, and the JWKS URL loader (fetch edge).
import {
  base64url,
  exportJWK,
  importJWK,
  importPKCS8,
  importSPKI,
  importX509,
  type JWK,
} from 'jose';
import { isJsonObject } from './decode';
import { quoteUntrusted } from './findings';

/** A public key (or HMAC secret) the user configured for verifying signatures. */
export interface VerificationKey {
  kid?: string;
  /** Algorithm the key is pinned to (only when its JWK says so). */
  alg?: string;
  kty: string;
  /** Extractable public CryptoKey, or the raw secret for `oct` keys. */
  key: CryptoKey | Uint8Array;
  /** Where the key came from, for messages (file name, URL, "pasted JWKS"). */
  source: string;
}

/** Result of looking up keys for one token header. */
export type KeyLookup =
  | { status: 'found'; keys: VerificationKey[] }
  | { status: 'not-found'; message: string }
  | { status: 'unavailable'; message: string };

/** Finds candidate verification keys for a token header. Never rejects. */
export type KeyResolver = (header: { alg?: string; kid?: string }) => Promise<KeyLookup>;

/** A private key for JWE decryption, kept as a private JWK and imported per JWE `alg`. */
export interface DecryptionKey {
  kid?: string;
  kty: string;
  /** Curve for EC/OKP keys. */
  crv?: string;
  /** Private JWK (or `oct` secret) without alg/use/key_ops, so it can be imported for any fitting alg. */
  jwk: JWK;
  source: string;
}

/** Largest key text accepted (a JWKS with many keys and certificate chains fits easily). */
export const MAX_KEY_TEXT_LENGTH = 1024 * 1024;

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth'] as const;
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
const CURVE_FOR_ES: Record<string, string> = { ES256: 'P-256', ES384: 'P-384', ES512: 'P-521' };
const ES_FOR_CURVE: Record<string, string> = {
  'P-256': 'ES256',
  'P-384': 'ES384',
  'P-521': 'ES512',
};

type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// ---------------------------------------------------------------------------------------------
// PEM

interface PemBlock {
  label: string;
  text: string;
}

/** Splits text into PEM blocks with indexOf only (linear; stops at the first unterminated block). */
function splitPem(text: string): Parsed<PemBlock[]> {
  const blocks: PemBlock[] = [];
  let position = 0;
  for (;;) {
    const begin = text.indexOf('-----BEGIN ', position);
    if (begin < 0) break;
    const labelEnd = text.indexOf('-----', begin + 11);
    if (labelEnd < 0 || labelEnd - begin > 80)
      return { ok: false, error: 'Broken PEM header line.' };
    const label = text.slice(begin + 11, labelEnd);
    const footer = `-----END ${label}-----`;
    const end = text.indexOf(footer, labelEnd + 5);
    if (end < 0) return { ok: false, error: `PEM block "${label}" has no END line.` };
    const body = text.slice(labelEnd + 5, end).replace(/\s+/g, '');
    blocks.push({ label, text: `-----BEGIN ${label}-----\n${body}\n${footer}` });
    position = end + footer.length;
  }
  return blocks.length > 0
    ? { ok: true, value: blocks }
    : { ok: false, error: 'No PEM block found.' };
}

function describeCryptoKey(key: CryptoKey): string {
  const algorithm = key.algorithm as { name: string; namedCurve?: string; modulusLength?: number };
  if (algorithm.modulusLength) return `RSA ${algorithm.modulusLength}-bit`;
  if (algorithm.namedCurve) return `EC ${algorithm.namedCurve}`;
  return algorithm.name;
}

/** kty of an imported public CryptoKey. */
function ktyOf(key: CryptoKey): string {
  const name = key.algorithm.name;
  if (name.startsWith('RS')) return 'RSA';
  if (name === 'ECDSA' || name === 'ECDH') return 'EC';
  return 'OKP';
}

// jose needs an alg to import a PEM; any fitting one will do because keys are re-imported per token alg.
const PEM_IMPORT_ALGS = ['RS256', 'ES256', 'ES384', 'ES512', 'Ed25519'] as const;

async function importPublicPem(block: PemBlock, source: string): Promise<Parsed<VerificationKey>> {
  const importer = block.label === 'CERTIFICATE' ? importX509 : importSPKI;
  let lastError: unknown;
  for (const alg of PEM_IMPORT_ALGS) {
    try {
      const key = await importer(block.text, alg, { extractable: true });
      return { ok: true, value: { kty: ktyOf(key), key, source } };
    } catch (error) {
      lastError = error;
    }
  }
  return {
    ok: false,
    error: `Could not import the ${block.label === 'CERTIFICATE' ? 'certificate' : 'public key'}: ${messageOf(lastError)}`,
  };
}

function pemLabelHint(label: string): string {
  switch (label) {
    case 'RSA PUBLIC KEY':
      return 'PKCS#1 "RSA PUBLIC KEY" is not supported; convert it with `openssl rsa -RSAPublicKey_in -in key.pem -pubout`.';
    case 'PRIVATE KEY':
    case 'RSA PRIVATE KEY':
    case 'EC PRIVATE KEY':
    case 'ENCRYPTED PRIVATE KEY':
      return 'This is a private key; verification needs the public key (`openssl pkey -in key.pem -pubout`).';
    default:
      return `PEM "${label}" is not a public key or certificate.`;
  }
}

// ---------------------------------------------------------------------------------------------
// JWK

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

async function importVerificationJwk(
  jwk: Record<string, unknown>,
  source: string,
): Promise<Parsed<VerificationKey>> {
  const kid = typeof jwk.kid === 'string' ? jwk.kid : undefined;
  const label = kid ? `key "${kid}"` : 'key';
  if (typeof jwk.kty !== 'string') return { ok: false, error: `${label}: missing "kty"` };
  if (jwk.use === 'enc')
    return { ok: false, error: `${label}: skipped, it is an encryption key (use "enc")` };
  const declaredAlg = typeof jwk.alg === 'string' ? jwk.alg : undefined;
  if (declaredAlg && !SIGNING_ALGS.has(declaredAlg)) {
    return {
      ok: false,
      error: `${label}: skipped, alg "${declaredAlg}" is not a signature algorithm`,
    };
  }
  if (jwk.kty === 'oct') {
    if (typeof jwk.k !== 'string') return { ok: false, error: `${label}: missing "k"` };
    try {
      const secret = base64url.decode(jwk.k);
      return { ok: true, value: { kid, alg: declaredAlg, kty: 'oct', key: secret, source } };
    } catch {
      return { ok: false, error: `${label}: "k" is not base64url` };
    }
  }
  const alg = declaredAlg ?? defaultSigningAlg(jwk);
  if (!alg)
    return { ok: false, error: `${label}: unsupported key type ${jwk.kty}/${String(jwk.crv)}` };
  const publicJwk: Record<string, unknown> = { ...jwk };
  // Private members are dropped: only the public half is needed to verify.
  for (const member of PRIVATE_MEMBERS) delete publicJwk[member];
  delete publicJwk.key_ops;
  delete publicJwk.use;
  delete publicJwk.ext;
  try {
    const key = await importJWK(publicJwk as JWK, alg, { extractable: true });
    if (key instanceof Uint8Array) return { ok: false, error: `${label}: not a public key` };
    return { ok: true, value: { kid, alg: declaredAlg, kty: jwk.kty, key, source } };
  } catch (error) {
    return { ok: false, error: `${label}: ${messageOf(error)}` };
  }
}

/** Names a key for messages (type, kid, pinned alg), never its material. */
export function describeVerificationKey(key: VerificationKey): string {
  const kind = key.key instanceof Uint8Array ? 'HMAC secret' : describeCryptoKey(key.key);
  const parts = [kind];
  if (key.kid !== undefined) parts.push(`kid "${key.kid}"`);
  if (key.alg !== undefined) parts.push(key.alg);
  return parts.join(' ');
}

/**
 * Parses verification keys from text: a JWKS (`{"keys": [...]}`), a single JWK, an array of JWKs,
 * or PEM blocks (SPKI public keys and X.509 certificates). Private JWK members are ignored.
 * Never throws; the description names the keys (never their material).
 */
export async function parseKeys(
  text: string,
  sourceName = 'configured keys',
): Promise<
  { ok: true; keys: VerificationKey[]; description: string } | { ok: false; error: string }
> {
  try {
    if (typeof text !== 'string' || text.trim() === '')
      return { ok: false, error: 'The key text is empty.' };
    if (text.length > MAX_KEY_TEXT_LENGTH) {
      return { ok: false, error: `The key text is larger than ${MAX_KEY_TEXT_LENGTH / 1024} KB.` };
    }
    const results: Array<Parsed<VerificationKey>> = [];
    let container: string;
    if (text.includes('-----BEGIN ')) {
      const blocks = splitPem(text);
      if (!blocks.ok) return { ok: false, error: blocks.error };
      for (const block of blocks.value) {
        if (block.label === 'PUBLIC KEY' || block.label === 'CERTIFICATE') {
          results.push(await importPublicPem(block, sourceName));
        } else {
          results.push({ ok: false, error: pemLabelHint(block.label) });
        }
      }
      container = 'PEM';
    } else {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        return { ok: false, error: 'Not a JWKS, JWK or PEM: the text is neither JSON nor PEM.' };
      }
      let jwks: unknown[];
      if (isJsonObject(parsed) && Array.isArray(parsed.keys)) {
        jwks = parsed.keys;
        container = 'JWKS';
      } else if (isJsonObject(parsed) && typeof parsed.kty === 'string') {
        jwks = [parsed];
        container = 'JWK';
      } else if (Array.isArray(parsed)) {
        jwks = parsed;
        container = 'JWK list';
      } else {
        return {
          ok: false,
          error: 'Not a JWKS or JWK: expected {"keys": [...]} or an object with "kty".',
        };
      }
      for (const [index, jwk] of jwks.entries()) {
        results.push(
          isJsonObject(jwk)
            ? await importVerificationJwk(jwk, sourceName)
            : { ok: false, error: `entry ${index} is not an object` },
        );
      }
    }
    const keys = results.flatMap((r) => (r.ok ? [r.value] : []));
    const problems = results.flatMap((r) => (r.ok ? [] : [r.error]));
    if (keys.length === 0) {
      return {
        ok: false,
        error: `No usable key in the ${container}. ${problems.join('; ')}`.trim(),
      };
    }
    const skipped = problems.length > 0 ? ` (skipped: ${problems.join('; ')})` : '';
    return {
      ok: true,
      keys,
      description: `${container} with ${keys.length} key${keys.length === 1 ? '' : 's'}: ${keys.map(describeVerificationKey).join(', ')}${skipped}`,
    };
  } catch (error) {
    return { ok: false, error: `Could not read the keys: ${messageOf(error)}` };
  }
}

// ---------------------------------------------------------------------------------------------
// Selection and per-alg import

function sameAlg(a: string, b: string): boolean {
  const norm = (x: string) => (x === 'EdDSA' ? 'Ed25519' : x);
  return norm(a) === norm(b);
}

/** True when the key can verify a signature made with `alg` (type, curve and pinned alg agree). */
export function isKeyUsableForAlg(key: VerificationKey, alg: string): boolean {
  if (key.alg !== undefined && !sameAlg(key.alg, alg)) return false;
  if (/^HS(256|384|512)$/.test(alg)) return key.key instanceof Uint8Array;
  if (key.key instanceof Uint8Array) return false;
  const algorithm = key.key.algorithm as { name: string; namedCurve?: string };
  if (/^(RS|PS)(256|384|512)$/.test(alg)) return key.kty === 'RSA';
  const curve = CURVE_FOR_ES[alg];
  if (curve) return key.kty === 'EC' && algorithm.namedCurve === curve;
  if (alg === 'EdDSA' || alg === 'Ed25519') return algorithm.name === 'Ed25519';
  return false;
}

function cryptoKeyFitsAlg(key: CryptoKey, alg: string): boolean {
  const algorithm = key.algorithm as { name: string; hash?: { name: string } };
  const bits = alg.slice(2);
  if (alg.startsWith('RS'))
    return algorithm.name === 'RSASSA-PKCS1-v1_5' && algorithm.hash?.name === `SHA-${bits}`;
  if (alg.startsWith('PS'))
    return algorithm.name === 'RSA-PSS' && algorithm.hash?.name === `SHA-${bits}`;
  return true;
}

/**
 * Returns the key in the form jose needs for `alg`: RSA keys are re-imported when the token's alg
 * uses another padding or hash than the one they were imported for (a PEM works for RS256 and PS256).
 * Rejects when the key cannot be used for `alg`.
 */
export async function importKeyForAlg(
  key: VerificationKey,
  alg: string,
): Promise<CryptoKey | Uint8Array> {
  if (key.key instanceof Uint8Array || cryptoKeyFitsAlg(key.key, alg)) return key.key;
  const jwk = await exportJWK(key.key);
  delete jwk.alg;
  const imported = await importJWK(jwk, alg, { extractable: true });
  return imported;
}

/** Picks the keys that could verify a token with this header: kid match (or keyless kid), then alg fit. */
export function selectKeys(
  keys: readonly VerificationKey[],
  header: { alg?: string; kid?: string },
  sourceLabel: string,
): KeyLookup {
  if (keys.length === 0) return { status: 'not-found', message: `No keys in ${sourceLabel}.` };
  const knownKids = [...new Set(keys.flatMap((k) => (k.kid === undefined ? [] : [k.kid])))];
  const kidList = knownKids.length > 0 ? knownKids.map((k) => `"${k}"`).join(', ') : 'none';
  const byKid =
    header.kid === undefined
      ? keys
      : keys.filter((k) => k.kid === undefined || k.kid === header.kid);
  if (byKid.length === 0) {
    return {
      status: 'not-found',
      message: `No key with kid ${quoteUntrusted(header.kid)} in ${sourceLabel} (known kids: ${kidList}).`,
    };
  }
  const alg = header.alg;
  const usable = alg === undefined ? byKid : byKid.filter((k) => isKeyUsableForAlg(k, alg));
  if (usable.length === 0) {
    const kidPart = header.kid === undefined ? '' : ` with kid ${quoteUntrusted(header.kid)}`;
    return {
      status: 'not-found',
      message: `No key${kidPart} in ${sourceLabel} can verify ${quoteUntrusted(alg)} (candidates: ${byKid.map(describeVerificationKey).join(', ')}).`,
    };
  }
  return { status: 'found', keys: [...usable] };
}

/** A resolver over a fixed set of keys (pasted text or key files). */
export function createStaticKeyResolver(keys: VerificationKey[]): KeyResolver {
  const snapshot = [...keys];
  const sources = [...new Set(snapshot.map((k) => k.source))];
  const label = sources.length > 0 ? sources.join(', ') : 'the configured keys';
  return async (header) => selectKeys(snapshot, header, label);
}

// ---------------------------------------------------------------------------------------------
// JWKS URL loader (the one effectful edge of lib/jose)

/** Options of the JWKS URL loader. */
export interface JwksLoaderOptions {
  url: string;
  /** Injectable fetch (tests, extension context); defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Per-request timeout (default 5000 ms). */
  timeoutMs?: number;
  /** Minimum time between refetches triggered by an unknown kid (default 30 000 ms). */
  cooldownMs?: number;
  /** How long a failed load is answered from memory before the next attempt (default 5000 ms). */
  failureCooldownMs?: number;
  /** Clock for the cooldowns (default Date.now). */
  now?: () => number;
}

const MAX_JWKS_BYTES = MAX_KEY_TEXT_LENGTH;

/**
 * A resolver backed by a JWKS URL: fetched on first use, cached in memory, and refetched only
 * when a token names a kid the cache does not know (at most once per cooldown). Failures become
 * an `unavailable` lookup, never an exception.
 */
export function createJwksLoader(options: JwksLoaderOptions): KeyResolver {
  const fetchImpl: typeof fetch =
    options.fetch ??
    ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 5000;
  const cooldownMs = options.cooldownMs ?? 30_000;
  const failureCooldownMs = options.failureCooldownMs ?? 5000;
  const now = options.now ?? Date.now;
  let cached: VerificationKey[] | undefined;
  let fetchedAt = Number.NEGATIVE_INFINITY;
  // A JWKS that cannot be loaded (offline, no host permission) would otherwise be refetched,
  // with its timeout, for every captured token.
  let lastFailure: { at: number; result: Parsed<VerificationKey[]> } | undefined;
  let inflight: Promise<Parsed<VerificationKey[]>> | undefined;

  async function fetchKeys(): Promise<Parsed<VerificationKey[]>> {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<Parsed<VerificationKey[]>>((resolve) => {
      timer = setTimeout(() => {
        controller.abort();
        resolve({ ok: false, error: `timed out after ${timeoutMs} ms` });
      }, timeoutMs);
    });
    const attempt = (async (): Promise<Parsed<VerificationKey[]>> => {
      let response: Response;
      try {
        response = await fetchImpl(options.url, {
          signal: controller.signal,
          headers: { accept: 'application/json' },
        });
      } catch (error) {
        return { ok: false, error: `network error: ${messageOf(error)}` };
      }
      if (!response.ok) return { ok: false, error: `HTTP ${response.status}` };
      let body: string;
      try {
        body = await response.text();
      } catch (error) {
        return { ok: false, error: `could not read the response: ${messageOf(error)}` };
      }
      if (body.length > MAX_JWKS_BYTES)
        return { ok: false, error: 'the response is too large for a JWKS' };
      const parsed = await parseKeys(body, options.url);
      return parsed.ok ? { ok: true, value: parsed.keys } : { ok: false, error: parsed.error };
    })();
    try {
      return await Promise.race([attempt, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  function load(): Promise<Parsed<VerificationKey[]>> {
    if (lastFailure && now() - lastFailure.at < failureCooldownMs) {
      return Promise.resolve(lastFailure.result);
    }
    // Concurrent lookups share one request.
    inflight ??= fetchKeys().then((result) => {
      inflight = undefined;
      if (result.ok) {
        cached = result.value;
        fetchedAt = now();
        lastFailure = undefined;
      } else {
        lastFailure = { at: now(), result };
      }
      return result;
    });
    return inflight;
  }

  return async (header) => {
    try {
      if (!cached) {
        const result = await load();
        if (!result.ok) {
          return {
            status: 'unavailable',
            message: `Could not load the JWKS from ${options.url}: ${result.error}`,
          };
        }
      } else if (
        header.kid !== undefined &&
        !cached.some((k) => k.kid === header.kid) &&
        now() - fetchedAt >= cooldownMs
      ) {
        const result = await load();
        if (!result.ok) {
          return {
            status: 'unavailable',
            message: `kid ${quoteUntrusted(header.kid)} is not in the cached JWKS and refetching ${options.url} failed: ${result.error}`,
          };
        }
      }
      return selectKeys(cached ?? [], header, options.url);
    } catch (error) {
      return { status: 'unavailable', message: `Could not load the JWKS: ${messageOf(error)}` };
    }
  };
}

// ---------------------------------------------------------------------------------------------
// Decryption keys

// Any alg of the key's family will do for the import: the JWK is re-imported per JWE alg.
const DECRYPT_PROBE_ALGS = ['RSA-OAEP-256', 'ECDH-ES'] as const;

function stripForDecryption(jwk: Record<string, unknown>): JWK {
  const copy: Record<string, unknown> = { ...jwk };
  delete copy.alg;
  delete copy.use;
  delete copy.key_ops;
  delete copy.ext;
  return copy as JWK;
}

function decryptionKeyFrom(jwk: JWK, source: string): DecryptionKey {
  return {
    kid: typeof jwk.kid === 'string' ? jwk.kid : undefined,
    kty: String(jwk.kty),
    crv: typeof jwk.crv === 'string' ? jwk.crv : undefined,
    jwk,
    source,
  };
}

function describeDecryptionKey(key: DecryptionKey, from: string): string {
  const kind =
    key.kty === 'oct' ? 'symmetric key' : `${key.kty}${key.crv ? ` ${key.crv}` : ''} private key`;
  return `${kind}${key.kid ? ` kid "${key.kid}"` : ''} from ${from}`;
}

/** The JWE key-management algorithms a decryption key can be used with (jose 6). */
export function listKeyManagementAlgs(key: DecryptionKey): string[] {
  switch (key.kty) {
    case 'RSA':
      return ['RSA-OAEP', 'RSA-OAEP-256', 'RSA-OAEP-384', 'RSA-OAEP-512'];
    case 'EC':
    case 'OKP':
      return ['ECDH-ES', 'ECDH-ES+A128KW', 'ECDH-ES+A192KW', 'ECDH-ES+A256KW'];
    case 'oct':
      return ['dir', 'A128KW', 'A192KW', 'A256KW', 'A128GCMKW', 'A192GCMKW', 'A256GCMKW'];
    default:
      return [];
  }
}

/**
 * Parses a JWE decryption key: a private JWK (or a JWKS whose first private key is used), a
 * symmetric `oct` JWK, or a PKCS#8 PEM private key. Never throws; never echoes key material.
 */
export async function parseDecryptionKey(
  text: string,
  sourceName = 'decryption key',
): Promise<{ ok: true; key: DecryptionKey; description: string } | { ok: false; error: string }> {
  try {
    if (typeof text !== 'string' || text.trim() === '')
      return { ok: false, error: 'The key text is empty.' };
    if (text.length > MAX_KEY_TEXT_LENGTH)
      return { ok: false, error: 'The key text is too large.' };
    if (text.includes('-----BEGIN ')) {
      const blocks = splitPem(text);
      if (!blocks.ok) return { ok: false, error: blocks.error };
      const block = blocks.value.find((b) => b.label === 'PRIVATE KEY');
      if (!block) {
        const labels = blocks.value.map((b) => b.label).join(', ');
        const hint = /(RSA|EC) PRIVATE KEY/.test(labels)
          ? ' Convert it to PKCS#8 with `openssl pkcs8 -topk8 -nocrypt -in key.pem`.'
          : '';
        return { ok: false, error: `Expected a PKCS#8 "PRIVATE KEY" PEM, found ${labels}.${hint}` };
      }
      let lastError: unknown;
      for (const alg of DECRYPT_PROBE_ALGS) {
        try {
          const imported = await importPKCS8(block.text, alg, { extractable: true });
          const jwk = stripForDecryption((await exportJWK(imported)) as Record<string, unknown>);
          const key = decryptionKeyFrom(jwk, sourceName);
          return { ok: true, key, description: describeDecryptionKey(key, 'PKCS#8 PEM') };
        } catch (error) {
          lastError = error;
        }
      }
      return { ok: false, error: `Could not import the PKCS#8 key: ${messageOf(lastError)}` };
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return {
        ok: false,
        error: 'Not a private JWK or PKCS#8 PEM: the text is neither JSON nor PEM.',
      };
    }
    const candidates: unknown[] =
      isJsonObject(parsed) && Array.isArray(parsed.keys) ? parsed.keys : [parsed];
    const privateJwk = candidates.find(
      (c): c is Record<string, unknown> =>
        isJsonObject(c) &&
        (typeof c.d === 'string' || (c.kty === 'oct' && typeof c.k === 'string')),
    );
    if (!privateJwk) {
      return {
        ok: false,
        error: 'No private key found: a decryption JWK needs "d" (or "k" for a symmetric key).',
      };
    }
    const jwk = stripForDecryption(privateJwk);
    const key = decryptionKeyFrom(jwk, sourceName);
    const probe = listKeyManagementAlgs(key)[0];
    if (!probe) return { ok: false, error: `Unsupported key type "${key.kty}" for decryption.` };
    try {
      await importJWK(jwk, probe);
    } catch (error) {
      return { ok: false, error: `The private JWK cannot be imported: ${messageOf(error)}` };
    }
    return { ok: true, key, description: describeDecryptionKey(key, 'JWK') };
  } catch (error) {
    return { ok: false, error: `Could not read the decryption key: ${messageOf(error)}` };
  }
}
