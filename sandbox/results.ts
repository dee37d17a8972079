// Turns scenario claims into the compact tokens the sandbox serves: signed, broken on purpose, or encrypted.
import { CompactEncrypt, SignJWT, UnsecuredJWT, base64url, type JWTPayload } from 'jose';
import type { EncryptionKey, SandboxKeys, SigningKey } from './keys';
import type { Scenario } from './scenarios';

/** Signs claims as Uqudo does: header exactly `{kid, alg: "RS256"}`, no `typ`. */
async function signClaims(claims: JWTPayload, key: SigningKey): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ kid: key.kid, alg: 'RS256' })
    .sign(key.privateKey);
}

/**
 * Changes the payload of a signed JWS after signing (the face match is "upgraded"), keeping it
 * valid JSON so only the signature check can tell.
 */
function tamperPayload(jws: string): string {
  const [header, payload, signature] = jws.split('.');
  if (header === undefined || payload === undefined || signature === undefined) {
    throw new Error('expected a compact JWS');
  }
  const claims = JSON.parse(new TextDecoder().decode(base64url.decode(payload))) as {
    data?: { documents?: Array<{ face?: { matchLevel?: number; match?: boolean } | null }> };
  };
  const face = claims.data?.documents?.[0]?.face;
  if (face) {
    face.matchLevel = 5;
    face.match = true;
  }
  (claims as Record<string, unknown>).tampered = 'payload edited after signing';
  return `${header}.${base64url.encode(JSON.stringify(claims))}.${signature}`;
}

/** Produces the result JWS for a scenario; `tampered`, `unknown-kid` and `alg-none` are broken on purpose. */
export async function issueResultJws(
  scenario: Scenario,
  claims: JWTPayload,
  keys: SandboxKeys,
): Promise<string> {
  switch (scenario) {
    case 'tampered':
      return tamperPayload(await signClaims(claims, keys.signing));
    case 'unknown-kid':
      return signClaims(claims, keys.foreign);
    case 'alg-none':
      return new UnsecuredJWT(claims).encode();
    default:
      return signClaims(claims, keys.signing);
  }
}

/** Wraps a JWS in a compact JWE (RSA-OAEP-256 + A256GCM, `cty: "JWT"`) to the sandbox encryption key. */
export async function encryptResult(jws: string, key: EncryptionKey): Promise<string> {
  return new CompactEncrypt(new TextEncoder().encode(jws))
    .setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM', cty: 'JWT', kid: key.kid })
    .encrypt(key.publicKey);
}

/** Claims of a sandbox access token. */
export interface AccessTokenClaims {
  iss: string;
  sub: string;
  client_id: string;
  scope: string;
  iat: number;
  exp: number;
  jti: string;
}

/** Signs an access token (RFC 9068 `typ: at+jwt`, so a result JWS can never pass as one). */
export async function signAccessToken(claims: AccessTokenClaims, key: SigningKey): Promise<string> {
  return new SignJWT({ ...claims })
    .setProtectedHeader({ kid: key.kid, alg: 'RS256', typ: 'at+jwt' })
    .sign(key.privateKey);
}
