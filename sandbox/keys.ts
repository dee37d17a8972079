// Sandbox key material: the RS256 signing key, an older published key, an unpublished key and the JWE key.
import { randomBytes } from 'node:crypto';
import {
  base64url,
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  importPKCS8,
  type CryptoKey,
  type JWK,
} from 'jose';

/** An RS256 key pair with the 32-hex `kid` it is published under. */
export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

/** The RSA-OAEP-256 key results are encrypted to; its private JWK is served to the panel user. */
export interface EncryptionKey {
  kid: string;
  publicKey: CryptoKey;
  privateJwk: JWK;
}

/** Every key the sandbox uses. Only `signing` and `previous` appear in the JWKS. */
export interface SandboxKeys {
  signing: SigningKey;
  previous: SigningKey;
  foreign: SigningKey;
  encryption: EncryptionKey;
}

/** Creates a random 32-hex key id, the shape Uqudo's kids have. */
function createKid(): string {
  return randomBytes(16).toString('hex');
}

const PUBLIC_RSA_MEMBERS = ['kty', 'n', 'e'] as const;

/** Keeps only the public members of an RSA JWK and adds kid/alg/use. */
function toPublicJwk(jwk: JWK, kid: string, alg: string, use: 'sig' | 'enc'): JWK {
  const pub: JWK = {};
  for (const member of PUBLIC_RSA_MEMBERS) {
    if (jwk[member] !== undefined) pub[member] = jwk[member];
  }
  return { ...pub, kid, alg, use };
}

/** Generates a fresh RS256 signing key with a random 32-hex kid. */
async function generateSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = createKid();
  return {
    kid,
    privateKey,
    publicJwk: toPublicJwk(await exportJWK(publicKey), kid, 'RS256', 'sig'),
  };
}

/** Generates the RSA-OAEP-256 key pair used for encrypted results. */
async function generateEncryptionKey(): Promise<EncryptionKey> {
  const { privateKey, publicKey } = await generateKeyPair('RSA-OAEP-256', { extractable: true });
  const kid = createKid();
  const privateJwk: JWK = {
    ...(await exportJWK(privateKey)),
    kid,
    alg: 'RSA-OAEP-256',
    use: 'enc',
  };
  return { kid, publicKey, privateJwk };
}

/**
 * Loads an RSA signing key from PEM (PKCS#8 "PRIVATE KEY") or a private JWK. The kid is the JWK's
 * own `kid` when it is 32 hex, otherwise the first 16 bytes of the RFC 7638 thumbprint in hex, so
 * the same file always publishes the same kid.
 */
async function loadSigningKey(text: string): Promise<SigningKey> {
  const trimmed = text.trim();
  let privateKey: CryptoKey;
  let givenKid: string | undefined;
  if (trimmed.startsWith('{')) {
    const jwk = JSON.parse(trimmed) as JWK;
    if (jwk.kty !== 'RSA' || typeof jwk.d !== 'string') {
      throw new Error('signing key JWK must be a private RSA key (kty "RSA" with "d")');
    }
    givenKid = jwk.kid;
    const imported = await importJWK({ ...jwk, alg: 'RS256', ext: true }, 'RS256');
    if (imported instanceof Uint8Array) throw new Error('signing key JWK is not an RSA key');
    privateKey = imported;
  } else if (trimmed.includes('-----BEGIN PRIVATE KEY-----')) {
    privateKey = await importPKCS8(trimmed, 'RS256', { extractable: true });
  } else if (trimmed.includes('-----BEGIN RSA PRIVATE KEY-----')) {
    throw new Error(
      'PKCS#1 "RSA PRIVATE KEY" PEM is not supported; convert it: openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem',
    );
  } else {
    throw new Error('signing key must be a PKCS#8 PEM ("BEGIN PRIVATE KEY") or a private RSA JWK');
  }
  const full = await exportJWK(privateKey);
  const kid =
    givenKid !== undefined && /^[0-9a-f]{32}$/i.test(givenKid)
      ? givenKid
      : Buffer.from(base64url.decode(await calculateJwkThumbprint(full, 'sha256')))
          .subarray(0, 16)
          .toString('hex');
  return { kid, privateKey, publicJwk: toPublicJwk(full, kid, 'RS256', 'sig') };
}

/** Creates all sandbox keys; `signing` is loaded from `signingKeyText` when given, else generated. */
export async function createSandboxKeys(signingKeyText?: string): Promise<SandboxKeys> {
  const [signing, previous, foreign, encryption] = await Promise.all([
    signingKeyText === undefined ? generateSigningKey() : loadSigningKey(signingKeyText),
    generateSigningKey(),
    generateSigningKey(),
    generateEncryptionKey(),
  ]);
  return { signing, previous, foreign, encryption };
}

/** The public JWKS the sandbox serves: the current key first, then the older one. */
export function buildJwks(keys: SandboxKeys): { keys: JWK[] } {
  return { keys: [keys.signing.publicJwk, keys.previous.publicJwk] };
}
