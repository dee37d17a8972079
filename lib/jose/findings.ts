// Findings: the codes, severities and messages the token engine reports; the one place jose errors are translated.

/** How bad a finding is: `error` fails the verdict, `warning` deserves attention, `info` is context. */
export type Severity = 'error' | 'warning' | 'info';

/** One observation about a token, with a stable machine-readable code and a human message. */
export interface Finding {
  severity: Severity;
  code: string;
  message: string;
}

/** Every finding code and its fixed severity. */
export const FINDING_SEVERITIES = {
  /** The token is not a well-formed compact JWS/JWE (segments, base64url, header JSON). */
  malformed: 'error',
  /** The header says `alg: none`: the token is unsigned. */
  'alg-none': 'error',
  /** The algorithm is outside the allowlist (or HMAC without a secret). */
  'alg-not-allowed': 'error',
  /** The header lists a critical extension this tool does not understand. */
  'crit-unsupported': 'error',
  /** A segment is not canonical unpadded base64url (padding, or non-zero unused bits). */
  'non-canonical-encoding': 'error',
  /** The header names a key (jwk, jku, x5u, x5c); it is never used. */
  'embedded-key-ignored': 'warning',
  /** The signature does not verify with any configured candidate key. */
  'signature-invalid': 'error',
  /** Keys were configured, but none matches the token's kid/alg. */
  'key-not-found': 'error',
  /** A configured key was left out for this token: pinned to another alg, or refused by a hygiene rule. */
  'key-not-used': 'warning',
  /** The key source as a whole breaks a hygiene rule (ambiguous kids, mixed secrets and public keys, only refused keys). */
  'key-source-refused': 'error',
  /** No verification key was configured. */
  unverified: 'warning',
  /** The key source (JWKS URL) could not be loaded. */
  'keys-unavailable': 'warning',
  /** Which configured key verified the signature. */
  'verified-with-key': 'info',
  /** Verification failed for another reason than a bad signature (unusable key, unsupported alg). */
  'verify-failed': 'error',
  expired: 'error',
  'not-yet-valid': 'error',
  /** `iat` is later than now plus the leeway. */
  'issued-in-future': 'error',
  /** A registered time claim (exp, nbf, iat) is not an integer NumericDate from 0 to 253402300799. */
  'claim-invalid': 'error',
  'iss-mismatch': 'error',
  'aud-mismatch': 'error',
  'jti-mismatch': 'error',
  'nonce-mismatch': 'error',
  /** The expected session id differs from data.sessionId (face sessions) or jti. */
  'session-id-mismatch': 'error',
  'jti-not-uuid': 'warning',
  /** A JWE and no decryption key: the content stays hidden. */
  encrypted: 'info',
  /** Decryption failed: wrong key, corrupted token, or an algorithm jose does not support. */
  'decrypt-failed': 'error',
  /** The decryption key's kid differs from the JWE header's kid. */
  'decrypt-key-kid-mismatch': 'warning',
  /** The payload is not a JSON object, so no claim could be checked: the token cannot be `valid`. */
  'claims-unchecked': 'error',
  /** The payload is not JSON; it is shown as text. */
  'payload-not-json': 'info',
  /** The payload bytes are not valid UTF-8; undecodable bytes were replaced. */
  'invalid-utf8': 'warning',
  /** The JWE header says `cty: JWT` but the plaintext is not a compact JWS. */
  'cty-mismatch': 'warning',
  /** The decrypted content of a JWE is not a signed JWS: anyone with the public encryption key can make it. */
  'not-signed': 'error',
  /** The engine hit an unexpected condition; the token could not be fully inspected. */
  'internal-error': 'error',
} as const satisfies Record<string, Severity>;

/** A known finding code. */
export type FindingCode = keyof typeof FINDING_SEVERITIES;

/** Builds a finding; the severity always comes from the fixed table. */
export function createFinding(code: FindingCode, message: string): Finding {
  return { severity: FINDING_SEVERITIES[code], code, message };
}

/** Quotes a value taken from a token (alg, kid…) for a message, shortened: it is untrusted input. */
export function quoteUntrusted(value: unknown, maxLength = 80): string {
  const text = String(value);
  return JSON.stringify(text.length > maxLength ? `${text.slice(0, maxLength)}…` : text);
}

/** A piece of a finding message: the engine's own words, or a value it quoted from the token. */
export interface MessagePart {
  text: string;
  /** True for a quoted value (`text` is the value itself, unquoted): untrusted data. */
  quoted: boolean;
}

// A JSON string literal, as quoteUntrusted and JSON.stringify write them (escapes included).
const QUOTED = /"(?:[^"\\\n]|\\.)*"/g;

/**
 * Splits a finding message into the engine's words and the values it quoted (every value from a
 * token is quoted with JSON.stringify, see {@link quoteUntrusted}), so a view can show the values
 * as data. Joining the parts, with each quoted part re-quoted, gives the message back.
 */
export function splitFindingMessage(message: string): MessagePart[] {
  const parts: MessagePart[] = [];
  let last = 0;
  for (const match of message.matchAll(QUOTED)) {
    let value: unknown;
    try {
      value = JSON.parse(match[0]);
    } catch {
      continue;
    }
    if (typeof value !== 'string') continue;
    if (match.index > last) parts.push({ text: message.slice(last, match.index), quoted: false });
    parts.push({ text: value, quoted: true });
    last = match.index + match[0].length;
  }
  if (last < message.length) parts.push({ text: message.slice(last), quoted: false });
  return parts;
}

/** What the engine was doing when jose raised an error. */
export type JoseErrorContext = 'decode' | 'verify' | 'decrypt' | 'key';

/** jose's error codes (see jose/errors); matched by `code` so it works across bundles. */
const JOSE_CODES = {
  signatureFailed: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
  jwsInvalid: 'ERR_JWS_INVALID',
  jweInvalid: 'ERR_JWE_INVALID',
  jwtInvalid: 'ERR_JWT_INVALID',
  decryptionFailed: 'ERR_JWE_DECRYPTION_FAILED',
  notSupported: 'ERR_JOSE_NOT_SUPPORTED',
  algNotAllowed: 'ERR_JOSE_ALG_NOT_ALLOWED',
  jwkInvalid: 'ERR_JWK_INVALID',
  jwksInvalid: 'ERR_JWKS_INVALID',
  noMatchingKey: 'ERR_JWKS_NO_MATCHING_KEY',
  multipleMatchingKeys: 'ERR_JWKS_MULTIPLE_MATCHING_KEYS',
  timeout: 'ERR_JWKS_TIMEOUT',
  expired: 'ERR_JWT_EXPIRED',
  claimFailed: 'ERR_JWT_CLAIM_VALIDATION_FAILED',
} as const;

const MAX_MESSAGE_DETAIL = 300;

/** The error's own message, shortened; jose messages describe structure, never key material. */
function detailOf(error: unknown): string {
  let text: string;
  if (error instanceof Error) text = error.message;
  else if (typeof error === 'string') text = error;
  else text = 'unknown error';
  return text.length > MAX_MESSAGE_DETAIL ? `${text.slice(0, MAX_MESSAGE_DETAIL)}…` : text;
}

function codeOf(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

/**
 * Translates an error thrown by jose (or by WebCrypto underneath it) into a finding.
 * This is the only place jose error codes are interpreted.
 */
export function describeJoseError(error: unknown, context: JoseErrorContext): Finding {
  const code = codeOf(error);
  const detail = detailOf(error);
  switch (code) {
    case JOSE_CODES.signatureFailed:
      return createFinding(
        'signature-invalid',
        'The signature does not match the header and payload.',
      );
    case JOSE_CODES.decryptionFailed:
      return createFinding(
        'decrypt-failed',
        'Decryption failed: the key does not fit this token, or the token was altered.',
      );
    case JOSE_CODES.algNotAllowed:
      return context === 'decrypt'
        ? createFinding('decrypt-failed', `The decryption key cannot be used here: ${detail}`)
        : createFinding('alg-not-allowed', `Algorithm not allowed: ${detail}`);
    case JOSE_CODES.notSupported:
      if (context === 'decrypt')
        return createFinding('decrypt-failed', `Not supported by jose: ${detail}`);
      if (context === 'verify')
        return createFinding('verify-failed', `Not supported by jose: ${detail}`);
      return createFinding('malformed', `Not supported: ${detail}`);
    case JOSE_CODES.jwsInvalid:
    case JOSE_CODES.jwtInvalid:
      return createFinding('malformed', `Invalid JWS: ${detail}`);
    case JOSE_CODES.jweInvalid:
      return context === 'decrypt'
        ? createFinding('decrypt-failed', `Invalid JWE: ${detail}`)
        : createFinding('malformed', `Invalid JWE: ${detail}`);
    case JOSE_CODES.jwkInvalid:
    case JOSE_CODES.jwksInvalid:
      return context === 'decrypt'
        ? createFinding('decrypt-failed', `Unusable decryption key: ${detail}`)
        : createFinding('verify-failed', `Unusable key: ${detail}`);
    case JOSE_CODES.noMatchingKey:
    case JOSE_CODES.multipleMatchingKeys:
      return createFinding('key-not-found', `No single matching key: ${detail}`);
    case JOSE_CODES.timeout:
      return createFinding('keys-unavailable', `Loading the keys timed out: ${detail}`);
    case JOSE_CODES.expired:
      return createFinding('expired', detail);
    case JOSE_CODES.claimFailed:
      return createFinding('claim-invalid', detail);
    default:
      break;
  }
  // Not a jose error: WebCrypto/TypeError from a key that does not fit the algorithm, or a bug.
  switch (context) {
    case 'decrypt':
      return createFinding('decrypt-failed', `Decryption failed: ${detail}`);
    case 'verify':
      return createFinding('verify-failed', `Verification failed: ${detail}`);
    case 'key':
      return createFinding('verify-failed', `Key could not be used: ${detail}`);
    case 'decode':
      return createFinding('malformed', `Could not decode the token: ${detail}`);
  }
}
