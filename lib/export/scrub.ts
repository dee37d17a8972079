// Finding tokens, images and data URLs inside free text, and replacing them with markers (linear regexes).

/**
 * A compact JWS/JWE or a piece of one: `eyJ` (base64url of `{"`) and its dotted continuation.
 * Pieces count too, so a truncated or altered copy of a result is caught like the real one.
 */
const TOKEN_PATTERN = /eyJ[A-Za-z0-9_-]{4,}(?:\.[A-Za-z0-9_-]*){0,4}/g;
/** A `data:` URL (an inline image, usually). */
const DATA_URL_PATTERN = /data:[A-Za-z0-9.+/-]*(?:;[A-Za-z0-9=.+-]+)*,[A-Za-z0-9+/=%._~-]*/gi;
/** A long run of base64: image bytes, certificates, anything binary pasted as text. */
const BASE64_RUN_PATTERN = /[A-Za-z0-9+/_-]{128,}={0,2}/g;

/** Every token-shaped substring of `text` (for hashing before redaction). */
export function findTokenPieces(text: string): string[] {
  return text.match(TOKEN_PATTERN) ?? [];
}

/** True when the whole string is one token (or a piece of one). */
export function isTokenText(text: string): boolean {
  const match = text.match(TOKEN_PATTERN);
  return match !== null && match.length === 1 && match[0] === text.trim();
}

/** True when the whole string is a data URL or a long base64 run (an image, as far as we care). */
export function isBinaryText(text: string): boolean {
  const trimmed = text.trim();
  if (/^data:/i.test(trimmed)) return true;
  return trimmed.length >= 128 && /^[A-Za-z0-9+/_\r\n-]+={0,2}$/.test(trimmed);
}

/** How a token is named in text: a short hash prefix and its length. */
export function describeTokenMarker(sha256: string | undefined, length: number): string {
  return sha256 === undefined
    ? `‹token, ${length} chars›`
    : `‹token sha256:${sha256.slice(0, 16)}, ${length} chars›`;
}

/**
 * Replaces tokens (by their hash), data URLs and long base64 runs in free text (URLs, header
 * values, finding messages). `hashOf` gives the SHA-256 of a token found by findTokenPieces;
 * `keepImages` (personal data included) leaves data URLs and base64 runs in place.
 */
export function scrubText(
  text: string,
  hashOf: (token: string) => string | undefined,
  keepImages = false,
): string {
  const scrubbed = text.replace(TOKEN_PATTERN, (token) =>
    describeTokenMarker(hashOf(token), token.length),
  );
  if (keepImages) return scrubbed;
  return scrubbed
    .replace(DATA_URL_PATTERN, (url) => `‹data URL, ${url.length} chars›`)
    .replace(BASE64_RUN_PATTERN, (run) => `‹base64, ${run.length} chars›`);
}
