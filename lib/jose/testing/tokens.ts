// Test-only helpers: generate key pairs, mint signed/unsigned/encrypted tokens and Uqudo-shaped payloads with jose.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CompactEncrypt,
  CompactSign,
  base64url,
  exportJWK,
  exportPKCS8,
  exportSPKI,
  generateKeyPair,
  importPKCS8,
  type JWK,
} from 'jose';

const here = path.dirname(fileURLToPath(import.meta.url));

/** A generated key pair with its public/private JWKs and PEMs. */
export interface TestKeyPair {
  kid: string;
  alg: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  /** Public JWK with kid and alg. */
  publicJwk: JWK;
  /** Private JWK with kid (no alg, so it imports for any fitting alg). */
  privateJwk: JWK;
  /** SPKI PEM of the public key. */
  publicPem: string;
  /** PKCS#8 PEM of the private key. */
  privatePem: string;
}

/** Generates an extractable key pair for a JWS or JWE algorithm (e.g. RS256, ES256, Ed25519, RSA-OAEP-256, ECDH-ES). */
export async function generateTestKeyPair(
  alg: string,
  kid = `test-${alg.toLowerCase()}`,
): Promise<TestKeyPair> {
  const { publicKey, privateKey } = await generateKeyPair(alg, {
    extractable: true,
    modulusLength: 2048,
  });
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg };
  const privateJwk = { ...(await exportJWK(privateKey)), kid };
  return {
    kid,
    alg,
    privateKey,
    publicKey,
    publicJwk,
    privateJwk,
    publicPem: await exportSPKI(publicKey),
    privatePem: await exportPKCS8(privateKey),
  };
}

/** The standard set of test keys: RSA (RS256), a second RSA, EC P-256, EC P-384 and Ed25519 signers. */
export interface TestKeys {
  rsa: TestKeyPair;
  rsaOther: TestKeyPair;
  ec: TestKeyPair;
  ec384: TestKeyPair;
  ed: TestKeyPair;
}

/** Generates the standard set of signing keys (distinct kids). */
export async function generateTestKeys(): Promise<TestKeys> {
  const [rsa, rsaOther, ec, ec384, ed] = await Promise.all([
    generateTestKeyPair('RS256', 'rsa-main'),
    generateTestKeyPair('RS256', 'rsa-other'),
    generateTestKeyPair('ES256', 'ec-p256'),
    generateTestKeyPair('ES384', 'ec-p384'),
    generateTestKeyPair('Ed25519', 'ed-25519'),
  ]);
  return { rsa, rsaOther, ec, ec384, ed };
}

/** JSON text of a JWKS holding the public keys of the given pairs. */
export function buildJwks(...pairs: TestKeyPair[]): string {
  return JSON.stringify({ keys: pairs.map((p) => p.publicJwk) });
}

/** Options for mintToken. */
export interface MintOptions {
  /** Signing key: a generated pair (its alg and kid are used) or a raw key / HMAC secret. */
  key: TestKeyPair | CryptoKey | Uint8Array;
  /** Algorithm; defaults to the pair's alg. */
  alg?: string;
  /** kid header; defaults to the pair's kid; `null` omits it. */
  kid?: string | null;
  /** Extra protected header parameters (crit, jwk, x5c, typ…). */
  header?: Record<string, unknown>;
}

function isPair(key: MintOptions['key']): key is TestKeyPair {
  return typeof key === 'object' && key !== null && 'privateKey' in key;
}

function payloadBytes(payload: unknown): Uint8Array {
  if (payload instanceof Uint8Array) return payload;
  if (typeof payload === 'string') return new TextEncoder().encode(payload);
  return new TextEncoder().encode(JSON.stringify(payload));
}

/** Signs a payload (object → JSON, string → text, bytes as is) into a compact JWS. */
export async function mintToken(payload: unknown, options: MintOptions): Promise<string> {
  const pair = isPair(options.key) ? options.key : undefined;
  const alg = options.alg ?? pair?.alg;
  if (!alg) throw new Error('mintToken: alg is required for a raw key');
  const kid = options.kid === null ? undefined : (options.kid ?? pair?.kid);
  const header: Record<string, unknown> = {
    alg,
    ...(kid !== undefined ? { kid } : {}),
    ...options.header,
  };
  const crit = Array.isArray(header.crit)
    ? Object.fromEntries((header.crit as string[]).map((name) => [name, true]))
    : undefined;
  // WebCrypto keys are bound to one algorithm: re-import the pair's key for another (RS256 → PS256).
  const signingKey = pair
    ? alg === pair.alg
      ? pair.privateKey
      : await importPKCS8(pair.privatePem, alg)
    : (options.key as CryptoKey | Uint8Array);
  return new CompactSign(payloadBytes(payload))
    .setProtectedHeader(header as { alg: string })
    .sign(signingKey, { crit });
}

/** Builds an unsigned `alg: none` token (header.payload. with an empty signature). */
export function mintUnsignedToken(payload: unknown, header: Record<string, unknown> = {}): string {
  return `${base64url.encode(JSON.stringify({ alg: 'none', ...header }))}.${base64url.encode(payloadBytes(payload))}.`;
}

/** Options for encryptToken. */
export interface EncryptOptions {
  /** Recipient public key (or symmetric key for dir/A*KW). */
  key: TestKeyPair | CryptoKey | Uint8Array;
  alg: string;
  enc: string;
  kid?: string;
  cty?: string;
  header?: Record<string, unknown>;
}

/** Encrypts a plaintext (string or bytes; e.g. a compact JWS for a nested token) into a compact JWE. */
export async function encryptToken(
  plaintext: string | Uint8Array,
  options: EncryptOptions,
): Promise<string> {
  const pair = isPair(options.key) ? options.key : undefined;
  const key = pair ? pair.publicKey : (options.key as CryptoKey | Uint8Array);
  const kid = options.kid ?? pair?.kid;
  const header = {
    alg: options.alg,
    enc: options.enc,
    ...(kid !== undefined ? { kid } : {}),
    ...(options.cty !== undefined ? { cty: options.cty } : {}),
    ...options.header,
  };
  return new CompactEncrypt(payloadBytes(plaintext)).setProtectedHeader(header).encrypt(key);
}

/** Replaces one character in a segment (0-based) so the token no longer verifies but stays well-formed. */
export function tamperSegment(token: string, segmentIndex: number, position = 5): string {
  const segments = token.split('.');
  const segment = segments[segmentIndex] ?? '';
  const at = Math.min(position, segment.length - 1);
  const original = segment[at] ?? 'A';
  const replacement = original === 'A' ? 'B' : 'A';
  segments[segmentIndex] = segment.slice(0, at) + replacement + segment.slice(at + 1);
  return segments.join('.');
}

/** Options for buildUqudoPayload. */
export interface UqudoPayloadOptions {
  /** Issue time, Unix seconds (default now). */
  iat?: number;
  /** Lifetime exp - iat in seconds (default 1800). */
  lifetime?: number;
  jti?: string;
  nonce?: string;
  aud?: string;
  iss?: string;
  /** Face session: data.sessionId set and no documents. */
  faceSessionId?: string;
}

/** A minimal but realistically shaped Uqudo enrolment result payload (passport, face, verifications). */
export function buildUqudoPayload(options: UqudoPayloadOptions = {}): Record<string, unknown> {
  const iat = options.iat ?? Math.floor(Date.now() / 1000);
  const source = {
    sdkType: 'KYC_WEB',
    sdkVersion: '3.2.2',
    sourceIp: '203.0.113.7',
    devicePlatform: 'Web',
  };
  const data: Record<string, unknown> = options.faceSessionId
    ? {
        sessionId: options.faceSessionId,
        face: { auditTrailImageId: '65f1c2a9e4b0a1b2c3d4e5f6', matchLevel: 4, match: true },
        nonce: options.nonce ?? 'nonce-123',
        source,
      }
    : {
        documents: [
          {
            documentType: 'PASSPORT',
            scan: {
              front: {
                documentNumber: 'X1234567',
                fullName: 'TEST PERSON',
                dateOfExpiry: '301231',
                dateOfExpiryFormatted: '2030-12-31',
                nationality: 'ARE',
              },
              faceImageId: '65f1c2a9e4b0a1b2c3d4e5f7',
              frontImageId: '65f1c2a9e4b0a1b2c3d4e5f8',
            },
            reading: null,
            face: { auditTrailImageId: '65f1c2a9e4b0a1b2c3d4e5f9', matchLevel: 4, match: true },
            lookup: null,
          },
        ],
        verifications: [
          {
            documentType: 'PASSPORT',
            idScreenDetection: { enabled: true, score: 2 },
            idPrintDetection: { enabled: true, score: 1 },
            idPhotoTamperingDetection: { enabled: true, score: 3 },
          },
        ],
        nonce: options.nonce ?? 'nonce-123',
        source,
      };
  return {
    iss: options.iss ?? 'https://id.uqudo.io',
    aud: options.aud ?? 'a3c1e2f4-5b6d-4c7e-8f90-1a2b3c4d5e6f',
    iat,
    exp: iat + (options.lifetime ?? 1800),
    jti: options.jti ?? '0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a',
    data,
  };
}

/** The committed test certificate (RSA 2048, CN "Uqudo Inspector test signer") and its PKCS#8 private key. */
export function readTestCertificate(): { certificatePem: string; privateKeyPem: string } {
  return {
    certificatePem: readFileSync(path.join(here, 'test-cert.pem'), 'utf8'),
    privateKeyPem: readFileSync(path.join(here, 'test-cert-key.pem'), 'utf8'),
  };
}

/** Directory of the RFC 7520 vectors vendored in the repository (source and licence in its README). */
const RFC7520_DIR = path.resolve(here, '../../../tests/fixtures/rfc7520');

/** Reads one RFC 7520 vector file by name (e.g. `4_1.rsa_v15_signature.json`). */
export function readRfc7520Vector(name: string): Record<string, any> {
  return JSON.parse(readFileSync(path.join(RFC7520_DIR, name), 'utf8')) as Record<string, any>;
}
