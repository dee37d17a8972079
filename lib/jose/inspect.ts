// inspectToken: find, decode, verify, decrypt and check one compact JWS/JWE → one Inspection (never throws).
import type { Finding } from './findings';
import type { KeyResolver, DecryptionKey } from './keys';

/** Compact serialization the token was recognised as. */
export type TokenFormat = 'jws' | 'jwe' | 'invalid';
/** Outcome of the signature check. */
export type SignatureStatus = 'valid' | 'invalid' | 'unverified' | 'unsupported';
/** What the token is, judged from its payload and context. */
export type TokenKind = 'uqudo-result' | 'uqudo-access-token' | 'jwt' | 'unknown';

/** Claims the caller expects; each one given is checked and a mismatch is an error finding. */
export interface Expectations {
  iss?: string;
  aud?: string;
  jti?: string;
  nonce?: string;
  sessionId?: string;
}

/** Everything known about one token after inspection. Same shape as the CLI's --json output. */
export interface Inspection {
  format: TokenFormat;
  header: Record<string, unknown> | null;
  payload: unknown;
  signature: SignatureStatus;
  kind: TokenKind;
  inner?: Inspection;
  findings: Finding[];
}

export interface InspectOptions {
  /** Where verification keys come from (static keys or a JWKS URL loader). Absent → `unverified`. */
  keys?: KeyResolver;
  /** Private key for JWE decryption. */
  decryptionKey?: DecryptionKey;
  expectations?: Expectations;
  /** Current time in Unix seconds (default: Date.now()/1000). */
  now?: number;
  /** Clock-skew leeway in seconds for exp/nbf/iat (default 0). */
  leeway?: number;
  /** JWS algorithms accepted (default: asymmetric RS/PS/ES/EdDSA). */
  allowedAlgs?: readonly string[];
  /** Shared secret for HMAC (HS*) tokens; without it HS* is `unsupported`. */
  hmacSecret?: Uint8Array;
  /** Context: the token was seen as a Bearer credential or in a token-endpoint response. */
  seenAs?: 'bearer' | 'token-endpoint';
  /** Context: the URL where the token was seen (helps classify Uqudo hosts). */
  url?: string;
}
