// Where a token was seen, as Uqudo's classification needs it: the one path the panel and the CLI share.
import type { Sighting } from '../capture/exchange';
import { TOKEN_ENDPOINT_PATH } from './api-paths';
import type { ClassifyContext } from './classify';

/**
 * The classification context of a sighting in an exchange to `url`: how it was used (the
 * extractor's `seenAs`, else an Authorization request header is a bearer credential and a token
 * endpoint's response body an access token) and the URL. The panel, HAR import and `scan` all use
 * this, so the same HAR gives the same kinds everywhere.
 */
export function describeSightingContext(sighting: Sighting, url: string): ClassifyContext {
  const context: ClassifyContext = {};
  if (url) context.url = url;
  const seenAs = sighting.seenAs ?? inferSeenAs(sighting, url);
  if (seenAs) context.seenAs = seenAs;
  return context;
}

function inferSeenAs(sighting: Sighting, url: string): ClassifyContext['seenAs'] {
  if (sighting.location === 'request.header' && sighting.path?.toLowerCase() === 'authorization') {
    return 'bearer';
  }
  if (
    sighting.location === 'response.body' &&
    pathnameOf(url).endsWith(TOKEN_ENDPOINT_PATH.slice(4))
  ) {
    return 'token-endpoint';
  }
  return undefined;
}

function pathnameOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '';
  }
}
