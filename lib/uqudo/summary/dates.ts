// Document dates as Uqudo prints them: ISO, YYMMDD (MRZ), yyyyMMdd (chips), dd.MM.yyyy / dd/MM/yyyy (cards).
import { asText, childPath, clip, get, type JsonObject } from './read';

/** One object the summary reads fields from, with its JSON path. */
export interface FieldSource {
  value: JsonObject;
  path: string;
}

/** A date field found in a source: the raw text, and the calendar date when it could be read. */
export interface FoundDate {
  raw: string;
  iso?: string;
  date?: Date;
  path: string;
}

/** Births are never in the future; expiries may lie decades ahead (for two-digit years). */
export type DateKind = 'birth' | 'expiry';

/**
 * Finds the first readable date under one of `keys`, trying sources in order (most trusted first)
 * and preferring each key's ISO `<key>Formatted` sibling. Falls back to the first raw value.
 */
export function findDate(
  sources: FieldSource[],
  keys: string[],
  kind: DateKind,
  now: number,
): FoundDate | undefined {
  let fallback: FoundDate | undefined;
  for (const source of sources) {
    for (const key of keys) {
      for (const candidate of [`${key}Formatted`, key]) {
        const raw = asText(get(source.value, candidate));
        if (!raw) continue;
        const path = childPath(source.path, candidate);
        const date = parseDocumentDate(raw, kind, now);
        if (date) return { raw: clip(raw), iso: isoDate(date), date, path };
        fallback ??= { raw: clip(raw), path };
      }
    }
  }
  return fallback;
}

/**
 * Reads a Gregorian document date. Hijri dates (the Saudi chip's `*Hijri` keys) are never passed
 * here: they look like yyyyMMdd but are another calendar, and are shown as given.
 */
function parseDocumentDate(text: string, kind: DateKind, now: number): Date | undefined {
  const value = text.trim();
  let match = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(value);
  if (match) return makeDate(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{2})[./-](\d{2})[./-](\d{4})$/.exec(value);
  if (match) return makeDate(Number(match[3]), Number(match[2]), Number(match[1]));
  match = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (match) return makeDate(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{2})(\d{2})(\d{2})$/.exec(value);
  if (match) {
    // MRZ dates carry two-digit years: births are never in the future; expiries are at most a few decades ahead.
    const yy = Number(match[1]);
    const thisYear = new Date(now).getUTCFullYear();
    let year = 2000 + yy;
    if (kind === 'birth' && year > thisYear) year -= 100;
    if (kind === 'expiry' && year > thisYear + 50) year -= 100;
    return makeDate(year, Number(match[2]), Number(match[3]));
  }
  return undefined;
}

function makeDate(year: number, month: number, day: number): Date | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    return undefined;
  }
  return date;
}

/** `yyyy-MM-dd` of a UTC date. */
function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
