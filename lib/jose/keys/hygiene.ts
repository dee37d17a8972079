// Key hygiene rules: key metadata (use, key_ops), RSA size and exponent, HMAC length, and unambiguous key sets.
import { base64url } from 'jose';

/** Smallest RSA modulus accepted, in bits (NIST SP 800-131A; jose refuses smaller keys for RS/PS too). */
const MIN_RSA_BITS = 2048;
/** Smallest RSA public exponent accepted: FIPS 186-5 asks for an odd e with 2^16 < e < 2^256. */
const MIN_RSA_EXPONENT = 65537n;
/** RSA public exponents must stay below 2^256 (FIPS 186-5). */
const MAX_RSA_EXPONENT_BITS = 256;

/** `key_ops` values that allow JWE decryption (RFC 7517 §4.3): the operation depends on the alg family. */
const DECRYPTION_OPS = ['decrypt', 'unwrapKey', 'deriveKey', 'deriveBits'] as const;

/** Bytes of the hash behind each HMAC algorithm: a shorter key weakens the MAC (RFC 7518 §3.2). */
const HMAC_KEY_BYTES: Record<string, number> = { HS256: 32, HS384: 48, HS512: 64 };

function decodeUnsigned(value: string): Uint8Array | undefined {
  try {
    return base64url.decode(value);
  } catch {
    return undefined;
  }
}

function bitLength(bytes: Uint8Array): number {
  let start = 0;
  while (start < bytes.length && bytes[start] === 0) start++;
  if (start === bytes.length) return 0;
  return (bytes.length - start - 1) * 8 + (32 - Math.clz32(bytes[start]!));
}

function toBigInt(bytes: Uint8Array): bigint {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return value;
}

/**
 * Why an RSA public key (JWK members `n`, `e`) must not be used, or undefined when it is sound:
 * the modulus must have at least {@link MIN_RSA_BITS} bits and the exponent must be odd and in
 * [65537, 2^256). With e = 1 every "signature" is its own message and verifies trivially.
 */
export function checkRsaPublicKey(jwk: { n?: unknown; e?: unknown }): string | undefined {
  const n = typeof jwk.n === 'string' ? decodeUnsigned(jwk.n) : undefined;
  const e = typeof jwk.e === 'string' ? decodeUnsigned(jwk.e) : undefined;
  if (!n || !e) return 'the RSA key has no readable "n" or "e"';
  const bits = bitLength(n);
  if (bits < MIN_RSA_BITS)
    return `RSA modulus of ${bits} bits, below the ${MIN_RSA_BITS}-bit minimum`;
  const exponent = toBigInt(e);
  if (exponent % 2n === 0n) return `RSA public exponent ${exponent} is even`;
  if (exponent < MIN_RSA_EXPONENT)
    return `RSA public exponent ${exponent} is below ${MIN_RSA_EXPONENT} (e = 1 makes any signature verify)`;
  if (bitLength(e) > MAX_RSA_EXPONENT_BITS) return 'RSA public exponent is 2^256 or larger';
  return undefined;
}

/** Why an HMAC secret is too short for `alg`, or undefined when it is long enough (or `alg` is not HMAC). */
export function checkHmacKeyLength(secret: Uint8Array, alg: string): string | undefined {
  const needed = HMAC_KEY_BYTES[alg];
  if (needed === undefined || secret.length >= needed) return undefined;
  return `HMAC secret of ${secret.length} bytes, shorter than the ${needed}-byte ${alg} hash output`;
}

/** The members of a JWK that restrict what it may be used for. */
interface KeyMetadata {
  use?: unknown;
  key_ops?: unknown;
}

function describeOps(ops: unknown): string {
  return Array.isArray(ops) ? `[${ops.map((op) => JSON.stringify(op)).join(', ')}]` : String(ops);
}

/**
 * Why a JWK's `use` / `key_ops` forbid verifying signatures with it, or undefined when they allow
 * it (absent, `use: "sig"`, `key_ops` containing "verify").
 */
export function checkVerificationUse(jwk: KeyMetadata): string | undefined {
  if (jwk.use !== undefined && jwk.use !== 'sig') {
    return jwk.use === 'enc'
      ? 'it is an encryption key (use "enc")'
      : `its "use" is ${JSON.stringify(jwk.use)}, not "sig"`;
  }
  if (jwk.key_ops !== undefined) {
    if (!Array.isArray(jwk.key_ops)) return '"key_ops" is not an array';
    if (!jwk.key_ops.includes('verify'))
      return `its "key_ops" ${describeOps(jwk.key_ops)} do not include "verify"`;
  }
  return undefined;
}

/**
 * Why a JWK's `use` / `key_ops` forbid decrypting with it, or undefined when they allow it
 * (absent, `use: "enc"`, `key_ops` containing decrypt, unwrapKey, deriveKey or deriveBits).
 */
export function checkDecryptionUse(jwk: KeyMetadata): string | undefined {
  if (jwk.use !== undefined && jwk.use !== 'enc') {
    return jwk.use === 'sig'
      ? 'it is a signing key (use "sig")'
      : `its "use" is ${JSON.stringify(jwk.use)}, not "enc"`;
  }
  if (jwk.key_ops !== undefined) {
    if (!Array.isArray(jwk.key_ops)) return '"key_ops" is not an array';
    if (!DECRYPTION_OPS.some((op) => (jwk.key_ops as unknown[]).includes(op))) {
      return `its "key_ops" ${describeOps(jwk.key_ops)} include none of ${DECRYPTION_OPS.join(', ')}`;
    }
  }
  return undefined;
}

/** What the set check needs to know about one key. */
export interface KeyIdentity {
  kid?: string;
  /** True for `oct` (HMAC) secrets. */
  symmetric: boolean;
  /** Identifies the key material (an RFC 7638 thumbprint), to tell a repeated key from a different one. */
  thumbprint: string;
}

/**
 * Problems that make a whole key set ambiguous, so it is refused: two different keys under one
 * `kid` (which one is meant depends on the verifier), or secrets mixed with public keys (a token
 * could pick HMAC over a public key's bytes — the classic key confusion). Empty when the set is sound.
 */
export function checkKeySet(keys: readonly KeyIdentity[]): string[] {
  const problems: string[] = [];
  const byKid = new Map<string, Set<string>>();
  for (const key of keys) {
    if (key.kid === undefined) continue;
    const prints = byKid.get(key.kid) ?? new Set<string>();
    prints.add(key.thumbprint);
    byKid.set(key.kid, prints);
  }
  for (const [kid, prints] of byKid) {
    if (prints.size > 1)
      problems.push(`${prints.size} different keys share kid ${JSON.stringify(kid)}`);
  }
  const symmetric = keys.filter((key) => key.symmetric).length;
  if (symmetric > 0 && symmetric < keys.length) {
    problems.push(
      `it mixes ${symmetric} symmetric (HMAC) secret${symmetric === 1 ? '' : 's'} with ${keys.length - symmetric} public key${keys.length - symmetric === 1 ? '' : 's'}`,
    );
  }
  return problems;
}
