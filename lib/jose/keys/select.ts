// Key selection for one token header: kid match, the key's own alg, type/curve fit and HMAC length; per-alg import.
import { exportJWK, importJWK } from 'jose';
import { quoteUntrusted } from '../findings';
import { checkHmacKeyLength } from './hygiene';
import { describeVerificationKey, type RefusedKey, type VerificationKey } from './parse';

/**
 * Result of looking up keys for one token header. `notes` say which configured keys the token
 * named (or could have used) but were not used, and why — shown as findings.
 */
export type KeyLookup =
  | { status: 'found'; keys: VerificationKey[]; notes?: string[] }
  | { status: 'not-found'; message: string; notes?: string[] }
  | { status: 'unavailable'; message: string }
  /** The key source itself breaks a hygiene rule (ambiguous set, only refused keys). */
  | { status: 'refused'; message: string };

/** Finds candidate verification keys for a token header. Never rejects. */
export type KeyResolver = (header: { alg?: string; kid?: string }) => Promise<KeyLookup>;

const CURVE_FOR_ES: Record<string, string> = { ES256: 'P-256', ES384: 'P-384', ES512: 'P-521' };

function normalizeAlg(alg: string): string {
  return alg === 'EdDSA' ? 'Ed25519' : alg;
}

function sameAlg(a: string, b: string): boolean {
  return normalizeAlg(a) === normalizeAlg(b);
}

/** The `notes` member of a lookup, present only when there are notes. */
function withNotes(notes: string[]): { notes?: string[] } {
  return notes.length > 0 ? { notes } : {};
}

/** True when the key's type and curve can verify a signature made with `alg` (its own alg aside). */
function keyTypeFits(key: VerificationKey, alg: string): boolean {
  if (/^HS(256|384|512)$/.test(alg)) return key.key instanceof Uint8Array;
  if (key.key instanceof Uint8Array) return false;
  const algorithm = key.key.algorithm as { name: string; namedCurve?: string };
  if (/^(RS|PS)(256|384|512)$/.test(alg)) return key.kty === 'RSA';
  const curve = CURVE_FOR_ES[alg];
  if (curve) return key.kty === 'EC' && algorithm.namedCurve === curve;
  if (alg === 'EdDSA' || alg === 'Ed25519') return algorithm.name === 'Ed25519';
  return false;
}

function cryptoKeyFitsAlg(key: CryptoKey, alg: string): boolean {
  const algorithm = key.algorithm as { name: string; hash?: { name: string } };
  const bits = alg.slice(2);
  if (alg.startsWith('RS'))
    return algorithm.name === 'RSASSA-PKCS1-v1_5' && algorithm.hash?.name === `SHA-${bits}`;
  if (alg.startsWith('PS'))
    return algorithm.name === 'RSA-PSS' && algorithm.hash?.name === `SHA-${bits}`;
  return true;
}

/**
 * Returns the key in the form jose needs for `alg`: RSA keys are re-imported when the token's alg
 * uses another padding or hash than the one they were imported for (a PEM works for RS256 and PS256).
 * Rejects when the key cannot be used for `alg`.
 */
export async function importKeyForAlg(
  key: VerificationKey,
  alg: string,
): Promise<CryptoKey | Uint8Array> {
  if (key.key instanceof Uint8Array || cryptoKeyFitsAlg(key.key, alg)) return key.key;
  const jwk = await exportJWK(key.key);
  delete jwk.alg;
  const imported = await importJWK(jwk, alg, { extractable: true });
  return imported;
}

function keyLabel(key: { kid?: string }, source: string): string {
  return `${key.kid === undefined ? 'A key' : `Key ${quoteUntrusted(key.kid)}`} from ${source}`;
}

/**
 * Why each kid-matching key is left out for `alg`: pinned to another alg (its JWK "alg"), or an
 * HMAC secret shorter than the hash. Keys of another type are left out silently (a JWKS holds RSA
 * and EC keys side by side) unless the token named them by kid.
 */
function explainUnused(
  candidates: readonly VerificationKey[],
  alg: string,
  kid: string | undefined,
): { usable: VerificationKey[]; notes: string[] } {
  const usable: VerificationKey[] = [];
  const notes: string[] = [];
  for (const key of candidates) {
    const named = kid !== undefined && key.kid === kid;
    if (key.alg !== undefined && !sameAlg(key.alg, alg)) {
      if (named || keyTypeFits({ ...key, alg: undefined }, alg)) {
        notes.push(
          `${keyLabel(key, key.source)} was not used: it is pinned to alg ${key.alg} (its JWK "alg"), the token says ${quoteUntrusted(alg)}.`,
        );
      }
      continue;
    }
    if (!keyTypeFits(key, alg)) {
      if (named)
        notes.push(
          `${keyLabel(key, key.source)} was not used: a ${describeVerificationKey(key)} cannot verify ${quoteUntrusted(alg)}.`,
        );
      continue;
    }
    const short = key.key instanceof Uint8Array ? checkHmacKeyLength(key.key, alg) : undefined;
    if (short) {
      notes.push(`${keyLabel(key, key.source)} was refused: ${short}.`);
      continue;
    }
    usable.push(key);
  }
  return { usable, notes };
}

/**
 * Picks the keys that could verify a token with this header: kid match (or kid-less keys), then
 * the key's own alg, type, curve and HMAC length. A token naming a refused key (weak, wrong use)
 * is told why that key was refused.
 */
export function selectKeys(
  keys: readonly VerificationKey[],
  header: { alg?: string; kid?: string },
  sourceLabel: string,
  refused: readonly RefusedKey[] = [],
): KeyLookup {
  const refusedNotes = refused
    .filter((key) => header.kid !== undefined && key.kid === header.kid)
    .map((key) => `${keyLabel(key, key.source)} was refused: ${key.reason}.`);
  if (keys.length === 0)
    return {
      status: 'not-found',
      message: `No keys in ${sourceLabel}.`,
      ...withNotes(refusedNotes),
    };
  const byKid =
    header.kid === undefined
      ? keys
      : keys.filter((k) => k.kid === undefined || k.kid === header.kid);
  if (byKid.length === 0) {
    // Only this message lists the known kids: not built for every lookup.
    const knownKids = [...new Set(keys.flatMap((k) => (k.kid === undefined ? [] : [k.kid])))];
    const kidList = knownKids.length > 0 ? knownKids.map((k) => `"${k}"`).join(', ') : 'none';
    return {
      status: 'not-found',
      message: `No key with kid ${quoteUntrusted(header.kid)} in ${sourceLabel} (known kids: ${kidList}).`,
      ...withNotes(refusedNotes),
    };
  }
  const alg = header.alg;
  const { usable, notes } =
    alg === undefined ? { usable: [...byKid], notes: [] } : explainUnused(byKid, alg, header.kid);
  const allNotes = [...refusedNotes, ...notes];
  if (usable.length === 0) {
    const kidPart = header.kid === undefined ? '' : ` with kid ${quoteUntrusted(header.kid)}`;
    return {
      status: 'not-found',
      message: `No key${kidPart} in ${sourceLabel} can verify ${quoteUntrusted(alg)} (candidates: ${byKid.map(describeVerificationKey).join(', ')}).`,
      ...withNotes(allNotes),
    };
  }
  return { status: 'found', keys: usable, ...withNotes(allNotes) };
}

/** A resolver for a key source that was refused as a whole: every lookup says why. */
export function createRefusedKeyResolver(message: string): KeyResolver {
  return async () => ({ status: 'refused', message });
}

/**
 * Lookups a static resolver remembers: a fixed key set answers one (alg, kid) the same way every
 * time, and a page's tokens share a few. Bounded, because the kid comes from the token.
 */
const MAX_REMEMBERED_LOOKUPS = 64;

/** A resolver over a fixed set of keys (pasted text or key files); `refused` keys explain themselves. */
export function createStaticKeyResolver(
  keys: VerificationKey[],
  refused: readonly RefusedKey[] = [],
): KeyResolver {
  const snapshot = [...keys];
  const refusedSnapshot = [...refused];
  const sources = [...new Set([...snapshot, ...refusedSnapshot].map((k) => k.source))];
  const label = sources.length > 0 ? sources.join(', ') : 'the configured keys';
  const lookUp = async (header: { alg?: string; kid?: string }): Promise<KeyLookup> =>
    selectKeys(snapshot, header, label, refusedSnapshot);
  const remembered = new Map<string | undefined, Map<string | undefined, Promise<KeyLookup>>>();
  let count = 0;
  return (header) => {
    let byKid = remembered.get(header.alg);
    let lookup = byKid?.get(header.kid);
    if (lookup) return lookup;
    if (count >= MAX_REMEMBERED_LOOKUPS) {
      remembered.clear();
      count = 0;
      byKid = undefined;
    }
    if (!byKid) {
      byKid = new Map();
      remembered.set(header.alg, byKid);
    }
    lookup = lookUp({ alg: header.alg, kid: header.kid });
    byKid.set(header.kid, lookup);
    count++;
    return lookup;
  };
}
