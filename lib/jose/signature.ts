// The signature check of a JWS: alg policy, key lookup (with why keys were not used) and verification with jose.
import { compactVerify } from 'jose';
import { createFinding, describeJoseError, quoteUntrusted, type Finding } from './findings';
import type { InspectOptions, SignatureStatus } from './inspection';
import { settle, yieldToWebCrypto } from './overlap';
import {
  ASYMMETRIC_SIGNING_ALGS,
  checkHmacKeyLength,
  describeVerificationKey,
  importKeyOnce,
  type KeyLookup,
  type KeyResolver,
  type VerificationKey,
} from './keys';

/** The signature status. */
export interface Verification {
  status: SignatureStatus;
}

/**
 * Work that does not depend on the signature (payload, claims, naming), done while WebCrypto
 * verifies on its own thread instead of after it. `read` must be idempotent: it is called once
 * per candidate key, and the caller calls it again when nothing was verified.
 */
export interface WhileVerifying {
  read(): void;
}

/** The `verified-with-key` message per key (keys do not change once parsed). */
const verifiedMessages = new WeakMap<VerificationKey, string>();

function describeVerifiedWith(key: VerificationKey): string {
  let message = verifiedMessages.get(key);
  if (message === undefined) {
    message = `Signature verified with ${describeVerificationKey(key)} from ${key.source}.`;
    verifiedMessages.set(key, message);
  }
  return message;
}

/** Default JWS algorithm allowlist: the asymmetric algorithms (Uqudo results use RS256). */
const DEFAULT_ALLOWED_ALGS: readonly string[] = ASYMMETRIC_SIGNING_ALGS;

const HMAC_ALG = /^HS(256|384|512)$/;

/** Ends a sentence built from another message (which may come from fetch) with a full stop. */
function withFullStop(message: string): string {
  return /[.!?]$/.test(message) ? message : `${message}.`;
}

async function resolveKeys(
  resolver: KeyResolver,
  header: { alg?: string; kid?: string },
  findings: Finding[],
): Promise<KeyLookup> {
  let lookup: KeyLookup;
  try {
    lookup = await resolver(header);
  } catch (error) {
    lookup = {
      status: 'unavailable',
      message: `The key source failed: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  if (lookup.status === 'found' || lookup.status === 'not-found') {
    for (const note of lookup.notes ?? []) findings.push(createFinding('key-not-used', note));
  }
  return lookup;
}

/**
 * Tries each candidate key; the first that verifies wins. Once jose is verifying with the first
 * key, `whileVerifying` runs.
 */
async function verifyWithKeys(
  token: string,
  alg: string,
  keys: readonly VerificationKey[],
  crit: Record<string, boolean> | undefined,
  findings: Finding[],
  whileVerifying: WhileVerifying,
): Promise<Verification> {
  const failures: Finding[] = [];
  for (const key of keys) {
    let usable = importKeyOnce(key, alg);
    if (usable instanceof Promise) {
      try {
        usable = await usable;
      } catch (error) {
        failures.push(describeJoseError(error, 'key'));
        continue;
      }
    }
    const verifying = settle(compactVerify(token, usable, { algorithms: [alg], crit }));
    await yieldToWebCrypto();
    whileVerifying.read();
    // Worded while the verify runs; used only if it succeeds.
    const verified = describeVerifiedWith(key);
    const outcome = await verifying;
    if (outcome.ok) {
      findings.push(createFinding('verified-with-key', verified));
      return { status: 'valid' };
    }
    failures.push(describeJoseError(outcome.error, 'verify'));
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
  return {
    status:
      badSignatures > 0 || failures.some((f) => f.code === 'malformed') ? 'invalid' : 'unverified',
  };
}

/** The HMAC secrets that may verify an HS* token: the explicit secret, or `oct` keys from the key source. */
async function findHmacSecrets(
  alg: string,
  kid: string | undefined,
  options: InspectOptions,
  findings: Finding[],
): Promise<VerificationKey[]> {
  if (options.hmacSecret) {
    const short = checkHmacKeyLength(options.hmacSecret, alg);
    if (short) {
      findings.push(createFinding('key-not-used', `The HMAC secret was refused: ${short}.`));
      return [];
    }
    return [
      { kid, kty: 'oct', key: options.hmacSecret, source: 'the HMAC secret', thumbprint: '' },
    ];
  }
  if (!options.keys) return [];
  const lookup = await resolveKeys(options.keys, { alg, kid }, findings);
  if (lookup.status === 'refused') {
    findings.push(createFinding('key-source-refused', lookup.message));
    return [];
  }
  return lookup.status === 'found' ? lookup.keys.filter((k) => k.key instanceof Uint8Array) : [];
}

async function checkHmacSignature(
  token: string,
  alg: string,
  kid: string | undefined,
  crit: Record<string, boolean> | undefined,
  options: InspectOptions,
  findings: Finding[],
  whileVerifying: WhileVerifying,
): Promise<Verification> {
  if (options.allowedAlgs && !options.allowedAlgs.includes(alg)) {
    findings.push(
      createFinding(
        'alg-not-allowed',
        `alg ${quoteUntrusted(alg)} is not in the allowed list (${options.allowedAlgs.join(', ')}).`,
      ),
    );
    return { status: 'unsupported' };
  }
  const secrets = await findHmacSecrets(alg, kid, options, findings);
  if (secrets.length === 0) {
    findings.push(
      createFinding(
        'alg-not-allowed',
        `alg ${quoteUntrusted(alg)} is HMAC: verifying it needs a shared secret of at least the hash length, which was not given (an issuer's public key can never verify it).`,
      ),
    );
    return { status: 'unsupported' };
  }
  return verifyWithKeys(token, alg, secrets, crit, findings, whileVerifying);
}

/**
 * Checks the signature of a compact JWS with the configured keys only: `alg: none` and
 * algorithms outside the allowlist are errors, HMAC needs a long-enough shared secret, and keys
 * the lookup left out are reported (`key-not-used`). `whileVerifying` runs while WebCrypto
 * verifies (not at all when nothing is verified: the caller runs it then). Never throws, unless
 * `whileVerifying` does.
 */
export async function checkSignature(
  token: string,
  header: Record<string, unknown>,
  alg: string,
  crit: Record<string, boolean> | undefined,
  options: InspectOptions,
  findings: Finding[],
  whileVerifying: WhileVerifying,
): Promise<Verification> {
  if (alg.toLowerCase() === 'none') {
    findings.push(
      createFinding(
        'alg-none',
        'The header says alg "none": the token is not signed and proves nothing.',
      ),
    );
    return { status: 'invalid' };
  }
  const kid = typeof header.kid === 'string' ? header.kid : undefined;
  if (HMAC_ALG.test(alg))
    return checkHmacSignature(token, alg, kid, crit, options, findings, whileVerifying);
  const allowed = options.allowedAlgs ?? DEFAULT_ALLOWED_ALGS;
  if (!allowed.includes(alg)) {
    findings.push(
      createFinding(
        'alg-not-allowed',
        `alg ${quoteUntrusted(alg)} is not in the allowed list (${allowed.join(', ')}).`,
      ),
    );
    return { status: 'unsupported' };
  }
  if (!options.keys) {
    findings.push(
      createFinding('unverified', 'No verification key configured: the signature was not checked.'),
    );
    return { status: 'unverified' };
  }
  const lookup = await resolveKeys(options.keys, { alg, kid }, findings);
  switch (lookup.status) {
    case 'unavailable':
      findings.push(
        createFinding(
          'keys-unavailable',
          `${withFullStop(lookup.message)} The signature was not checked.`,
        ),
      );
      return { status: 'unverified' };
    case 'refused':
      findings.push(
        createFinding(
          'key-source-refused',
          `${withFullStop(lookup.message)} The signature was not checked.`,
        ),
      );
      return { status: 'unverified' };
    case 'not-found':
      findings.push(createFinding('key-not-found', lookup.message));
      return { status: 'unverified' };
    case 'found':
      return verifyWithKeys(token, alg, lookup.keys, crit, findings, whileVerifying);
  }
}
