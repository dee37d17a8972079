// Decoding of compact-serialization segments (base64url via jose, strict UTF-8, JSON header) without throwing.
import { isRecord } from '../guards';
import { base64url } from 'jose';

/** Largest header segment worth decoding (headers with long x5c chains stay well below this). */
export const MAX_HEADER_SEGMENT_LENGTH = 64 * 1024;

/** Result of decoding bytes as UTF-8: the text (with U+FFFD replacements) and whether it was valid. */
export interface Utf8Text {
  text: string;
  valid: boolean;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientUtf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** The base64url alphabet, anchored: one native pass, no backtracking (a single class, starred). */
const BASE64URL_TEXT = /^[A-Za-z0-9_-]*$/;

/** True when every character is in the base64url alphabet (no padding). Linear, no regex backtracking. */
export function isBase64urlText(segment: string): boolean {
  return BASE64URL_TEXT.test(segment);
}

/** True for A–Z, a–z, 0–9, '-' and '_'. */
export function isBase64urlCode(code: number): boolean {
  return (
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    (code >= 48 && code <= 57) ||
    code === 45 ||
    code === 95
  );
}

/**
 * True when decodeSegmentBytes would decode the segment: base64url characters only, and a length
 * that is not ≡ 1 (mod 4), which no byte string encodes to. Reads the text; decodes nothing.
 */
export function isDecodableSegment(segment: string): boolean {
  return segment.length % 4 !== 1 && isBase64urlText(segment);
}

/** Decodes one base64url segment to bytes with jose; undefined when it is not valid base64url. */
export function decodeSegmentBytes(segment: string): Uint8Array | undefined {
  // Length ≡ 1 (mod 4) can never be valid; jose would throw for it too.
  if (!isDecodableSegment(segment)) return undefined;
  try {
    return base64url.decode(segment);
  } catch {
    return undefined;
  }
}

function isAscii(bytes: Uint8Array): boolean {
  // A plain loop: a callback per byte (`every`) costs more than the decode itself.
  for (let i = 0; i < bytes.length; i++) if ((bytes[i] as number) >= 0x80) return false;
  return true;
}

/** Decodes bytes as UTF-8, reporting whether they were valid. */
export function decodeUtf8(bytes: Uint8Array): Utf8Text {
  // Pure ASCII is always valid: skip the throwing strict decoder.
  if (isAscii(bytes)) return { text: lenientUtf8.decode(bytes), valid: true };
  try {
    return { text: strictUtf8.decode(bytes), valid: true };
  } catch {
    return { text: lenientUtf8.decode(bytes), valid: false };
  }
}

/** Outcome of decoding a protected header segment. */
export type HeaderDecoding =
  { ok: true; header: Record<string, unknown> } | { ok: false; reason: string };

/** Decodes a protected header segment: base64url → strict UTF-8 → JSON object. */
export function decodeHeaderSegment(segment: string): HeaderDecoding {
  if (segment.length === 0) return { ok: false, reason: 'the header segment is empty' };
  if (segment.length > MAX_HEADER_SEGMENT_LENGTH) {
    return {
      ok: false,
      reason: `the header segment is longer than ${MAX_HEADER_SEGMENT_LENGTH} characters`,
    };
  }
  const bytes = decodeSegmentBytes(segment);
  if (!bytes) return { ok: false, reason: 'the header is not valid base64url' };
  const utf8 = decodeUtf8(bytes);
  if (!utf8.valid) return { ok: false, reason: 'the header is not valid UTF-8' };
  // Cheap shape check first: JSON.parse failures throw, and exceptions are slow on hostile input.
  const trimmed = utf8.text.trim();
  if (!trimmed.startsWith('{') || !trimmed.endsWith('}')) {
    return { ok: false, reason: 'the header is not a JSON object' };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    return { ok: false, reason: 'the header is not JSON' };
  }
  if (!isRecord(parsed)) return { ok: false, reason: 'the header is not a JSON object' };
  return { ok: true, header: parsed };
}
