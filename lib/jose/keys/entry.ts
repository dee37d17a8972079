// One configured verification key as parsed (usable or refused), shared by the JWK and the PEM readers.

/** A public key (or HMAC secret) the user configured for verifying signatures. */
export interface VerificationKey {
  kid?: string;
  /** Algorithm the key is pinned to (only when its JWK says so). */
  alg?: string;
  kty: string;
  /** Extractable public CryptoKey, or the raw secret for `oct` keys. */
  key: CryptoKey | Uint8Array;
  /** Where the key came from, for messages (file name, URL, "pasted JWKS"). */
  source: string;
  /** RFC 7638 thumbprint of the public key (or secret), to tell a repeated key from a different one. */
  thumbprint: string;
}

/** A configured key that the hygiene rules refused, kept so a token naming it is told why. */
export interface RefusedKey {
  kid?: string;
  source: string;
  /** Why it is not used, e.g. "RSA public exponent 1 is below 65537". */
  reason: string;
}

/** An entry that became a key, was refused by a hygiene rule, or could not be read at all. */
export type Entry =
  { ok: true; value: VerificationKey } | { ok: false; error: string; refused?: RefusedKey };

/** An entry refused by a hygiene rule, naming the key (never its material). */
export function refuse(kid: string | undefined, source: string, reason: string): Entry {
  const label = kid === undefined ? 'key' : `key "${kid}"`;
  return { ok: false, error: `${label}: refused, ${reason}`, refused: { kid, source, reason } };
}
