// Compact-serialization segments: names, the base64url alphabet check, and canonical (unpadded, zero unused bits) encoding.
import { base64url } from 'jose';
import { isBase64urlCode, isBase64urlText } from './decode';
import { createFinding, type Finding } from './findings';

/** What each segment of a compact JWS / JWE is called in messages. */
export const SEGMENT_NAMES = {
  jws: ['header', 'payload', 'signature'],
  jwe: ['header', 'encrypted key', 'initialization vector', 'ciphertext', 'authentication tag'],
} as const;

/** Number of '.' in the text. */
export function countDots(text: string): number {
  let count = 0;
  // Native jumps between dots rather than a JavaScript read of every character.
  for (let at = text.indexOf('.'); at !== -1; at = text.indexOf('.', at + 1)) count++;
  return count;
}

/** Length of the run of '=' at the end of a segment. */
function paddingLength(segment: string): number {
  let count = 0;
  while (count < segment.length && segment.charCodeAt(segment.length - 1 - count) === 61) count++;
  return count;
}

/** The segment without trailing '=' padding (which base64url forbids, but base64 decoders accept). */
export function stripPadding(segment: string): string {
  const padding = paddingLength(segment);
  return padding === 0 ? segment : segment.slice(0, segment.length - padding);
}

function describeCharacter(segment: string, at: number): string {
  const code = segment.charCodeAt(at);
  const shown =
    code >= 33 && code <= 126
      ? `'${segment[at]}'`
      : `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return `${shown} at offset ${at}`;
}

/**
 * Describes the first character outside the base64url alphabet, without echoing the token.
 * Trailing '=' padding that would complete a base64 quantum is left to the canonical check.
 */
export function findInvalidCharacter(segment: string): string | undefined {
  // The common case, in one native pass: nothing to describe.
  if (isBase64urlText(segment)) return undefined;
  const padding = paddingLength(segment);
  const body = segment.length - padding;
  for (let i = 0; i < body; i++) {
    if (!isBase64urlCode(segment.charCodeAt(i))) return describeCharacter(segment, i);
  }
  if (padding > 0 && (padding > 2 || segment.length % 4 !== 0))
    return describeCharacter(segment, body);
  return undefined;
}

/** Value (0–63) of one base64url character, or -1 outside the alphabet. */
function sextetOf(code: number): number {
  if (code >= 65 && code <= 90) return code - 65;
  if (code >= 97 && code <= 122) return code - 71;
  if (code >= 48 && code <= 57) return code + 4;
  if (code === 45) return 62;
  return code === 95 ? 63 : -1;
}

/**
 * Whether an unpadded segment re-encodes to itself. In the base64url alphabet (length ≢ 1 mod 4)
 * that holds exactly when the bits the last character carries past the final byte are zero (2
 * characters in the last quantum carry 4 such bits, 3 carry 2), so one character decides it
 * instead of a decode and re-encode. Other text takes the slow path (decode, re-encode, compare).
 */
function hasCanonicalTail(segment: string): boolean {
  if (!isBase64urlText(segment)) {
    try {
      return base64url.encode(base64url.decode(segment)) === segment;
    } catch {
      return true; // not decodable: reported as malformed, not as non-canonical
    }
  }
  const rest = segment.length % 4;
  if (rest === 0) return true;
  const last = sextetOf(segment.charCodeAt(segment.length - 1));
  return (last & (rest === 2 ? 0b1111 : 0b11)) === 0;
}

/**
 * A `non-canonical-encoding` finding when the segment is not the one canonical base64url spelling
 * of its bytes (RFC 7515 §2: no padding; RFC 4648 §3.5: unused bits zero), else undefined. A
 * strict verifier rejects such a token even when the signature verifies over the string as sent:
 * it is a different string than the one that was signed.
 */
export function checkCanonicalSegment(segment: string, name: string): Finding | undefined {
  if (paddingLength(segment) > 0) {
    return createFinding(
      'non-canonical-encoding',
      `The ${name} segment ends in '=' padding, which base64url in JOSE forbids; a strict verifier rejects this token.`,
    );
  }
  if (segment.length % 4 === 1) return undefined; // not base64url at all: reported as malformed
  if (hasCanonicalTail(segment)) return undefined;
  return createFinding(
    'non-canonical-encoding',
    `The ${name} segment is not canonical base64url (its last character has non-zero unused bits): it decodes to the same bytes as a different string, and a strict verifier rejects it even if the signature verifies.`,
  );
}

/** The non-canonical findings of every segment but those in `skip` (an unencoded RFC 7797 payload). */
export function checkCanonicalSegments(
  segments: readonly string[],
  names: readonly string[],
  skip: ReadonlySet<number> = new Set(),
): Finding[] {
  const findings: Finding[] = [];
  segments.forEach((segment, index) => {
    if (skip.has(index)) return;
    const finding = checkCanonicalSegment(segment, names[index] ?? `segment ${index + 1}`);
    if (finding) findings.push(finding);
  });
  return findings;
}
