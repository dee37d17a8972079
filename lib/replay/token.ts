// normalizeAccessToken: the access token as replays send it, shared by sendReplay and renderCurl.
import { normalizeTokenInput } from '../jose/find';

/**
 * The access token as the one paste normaliser (normalizeTokenInput) cleans it: without
 * surrounding whitespace, a leading `Bearer ` (any case) and one pair of surrounding quotes; or
 * `undefined` when nothing is left. The token field, a remembered token and the sent header agree.
 */
export function normalizeAccessToken(token: string | undefined): string | undefined {
  if (typeof token !== 'string') return undefined;
  const normalized = normalizeTokenInput(token);
  return normalized === '' ? undefined : normalized;
}
