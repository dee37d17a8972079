// scanHar: every token in a HAR document, each inspected with the same engine as the panel.
import { extractSightings } from '../capture/extract';
import { loadJsonPrefixWasm } from '../capture/json-prefix-engine';
import { exchangeFromHarFileEntry } from '../capture/har';
import type { Inspection } from '../jose/inspect';
import { describeSightingContext } from '../uqudo/context';
import { inspectUqudoToken, type UqudoInspectOptions } from '../uqudo/inspect';
import type { ScanResult } from './json';

/** Result of scanning a HAR: one result per sighting, plus why some bodies could not be examined. */
export type ScanOutcome =
  | {
      ok: true;
      results: ScanResult[];
      /** Entries in `log.entries` (usable or not). */
      entries: number;
      notes: { entry: number; url: string; note: string }[];
    }
  | { ok: false; error: string };

/**
 * Inspects every token sighting of HAR entries already read with readHarEntries, in entry order
 * (request before response), without keeping the file's text alive. `options` carries keys and
 * expectations; the URL and how the token was used are added per sighting. The same token seen in
 * the same context is inspected once. Never throws.
 */
export async function scanHarEntries(
  entries: readonly unknown[],
  options: UqudoInspectOptions,
): Promise<ScanOutcome & { ok: true }> {
  // JSON bodies are read by the WebAssembly reader where this Node can run it (else in JavaScript).
  await loadJsonPrefixWasm();
  const cache = new Map<string, Promise<Inspection>>();
  const results: ScanResult[] = [];
  const notes: { entry: number; url: string; note: string }[] = [];
  // One entry at a time: only the current exchange (its decoded bodies) is alive besides the results.
  for (let index = 0; index < entries.length; index++) {
    const exchange = exchangeFromHarFileEntry(entries[index], index);
    if (!exchange) continue;
    const entry = exchange.entryIndex ?? 0;
    if (exchange.bodyNote) notes.push({ entry, url: exchange.url, note: exchange.bodyNote });
    for (const sighting of extractSightings(exchange)) {
      // The panel's classification context, so the same HAR gives the same kinds in both.
      const context = describeSightingContext(sighting, exchange.url);
      const key = `${sighting.token}\u0000${context.seenAs ?? ''}\u0000${exchange.url}`;
      let inspection = cache.get(key);
      if (!inspection) {
        inspection = inspectUqudoToken(sighting.token, { ...options, ...context });
        cache.set(key, inspection);
      }
      const result: ScanResult = {
        entry,
        url: exchange.url,
        location: sighting.location,
        inspection: await inspection,
      };
      if (sighting.path !== undefined) result.path = sighting.path;
      results.push(result);
    }
  }
  return { ok: true, results, entries: entries.length, notes };
}
