// JWE decryption keys: a private JWK, a JWKS's first usable private key or a PKCS#8 PEM, after the hygiene rules.
import { exportJWK, importJWK, importPKCS8, type JWK } from 'jose';
import { isRecord } from '../../guards';
import { quoteUntrusted } from '../findings';
import { checkDecryptionUse, checkRsaPublicKey } from './hygiene';
import { MAX_KEY_TEXT_LENGTH, messageOf, splitPem } from './pem';

/** A private key for JWE decryption, kept as a private JWK and imported per JWE `alg`. */
export interface DecryptionKey {
  kid?: string;
  kty: string;
  /** Curve for EC/OKP keys. */
  crv?: string;
  /** The algorithm the key is pinned to (its JWK "alg"); a JWE with another alg is not decrypted. */
  alg?: string;
  /** Private JWK (or `oct` secret) without alg/use/key_ops, so it can be imported for the JWE's alg. */
  jwk: JWK;
  source: string;
}

// Any alg of the key's family will do for the import: the JWK is re-imported per JWE alg.
const DECRYPT_PROBE_ALGS = ['RSA-OAEP-256', 'ECDH-ES'] as const;

function stripForDecryption(jwk: Record<string, unknown>): JWK {
  const copy: Record<string, unknown> = { ...jwk };
  delete copy.alg;
  delete copy.use;
  delete copy.key_ops;
  delete copy.ext;
  return copy as JWK;
}

function decryptionKeyFrom(original: Record<string, unknown>, source: string): DecryptionKey {
  const jwk = stripForDecryption(original);
  return {
    kid: typeof jwk.kid === 'string' ? jwk.kid : undefined,
    kty: String(jwk.kty),
    crv: typeof jwk.crv === 'string' ? jwk.crv : undefined,
    ...(typeof original.alg === 'string' ? { alg: original.alg } : {}),
    jwk,
    source,
  };
}

function describeDecryptionKey(key: DecryptionKey, from: string): string {
  const kind =
    key.kty === 'oct' ? 'symmetric key' : `${key.kty}${key.crv ? ` ${key.crv}` : ''} private key`;
  return `${kind}${key.kid ? ` kid "${key.kid}"` : ''}${key.alg ? ` ${key.alg}` : ''} from ${from}`;
}

/** The JWE key-management algorithms a decryption key can be used with (jose 6). */
export function listKeyManagementAlgs(key: DecryptionKey): string[] {
  switch (key.kty) {
    case 'RSA':
      return ['RSA-OAEP', 'RSA-OAEP-256', 'RSA-OAEP-384', 'RSA-OAEP-512'];
    case 'EC':
    case 'OKP':
      return ['ECDH-ES', 'ECDH-ES+A128KW', 'ECDH-ES+A192KW', 'ECDH-ES+A256KW'];
    case 'oct':
      return ['dir', 'A128KW', 'A192KW', 'A256KW', 'A128GCMKW', 'A192GCMKW', 'A256GCMKW'];
    default:
      return [];
  }
}

/**
 * Why the key's own `alg` forbids decrypting a JWE with this header, or undefined when it allows
 * it: the JWE's `alg` must equal it — or, for `dir`, where the key is the content key, its `enc`.
 */
export function checkDecryptionKeyAlg(
  key: DecryptionKey,
  header: { alg?: unknown; enc?: unknown },
): string | undefined {
  if (key.alg === undefined || key.alg === header.alg) return undefined;
  if (header.alg === 'dir' && key.alg === header.enc) return undefined;
  return `The decryption key${key.kid ? ` "${key.kid}"` : ''} is pinned to alg ${key.alg} (its JWK "alg"); the JWE uses alg ${quoteUntrusted(header.alg)}${header.alg === 'dir' ? ` with enc ${quoteUntrusted(header.enc)}` : ''}, so the key was not used.`;
}

/** Why a private key must not be used (weak RSA), or undefined. */
function checkStrength(jwk: Record<string, unknown>): string | undefined {
  return jwk.kty === 'RSA' ? checkRsaPublicKey(jwk) : undefined;
}

type KeyOutcome =
  { ok: true; key: DecryptionKey; description: string } | { ok: false; error: string };

async function parsePemDecryptionKey(text: string, sourceName: string): Promise<KeyOutcome> {
  const blocks = splitPem(text);
  if (!blocks.ok) return { ok: false, error: blocks.error };
  const block = blocks.value.find((b) => b.label === 'PRIVATE KEY');
  if (!block) {
    const labels = blocks.value.map((b) => b.label).join(', ');
    const hint = /(RSA|EC) PRIVATE KEY/.test(labels)
      ? ' Convert it to PKCS#8 with `openssl pkcs8 -topk8 -nocrypt -in key.pem`.'
      : '';
    return { ok: false, error: `Expected a PKCS#8 "PRIVATE KEY" PEM, found ${labels}.${hint}` };
  }
  let lastError: unknown;
  for (const alg of DECRYPT_PROBE_ALGS) {
    let jwk: Record<string, unknown>;
    try {
      const imported = await importPKCS8(block.text, alg, { extractable: true });
      jwk = (await exportJWK(imported)) as Record<string, unknown>;
    } catch (error) {
      lastError = error;
      continue;
    }
    const weak = checkStrength(jwk);
    if (weak) return { ok: false, error: `The private key is refused: ${weak}.` };
    const key = decryptionKeyFrom(jwk, sourceName);
    return { ok: true, key, description: describeDecryptionKey(key, 'PKCS#8 PEM') };
  }
  return { ok: false, error: `Could not import the PKCS#8 key: ${messageOf(lastError)}` };
}

function isPrivateJwk(value: unknown): value is Record<string, unknown> {
  return (
    isRecord(value) &&
    (typeof value.d === 'string' || (value.kty === 'oct' && typeof value.k === 'string'))
  );
}

async function parseJwkDecryptionKey(text: string, sourceName: string): Promise<KeyOutcome> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return {
      ok: false,
      error: 'Not a private JWK or PKCS#8 PEM: the text is neither JSON nor PEM.',
    };
  }
  const candidates: unknown[] =
    isRecord(parsed) && Array.isArray(parsed.keys) ? parsed.keys : [parsed];
  const privateJwks = candidates.filter(isPrivateJwk);
  if (privateJwks.length === 0) {
    return {
      ok: false,
      error: 'No private key found: a decryption JWK needs "d" (or "k" for a symmetric key).',
    };
  }
  const reasons: string[] = [];
  for (const candidate of privateJwks) {
    const label = typeof candidate.kid === 'string' ? `key "${candidate.kid}"` : 'key';
    const refusal = checkDecryptionUse(candidate) ?? checkStrength(candidate);
    if (refusal) {
      reasons.push(`${label}: refused, ${refusal}`);
      continue;
    }
    const key = decryptionKeyFrom(candidate, sourceName);
    const probe = listKeyManagementAlgs(key)[0];
    if (!probe) return { ok: false, error: `Unsupported key type "${key.kty}" for decryption.` };
    try {
      await importJWK(key.jwk, probe);
    } catch (error) {
      return { ok: false, error: `The private JWK cannot be imported: ${messageOf(error)}` };
    }
    return { ok: true, key, description: describeDecryptionKey(key, 'JWK') };
  }
  return { ok: false, error: `No usable decryption key: ${reasons.join('; ')}.` };
}

/**
 * Parses a JWE decryption key: a private JWK (or the first usable private key of a JWKS), a
 * symmetric `oct` JWK, or a PKCS#8 PEM private key. Keys whose `use`/`key_ops` forbid decryption
 * and weak RSA keys are refused; the key's own `alg` is kept and enforced per JWE. Never throws;
 * never echoes key material.
 */
export async function parseDecryptionKey(
  text: string,
  sourceName = 'decryption key',
): Promise<KeyOutcome> {
  try {
    if (typeof text !== 'string' || text.trim() === '')
      return { ok: false, error: 'The key text is empty.' };
    if (text.length > MAX_KEY_TEXT_LENGTH)
      return { ok: false, error: 'The key text is too large.' };
    return text.includes('-----BEGIN ')
      ? await parsePemDecryptionKey(text, sourceName)
      : await parseJwkDecryptionKey(text, sourceName);
  } catch (error) {
    return { ok: false, error: `Could not read the decryption key: ${messageOf(error)}` };
  }
}
