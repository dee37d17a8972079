// inspectToken: find, decode, verify, decrypt and check one compact JWS/JWE → one Inspection (never throws).
import { compactDecrypt, compactVerify, importJWK } from 'jose';
import { classifyToken } from '../uqudo/classify';
import { checkClaims } from './claims';
import {
  decodeHeaderSegment,
  decodeSegmentBytes,
  decodeUtf8,
  isBase64urlCode,
  isJsonObject,
} from './decode';
import { MAX_TOKEN_LENGTH, normalizeTokenInput } from './find';
import { createFinding, describeJoseError, quoteUntrusted, type Finding } from './findings';
import {
  ASYMMETRIC_SIGNING_ALGS,
  describeVerificationKey,
  importKeyForAlg,
  listKeyManagementAlgs,
  type DecryptionKey,
  type KeyLookup,
  type KeyResolver,
  type VerificationKey,
} from './keys';

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

/** Default JWS algorithm allowlist: the asymmetric algorithms (Uqudo results use RS256). */
export const DEFAULT_ALLOWED_ALGS: readonly string[] = ASYMMETRIC_SIGNING_ALGS;

/** Overall judgement of an inspection, for badges and exit codes. */
export type Verdict =
  'valid' | 'invalid' | 'unverified' | 'unsupported' | 'malformed' | 'encrypted';

const HMAC_ALG = /^HS(256|384|512)$/;
/** Header parameters that name a key; the token must never choose its own verification key. */
const EMBEDDED_KEY_HEADERS = ['jwk', 'jku', 'x5u', 'x5c'] as const;
/** A JWE inside a JWE inside a JWE is as deep as inspection goes. */
const MAX_NESTING_DEPTH = 3;
const SEGMENT_NAMES = {
  jws: ['header', 'payload', 'signature'],
  jwe: ['header', 'encrypted key', 'initialization vector', 'ciphertext', 'authentication tag'],
} as const;

function malformedResult(
  message: string,
  header: Record<string, unknown> | null = null,
): Inspection {
  return {
    format: 'invalid',
    header,
    payload: null,
    signature: 'unverified',
    kind: 'unknown',
    findings: [createFinding('malformed', message)],
  };
}

function countDots(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 46) count++;
  return count;
}

/** Describes the first character outside the base64url alphabet, without echoing the token. */
function firstInvalidCharacter(segment: string): string | undefined {
  for (let i = 0; i < segment.length; i++) {
    const code = segment.charCodeAt(i);
    if (!isBase64urlCode(code)) {
      const shown =
        code >= 33 && code <= 126
          ? `'${segment[i]}'`
          : `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
      return `${shown} at offset ${i}`;
    }
  }
  return undefined;
}

/** Turns payload bytes into a JSON value when they parse, else text; reports UTF-8 and JSON problems. */
function readPayload(bytes: Uint8Array, findings: Finding[]): unknown {
  const utf8 = decodeUtf8(bytes);
  if (!utf8.valid) {
    findings.push(
      createFinding(
        'invalid-utf8',
        'The payload is not valid UTF-8; undecodable bytes are shown as U+FFFD.',
      ),
    );
  }
  if (utf8.text.length === 0) {
    findings.push(createFinding('payload-not-json', 'The payload is empty.'));
    return '';
  }
  try {
    return JSON.parse(utf8.text) as unknown;
  } catch {
    findings.push(
      createFinding('payload-not-json', 'The payload is not JSON; it is shown as text.'),
    );
    return utf8.text;
  }
}

/** Quotes header names from the token for a message, bounded: they are untrusted input. */
function quoteNames(names: readonly string[]): string {
  const shown = names
    .slice(0, 5)
    .map((n) => JSON.stringify(n.length > 40 ? `${n.slice(0, 40)}…` : n));
  return names.length > 5 ? `${shown.join(', ')} and ${names.length - 5} more` : shown.join(', ');
}

/** Reports `crit` problems; returns the names to let jose accept so the signature can still be checked. */
function checkCrit(
  header: Record<string, unknown>,
  understood: readonly string[],
  findings: Finding[],
): Record<string, boolean> | undefined {
  const crit = header.crit;
  if (crit === undefined) return undefined;
  if (
    !Array.isArray(crit) ||
    crit.length === 0 ||
    crit.some((c) => typeof c !== 'string' || c === '')
  ) {
    findings.push(
      createFinding(
        'crit-unsupported',
        '"crit" must be a non-empty array of header parameter names.',
      ),
    );
    return undefined;
  }
  const names = crit as string[];
  const unknown = names.filter((name) => !understood.includes(name));
  if (unknown.length > 0) {
    findings.push(
      createFinding(
        'crit-unsupported',
        `Critical header extension${unknown.length === 1 ? '' : 's'} ${quoteNames(unknown)} not understood; a compliant verifier must reject this token.`,
      ),
    );
  }
  const missing = names.filter((name) => !Object.hasOwn(header, name));
  if (missing.length > 0) {
    findings.push(
      createFinding('malformed', `"crit" names ${quoteNames(missing)}, absent from the header.`),
    );
  }
  return unknown.length > 0 ? Object.fromEntries(unknown.map((name) => [name, true])) : undefined;
}

async function resolveKeys(
  resolver: KeyResolver,
  header: { alg?: string; kid?: string },
): Promise<KeyLookup> {
  try {
    return await resolver(header);
  } catch (error) {
    return {
      status: 'unavailable',
      message: `The key source failed: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

/** Tries each candidate key; the first that verifies wins. */
async function verifyWithKeys(
  token: string,
  alg: string,
  keys: readonly VerificationKey[],
  crit: Record<string, boolean> | undefined,
  findings: Finding[],
): Promise<SignatureStatus> {
  const failures: Finding[] = [];
  for (const key of keys) {
    let usable: CryptoKey | Uint8Array;
    try {
      usable = await importKeyForAlg(key, alg);
    } catch (error) {
      failures.push(describeJoseError(error, 'key'));
      continue;
    }
    try {
      await compactVerify(token, usable, { algorithms: [alg], crit });
      findings.push(
        createFinding(
          'verified-with-key',
          `Signature verified with ${describeVerificationKey(key)} from ${key.source}.`,
        ),
      );
      return 'valid';
    } catch (error) {
      failures.push(describeJoseError(error, 'verify'));
    }
  }
  const badSignatures = failures.filter((f) => f.code === 'signature-invalid').length;
  if (badSignatures > 0) {
    findings.push(
      createFinding(
        'signature-invalid',
        keys.length === 1
          ? 'The signature does not match the header and payload (altered token or wrong key).'
          : `The signature does not verify with any of the ${keys.length} candidate keys (altered token or wrong key).`,
      ),
    );
  }
  const seen = new Set<string>();
  for (const failure of failures) {
    const id = `${failure.code}\n${failure.message}`;
    if (failure.code === 'signature-invalid' || seen.has(id)) continue;
    seen.add(id);
    findings.push(failure);
  }
  return badSignatures > 0 || failures.some((f) => f.code === 'malformed')
    ? 'invalid'
    : 'unverified';
}

async function checkSignature(
  token: string,
  header: Record<string, unknown>,
  alg: string,
  crit: Record<string, boolean> | undefined,
  options: InspectOptions,
  findings: Finding[],
): Promise<SignatureStatus> {
  if (alg.toLowerCase() === 'none') {
    findings.push(
      createFinding(
        'alg-none',
        'The header says alg "none": the token is not signed and proves nothing.',
      ),
    );
    return 'invalid';
  }
  const kid = typeof header.kid === 'string' ? header.kid : undefined;
  if (HMAC_ALG.test(alg)) {
    if (options.allowedAlgs && !options.allowedAlgs.includes(alg)) {
      findings.push(
        createFinding(
          'alg-not-allowed',
          `alg ${quoteUntrusted(alg)} is not in the allowed list (${options.allowedAlgs.join(', ')}).`,
        ),
      );
      return 'unsupported';
    }
    let secrets: VerificationKey[] = [];
    if (options.hmacSecret) {
      secrets = [{ kid, kty: 'oct', key: options.hmacSecret, source: 'the HMAC secret' }];
    } else if (options.keys) {
      const lookup = await resolveKeys(options.keys, { alg, kid });
      if (lookup.status === 'found')
        secrets = lookup.keys.filter((k) => k.key instanceof Uint8Array);
    }
    if (secrets.length === 0) {
      findings.push(
        createFinding(
          'alg-not-allowed',
          `alg ${quoteUntrusted(alg)} is HMAC: verifying it needs the shared secret, which was not given (an issuer's public key can never verify it).`,
        ),
      );
      return 'unsupported';
    }
    return verifyWithKeys(token, alg, secrets, crit, findings);
  }
  const allowed = options.allowedAlgs ?? DEFAULT_ALLOWED_ALGS;
  if (!allowed.includes(alg)) {
    findings.push(
      createFinding(
        'alg-not-allowed',
        `alg ${quoteUntrusted(alg)} is not in the allowed list (${allowed.join(', ')}).`,
      ),
    );
    return 'unsupported';
  }
  if (!options.keys) {
    findings.push(
      createFinding('unverified', 'No verification key configured: the signature was not checked.'),
    );
    return 'unverified';
  }
  const lookup = await resolveKeys(options.keys, { alg, kid });
  if (lookup.status === 'unavailable') {
    findings.push(
      createFinding(
        'keys-unavailable',
        `${withFullStop(lookup.message)} The signature was not checked.`,
      ),
    );
    return 'unverified';
  }
  if (lookup.status === 'not-found') {
    findings.push(createFinding('key-not-found', lookup.message));
    return 'unverified';
  }
  return verifyWithKeys(token, alg, lookup.keys, crit, findings);
}

function contextOf(options: InspectOptions): {
  seenAs?: 'bearer' | 'token-endpoint';
  url?: string;
} {
  return { seenAs: options.seenAs, url: options.url };
}

async function inspectJws(
  token: string,
  segments: string[],
  header: Record<string, unknown>,
  options: InspectOptions,
): Promise<Inspection> {
  const alg = header.alg;
  if (typeof alg !== 'string' || alg === '')
    return malformedResult('The header has no "alg".', header);
  const [, payloadSegment = '', signatureSegment = ''] = segments;
  const findings: Finding[] = [];
  const crit = checkCrit(header, ['b64'], findings);
  // RFC 7797: with "b64": false (declared critical) the payload segment is the payload itself.
  const unencoded =
    header.b64 === false && Array.isArray(header.crit) && header.crit.includes('b64');
  const payloadBytes = unencoded
    ? new TextEncoder().encode(payloadSegment)
    : decodeSegmentBytes(payloadSegment);
  if (!payloadBytes) return malformedResult('The payload is not valid base64url.', header);
  if (!decodeSegmentBytes(signatureSegment))
    return malformedResult('The signature is not valid base64url.', header);
  const named = EMBEDDED_KEY_HEADERS.filter((name) => Object.hasOwn(header, name));
  if (named.length > 0) {
    findings.push(
      createFinding(
        'embedded-key-ignored',
        `The header names its own key (${named.join(', ')}); it was ignored: only keys you configured are used.`,
      ),
    );
  }
  const payload = readPayload(payloadBytes, findings);
  const signature = await checkSignature(token, header, alg, crit, options, findings);
  findings.push(...claimFindings(payload, options));
  return {
    format: 'jws',
    header,
    payload,
    signature,
    kind: classifyToken(payload, contextOf(options)),
    findings,
  };
}

function claimFindings(payload: unknown, options: InspectOptions): Finding[] {
  const now =
    typeof options.now === 'number' && Number.isFinite(options.now)
      ? options.now
      : Date.now() / 1000;
  const leeway =
    typeof options.leeway === 'number' && Number.isFinite(options.leeway)
      ? Math.max(0, options.leeway)
      : 0;
  return checkClaims(payload, { now, leeway, expectations: options.expectations });
}

/** True when the text looks like a compact JWS or JWE (segment count and a decodable header with alg). */
function looksLikeCompactToken(text: string): boolean {
  const dots = countDots(text);
  if (dots !== 2 && dots !== 4) return false;
  const decoded = decodeHeaderSegment(text.slice(0, text.indexOf('.')));
  return decoded.ok && typeof decoded.header.alg === 'string';
}

async function inspectJwe(
  token: string,
  header: Record<string, unknown>,
  options: InspectOptions,
  depth: number,
): Promise<Inspection> {
  const { alg, enc } = header;
  if (typeof alg !== 'string' || alg === '')
    return malformedResult('The JWE header has no "alg".', header);
  if (typeof enc !== 'string' || enc === '')
    return malformedResult('The JWE header has no "enc".', header);
  const findings: Finding[] = [];
  // jose understands no JWE extensions, so every critical one is unsupported here.
  const crit = checkCrit(header, [], findings);
  // A JWE carries no signature of its own; a nested JWS has its own status in `inner`.
  const result = (payload: unknown, kind: TokenKind, inner?: Inspection): Inspection => ({
    format: 'jwe',
    header,
    payload,
    signature: 'unverified',
    kind,
    ...(inner ? { inner } : {}),
    findings,
  });
  const key = options.decryptionKey;
  if (!key) {
    findings.push(
      createFinding(
        'encrypted',
        `Encrypted (${alg}, ${enc}); provide the private key to decrypt it.`,
      ),
    );
    return result(null, classifyToken(null, contextOf(options)));
  }
  const failed = (): Inspection => result(null, classifyToken(null, contextOf(options)));
  const algs = listKeyManagementAlgs(key);
  if (!algs.includes(alg)) {
    findings.push(
      createFinding(
        'decrypt-failed',
        `The JWE uses alg ${quoteUntrusted(alg)}, which the ${key.kty} decryption key cannot be used with; it supports ${algs.join(', ') || 'nothing'} (jose 6 has no RSA1_5).`,
      ),
    );
    return failed();
  }
  if (typeof header.kid === 'string' && key.kid !== undefined && header.kid !== key.kid) {
    findings.push(
      createFinding(
        'decrypt-key-kid-mismatch',
        `The JWE is for kid ${quoteUntrusted(header.kid)}, the decryption key is kid ${quoteUntrusted(key.kid)}.`,
      ),
    );
  }
  let plaintext: Uint8Array;
  try {
    const decrypted = await compactDecrypt(
      token,
      async (protectedHeader) => importJWK(key.jwk, protectedHeader.alg),
      {
        keyManagementAlgorithms: algs,
        crit,
      },
    );
    plaintext = decrypted.plaintext;
  } catch (error) {
    findings.push(describeJoseError(error, 'decrypt'));
    return failed();
  }
  const utf8 = decodeUtf8(plaintext);
  const content = utf8.text.trim();
  if (utf8.valid && looksLikeCompactToken(content)) {
    const inner =
      depth + 1 >= MAX_NESTING_DEPTH
        ? malformedResult(
            `Nested more than ${MAX_NESTING_DEPTH} levels deep; not inspected further.`,
          )
        : await inspectAt(content, options, depth + 1);
    return result(content, inner.kind, inner);
  }
  if (typeof header.cty === 'string' && header.cty.toUpperCase() === 'JWT') {
    findings.push(
      createFinding(
        'cty-mismatch',
        'The header says cty "JWT", but the plaintext is not a compact JWS.',
      ),
    );
  }
  const payload = readPayload(plaintext, findings);
  findings.push(
    createFinding(
      'not-signed',
      'The decrypted content is not a signed JWS, so its origin cannot be verified.',
    ),
  );
  findings.push(...claimFindings(payload, options));
  return result(payload, classifyToken(payload, contextOf(options)));
}

async function inspectAt(raw: string, options: InspectOptions, depth: number): Promise<Inspection> {
  const token = typeof raw === 'string' ? normalizeTokenInput(raw) : '';
  if (token === '') return malformedResult('The token is empty.');
  if (token.length > MAX_TOKEN_LENGTH) {
    return malformedResult(
      `The token is ${(token.length / 1048576).toFixed(1)} MB, over the ${MAX_TOKEN_LENGTH / 1048576} MB limit.`,
    );
  }
  const dots = countDots(token);
  if (dots !== 2 && dots !== 4) {
    return malformedResult(
      `Expected 3 segments (JWS) or 5 (JWE) separated by dots, found ${dots + 1}.`,
    );
  }
  const format = dots === 2 ? 'jws' : 'jwe';
  const segments = token.split('.');
  const names = SEGMENT_NAMES[format];
  for (const [index, segment] of segments.entries()) {
    const invalid = firstInvalidCharacter(segment);
    if (invalid)
      return malformedResult(
        `The ${names[index] ?? 'segment'} contains ${invalid}, outside base64url.`,
      );
  }
  const decoded = decodeHeaderSegment(segments[0] ?? '');
  if (!decoded.ok) return malformedResult(`Cannot read the header: ${decoded.reason}.`);
  return format === 'jws'
    ? inspectJws(token, segments, decoded.header, options)
    : inspectJwe(token, decoded.header, options, depth);
}

/**
 * Inspects one compact JWS or JWE: decodes it, checks the header policy, verifies the signature
 * with the configured keys only, decrypts a JWE (inspecting a nested JWS as `inner`), checks the
 * claims and classifies the token. Never throws: every problem becomes a finding.
 */
export async function inspectToken(
  token: string,
  options: InspectOptions = {},
): Promise<Inspection> {
  try {
    return await inspectAt(token, options, 0);
  } catch (error) {
    return describeInspectionFailure(error);
  }
}

/** The Inspection for an inspection that threw (a safety net: inspectToken itself never should). */
export function describeInspectionFailure(error: unknown): Inspection {
  return {
    format: 'invalid',
    header: null,
    payload: null,
    signature: 'unverified',
    kind: 'unknown',
    findings: [
      createFinding(
        'internal-error',
        `Inspection stopped unexpectedly: ${error instanceof Error ? error.message : String(error)}`,
      ),
    ],
  };
}

function hasError(inspection: Inspection): boolean {
  for (let current: Inspection | undefined = inspection; current; current = current.inner) {
    if (current.findings.some((f) => f.severity === 'error')) return true;
  }
  return false;
}

function innermost(inspection: Inspection): Inspection {
  let current = inspection;
  while (current.inner) current = current.inner;
  return current;
}

/**
 * One-word judgement: `malformed` when not a token, `encrypted` when a JWE was not decrypted,
 * `invalid` when there is any error finding (here or in the inner token), else the (innermost)
 * signature status.
 */
export function verdictOf(inspection: Inspection): Verdict {
  if (inspection.format === 'invalid') return 'malformed';
  if (inspection.format === 'jwe' && inspection.findings.some((f) => f.code === 'encrypted'))
    return 'encrypted';
  if (hasError(inspection)) return 'invalid';
  return innermost(inspection).signature;
}

/** The Uqudo session id: `data.sessionId` for face sessions, else `jti` (looking into a nested JWS). */
export function sessionIdOf(inspection: Inspection): string | undefined {
  const payload = innermost(inspection).payload;
  if (!isJsonObject(payload)) return undefined;
  const data = payload.data;
  if (isJsonObject(data) && typeof data.sessionId === 'string') return data.sessionId;
  return typeof payload.jti === 'string' ? payload.jti : undefined;
}

/** Ends a sentence built from another message (which may come from fetch) with a full stop. */
function withFullStop(message: string): string {
  return /[.!?]$/.test(message) ? message : `${message}.`;
}
