// Turning what enters the store — exchanges, pasted text — into sightings (pure; never throws).
import type { CapturedExchange, Sighting } from '../capture/exchange';
import { extractSightings } from '../capture/extract';
import { findTokens, normalizeTokenInput } from '../jose/find';
import { PASTE_EMPTY, PASTE_NO_TOKEN, PASTE_TOO_LARGE } from './text';

/** Pasted text longer than this is refused. */
const MAX_PASTE_CHARS = 16 * 1024 * 1024;
/** Network exchange ids remembered for de-duplication. */
const MAX_SEEN_IDS = 50_000;

/** The sightings of one exchange ([] if extraction misbehaves: one bad exchange must not stop capture). */
export function sightingsOf(exchange: CapturedExchange): Sighting[] {
  try {
    return extractSightings(exchange);
  } catch {
    // extractSightings never throws by contract.
    return [];
  }
}

/** A pasted text as an exchange and its sightings: every token in it, or the whole text as one. */
export function readPastedText(
  text: string,
  id: string,
  time: number,
): { ok: true; exchange: CapturedExchange; sightings: Sighting[] } | { ok: false; error: string } {
  if (text.length > MAX_PASTE_CHARS) return { ok: false, error: PASTE_TOO_LARGE };
  const normalized = normalizeTokenInput(text);
  if (normalized === '') return { ok: false, error: PASTE_EMPTY };
  const found = findTokens(text).map((token) => token.token);
  // Nothing recognisable: text shaped like a compact token is still checked (so the user sees why
  // it fails); anything else is no token at all and says so instead of becoming a "malformed" row.
  if (found.length === 0 && !isTokenShaped(normalized)) return { ok: false, error: PASTE_NO_TOKEN };
  const tokens = found.length > 0 ? found : [normalized];
  const exchange: CapturedExchange = {
    id,
    time,
    method: '',
    url: '',
    status: 0,
    requestHeaders: [],
    responseHeaders: [],
    source: 'paste',
  };
  const sightings = tokens.map((token, index): Sighting => ({
    location: 'request.body',
    path: tokens.length > 1 ? `pasted #${index + 1}` : 'pasted',
    token,
  }));
  return { ok: true, exchange, sightings };
}

/** One word of 3 (JWS) or 5 (JWE) dot-separated parts: a token attempt, however broken. */
function isTokenShaped(text: string): boolean {
  if (/\s/.test(text)) return false;
  const parts = text.split('.').length;
  return parts === 3 || parts === 5;
}

/**
 * Remembers network exchange ids (the newest 50,000) so a repeated one is ignored. The oldest is
 * found in a ring of ids, not by iterating the Set (whose deleted slots make that O(n)).
 */
export class SeenIds {
  private readonly ids = new Set<string>();
  private readonly ring: (string | undefined)[] = [];
  private next = 0;

  /** True the first time `id` is seen. */
  remember(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    const oldest = this.ring[this.next];
    if (oldest !== undefined) this.ids.delete(oldest);
    this.ring[this.next] = id;
    this.next = (this.next + 1) % MAX_SEEN_IDS;
    return true;
  }

  clear(): void {
    this.ids.clear();
    this.ring.length = 0;
    this.next = 0;
  }
}
