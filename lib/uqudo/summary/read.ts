// Small readers of untrusted JSON for the summary: own-key access, type narrowing, clipping, item building.
import type { Level, SummaryItem, SummarySection } from './types';

/** What every part of the summary reads besides the payload. */
export interface SummaryContext {
  /** Current time in ms. */
  now: number;
  /** Notes about the payload's shape, in plain English. */
  notes: string[];
  /** `data.source.sdkType` (KYC_MOBILE, KYC_WEB) when the payload says. */
  sdkType?: string;
}

const MAX_VALUE_CHARS = 200;

/** A JSON object as the summary reads it (own keys only, through {@link get}). */
export type JsonObject = Record<string, unknown>;

/** Builds a summary item, leaving out an empty detail or path. */
export function item(
  label: string,
  value: string,
  level: Level,
  detail?: string,
  path?: string,
): SummaryItem {
  const entry: SummaryItem = { label, value, level };
  if (detail) entry.detail = detail;
  if (path) entry.path = path;
  return entry;
}

/** Drops undefined entries. */
function compact<T>(values: (T | undefined)[]): T[] {
  return values.filter((v): v is T => v !== undefined);
}

/** Drops missing sections and sections without items. */
export function nonEmpty(sections: (SummarySection | undefined)[]): SummarySection[] {
  return compact(sections).filter((section) => section.items.length > 0);
}

/** Whether `key` is an own property of `record`. */
export function has(record: JsonObject, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

/** Own properties only, so keys like `constructor` never reach Object.prototype. */
export function get(record: JsonObject, key: string): unknown {
  return has(record, key) ? record[key] : undefined;
}

/** The value as a JSON object (not null, not an array), or undefined. */
export function asRecord(value: unknown): JsonObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as JsonObject)
    : undefined;
}

/** The value as an array, or undefined. */
export function asArray(value: unknown): unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

/** A non-blank string (trimmed) or a finite number as text; otherwise undefined. */
export function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** A finite number, also from a numeric string. */
export function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return undefined;
}

/** Booleans, and the strings "true"/"false" some payloads carry. */
export function asBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

/** The JSON path of `key` below `parent` (one home: lib/format/json-path.ts). */
export { childPath } from '../../format/json-path';

/** Shortens text to `max` characters with an ellipsis. */
export function clip(text: string, max = MAX_VALUE_CHARS): string {
  return text.length > max ? `${text.slice(0, max - 1)}\u2026` : text;
}

/** "yes" or "no". */
export function yesNo(flag: boolean): string {
  return flag ? 'yes' : 'no';
}

/** A score with at most two decimals. */
export function formatScore(score: number): string {
  return String(Math.round(score * 100) / 100);
}

/** A byte count for people: `512 B`, `1.6 KB`, `2.3 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** JSON text of a value, or its String() when it cannot be serialised. */
export function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** "null", "an array", "a string"… for notes about wrong types. */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'missing';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
