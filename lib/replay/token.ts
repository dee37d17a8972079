// normalizeAccessToken: the access token as replays send it, shared by sendReplay and renderCurl.

/**
 * The access token without surrounding whitespace and a leading `Bearer ` (any case), or
 * `undefined` when nothing is left. Unlike `normalizeTokenInput` (lib/jose/find.ts) it keeps
 * surrounding quotes: an access token is sent exactly as the user gave it.
 */
export function normalizeAccessToken(token: string | undefined): string | undefined {
  if (typeof token !== 'string') return undefined;
  const trimmed = token
    .trim()
    .replace(/^Bearer\s+/i, '')
    .trim();
  return trimmed === '' ? undefined : trimmed;
}
