// Forged variants of a result JWS for the backend acceptance test (jose): altered payload, alg none, foreign keys.
import { base64url, CompactSign, exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';
import type { Mutation } from './backend-test';

/** A mutation that changes the token (control and replay send it unchanged; expired needs a held result). */
export type TokenMutation = Exclude<Mutation, 'control' | 'replay' | 'expired'>;

/** A key pair generated in the panel, used for the foreign-key, embedded-jwk and unknown-kid rows. */
export interface ForeignKey {
  privateKey: CryptoKey;
  publicJwk: JWK;
  kid: string;
}

/** Generates the RS256 key that signs forged tokens (never the configured Uqudo key). */
export async function generateForeignKey(): Promise<ForeignKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = await exportJWK(publicKey);
  const kid = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
  return { privateKey, publicJwk: { kty: jwk.kty, n: jwk.n, e: jwk.e }, kid };
}

interface Parts {
  header: Record<string, unknown>;
  payloadSegment: string;
  signature: string;
  headerSegment: string;
}

function splitJws(token: string): Parts | undefined {
  const segments = token.split('.');
  if (segments.length !== 3) return undefined;
  const [headerSegment, payloadSegment, signature] = segments as [string, string, string];
  try {
    const header = JSON.parse(new TextDecoder().decode(base64url.decode(headerSegment))) as unknown;
    if (typeof header !== 'object' || header === null || Array.isArray(header)) return undefined;
    return { header: header as Record<string, unknown>, payloadSegment, signature, headerSegment };
  } catch {
    return undefined;
  }
}

function encodeJson(value: unknown): string {
  return base64url.encode(JSON.stringify(value));
}

/** Changes what a backend should care about: face match levels to 5, document numbers, a marker claim. */
function alterPayload(payloadSegment: string): string | undefined {
  let claims: unknown;
  try {
    claims = JSON.parse(new TextDecoder().decode(base64url.decode(payloadSegment)));
  } catch {
    return undefined;
  }
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) return undefined;
  const stack: unknown[] = [claims];
  while (stack.length > 0) {
    const current = stack.pop();
    if (typeof current !== 'object' || current === null) continue;
    const record = current as Record<string, unknown>;
    if (typeof record.matchLevel === 'number') record.matchLevel = 5;
    if (typeof record.documentNumber === 'string') record.documentNumber = 'ALTERED01';
    stack.push(...Object.values(record));
  }
  (claims as Record<string, unknown>).altered = 'by the Uqudo Inspector backend test';
  return encodeJson(claims);
}

async function signWith(
  payloadSegment: string,
  header: Record<string, unknown>,
  key: ForeignKey,
): Promise<string> {
  const payload = base64url.decode(payloadSegment);
  return new CompactSign(payload)
    .setProtectedHeader({ ...header, alg: 'RS256' })
    .sign(key.privateKey);
}

/**
 * The token for one mutation: `payload-altered` keeps header and signature; `alg-none` edits the
 * header to `none` and drops the signature; `foreign-key` signs the same payload with `key` under
 * the original kid; `embedded-jwk` also embeds `key` as the `jwk` header; `unknown-kid` signs with
 * `key` under a kid nobody publishes. Never throws.
 */
export async function mutateToken(
  token: string,
  mutation: TokenMutation,
  key: ForeignKey,
): Promise<{ ok: true; token: string } | { ok: false; message: string }> {
  const parts = splitJws(token);
  if (!parts) return { ok: false, message: 'only a compact JWS can be mutated' };
  try {
    switch (mutation) {
      case 'payload-altered': {
        const payload = alterPayload(parts.payloadSegment);
        if (payload === undefined) return { ok: false, message: 'the payload is not JSON' };
        return { ok: true, token: `${parts.headerSegment}.${payload}.${parts.signature}` };
      }
      case 'alg-none':
        return {
          ok: true,
          token: `${encodeJson({ ...parts.header, alg: 'none' })}.${parts.payloadSegment}.`,
        };
      case 'foreign-key':
        return { ok: true, token: await signWith(parts.payloadSegment, parts.header, key) };
      case 'embedded-jwk':
        return {
          ok: true,
          token: await signWith(parts.payloadSegment, { ...parts.header, jwk: key.publicJwk }, key),
        };
      case 'unknown-kid':
        return {
          ok: true,
          token: await signWith(parts.payloadSegment, { ...parts.header, kid: key.kid }, key),
        };
    }
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
