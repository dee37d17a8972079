// The shapes of an inspection: the result, its options and the profile a token family plugs in.
import type { Finding } from './findings';
import type { DecryptionKey, KeyResolver } from './keys';

/** Compact serialization the token was recognised as. */
type TokenFormat = 'jws' | 'jwe' | 'invalid';
/** Outcome of the signature check. */
export type SignatureStatus = 'valid' | 'invalid' | 'unverified' | 'unsupported';
/** What the generic layer can say a token is: a JSON-object payload (`jwt`) or anything else. */
export type GenericKind = 'jwt' | 'unknown';

/**
 * Everything known about one token after inspection. Same shape as the CLI's --json output.
 * `kind` is what the inspection profile named the token ({@link GenericKind} without a profile).
 */
export interface Inspection<K extends string = string> {
  format: TokenFormat;
  header: Record<string, unknown> | null;
  payload: unknown;
  signature: SignatureStatus;
  kind: K;
  inner?: Inspection<K>;
  findings: Finding[];
}

/**
 * What a family of tokens adds to the generic inspection (lib/uqudo supplies Uqudo's): how to name
 * a token from its payload, and the family's own claim rules, run wherever the claims are checked.
 */
export interface InspectionProfile<K extends string = string> {
  /** Names the token from its decoded payload (null when it stayed encrypted). */
  classify(payload: unknown): K;
  /** The family's claim findings for a payload of that kind (after the time claims). */
  checkClaims?(payload: unknown, kind: K): Finding[];
}

export interface InspectOptions<K extends string = string> {
  /** Where verification keys come from (static keys or a JWKS URL loader). Absent → `unverified`. */
  keys?: KeyResolver;
  /** Private key for JWE decryption. */
  decryptionKey?: DecryptionKey;
  /** Current time in Unix seconds (default: Date.now()/1000). */
  now?: number;
  /** Clock-skew leeway in seconds for exp/nbf/iat (default 0). */
  leeway?: number;
  /** JWS algorithms accepted (default: asymmetric RS/PS/ES/EdDSA). */
  allowedAlgs?: readonly string[];
  /** Shared secret for HMAC (HS*) tokens; without it HS* is `unsupported`. */
  hmacSecret?: Uint8Array;
  /** Classification and extra claim rules (default: {@link GenericKind}, time claims only). */
  profile?: InspectionProfile<K>;
}

/** Overall judgement of an inspection, for badges and exit codes. */
export type Verdict =
  'valid' | 'invalid' | 'unverified' | 'unsupported' | 'malformed' | 'encrypted';
