// hashTokens: SHA-256 (hex) of each token, so reports name tokens without carrying them (WebCrypto).

/** Tokens hashed at most (a report over more distinct tokens names the rest by length only). */
const MAX_HASHED = 20_000;

/** SHA-256 of each distinct token, hex; Web Crypto in the panel and in Node alike. */
export async function hashTokens(tokens: Iterable<string>): Promise<Map<string, string>> {
  const distinct = [...new Set(tokens)].slice(0, MAX_HASHED);
  const encoder = new TextEncoder();
  const digests = await Promise.all(
    distinct.map((token) => crypto.subtle.digest('SHA-256', encoder.encode(token))),
  );
  const hashes = new Map<string, string>();
  digests.forEach((digest, index) => {
    const hex = Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0'));
    hashes.set(distinct[index]!, hex.join(''));
  });
  return hashes;
}
