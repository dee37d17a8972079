// The store's wording in one place: notices, refusals and "where" a token was seen.
import type { CapturedExchange, Sighting, SightingLocation } from '../capture/exchange';

const LOCATION_WORDS: Record<SightingLocation, string> = {
  'request.header': 'request header',
  'request.body': 'request body',
  'request.query': 'query',
  'response.header': 'response header',
  'response.body': 'response body',
};

/** Where the token was seen, in words: "response body $.data.jws", "Authorization header", "pasted". */
export function describeWhere(capture: {
  exchange: Pick<CapturedExchange, 'source'>;
  sighting: Sighting;
}): string {
  if (capture.exchange.source === 'paste') return capture.sighting.path ?? 'pasted';
  const place = LOCATION_WORDS[capture.sighting.location];
  return capture.sighting.path ? `${place} ${capture.sighting.path}` : place;
}

/** The notice after a HAR import. */
export function describeHarImport(requests: number, tokens: number): string {
  return tokens > 0
    ? `Imported ${plural(requests, 'request')} from the HAR file: ${plural(tokens, 'token')} found.`
    : `Imported ${plural(requests, 'request')} from the HAR file: no tokens found in them.`;
}

/** The notice when a HAR document could not be read. */
export function describeHarFailure(error: string): string {
  return `HAR import failed: ${error}`;
}

/** A dropped or picked file over the import limit. */
export function describeFileTooLarge(name: string, bytes: number): string {
  return `${name} is too large to import (${Math.round(bytes / 1048576)} MB).`;
}

/** A file the browser could not read. */
export function describeFileUnreadable(name: string, error: unknown): string {
  return `Could not read ${name}: ${describeError(error)}`;
}

/** The panel runs outside DevTools (no network API to capture from). */
export const NO_NETWORK_API =
  'The DevTools network API is not available here: open this page as the Uqudo panel in DevTools.';

/** Saving settings failed. */
export function describeSettingsNotSaved(error: string): string {
  return `Settings could not be saved: ${error}`;
}

/** Remembering the replay token failed. */
export function describeTokenNotRemembered(error: string): string {
  return `The token could not be remembered: ${error}`;
}

export const PASTE_TOO_LARGE = 'The pasted text is too large (limit 16 MB).';
export const PASTE_EMPTY = 'Paste a token first.';
/** Pasted text with nothing shaped like a token in it. */
export const PASTE_NO_TOKEN =
  'No token in the pasted text: a JWS is three base64url parts joined by dots (a JWE five). Nothing was added.';
export const KEY_TOO_LONG = 'That is too long to be a private key.';
export const PREPARING_KEYS = 'Preparing keys…';
export const READING_PRIVATE_KEY = 'Reading the private key…';

/** An error's message (or the value itself) as text. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** `text` cut to `max` characters with an ellipsis; '' for a non-string. */
export function capText(text: string, max: number): string {
  return typeof text !== 'string' ? '' : text.length > max ? `${text.slice(0, max)}…` : text;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
