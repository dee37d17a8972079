// Test oracle: the personal values, tokens, signatures and image bytes an export must never contain.
import { decodeJwt } from 'jose';

/** Keys whose string values name, date or identify the holder (and the device or network). */
const PERSONAL_KEY =
  /name|^primaryId$|^secondaryId$|number|date|birth|expiry|issue|^mrz$|mrzText|^opt\d$|optional|address|place|profession|occupation|company|sponsor|nationality|issuer|issuing|authority|holder|fieldValue|^value$|identifier|photo|photography|monitoringId|sourceIp|^ip$|telephone|hijri|sex|gender|personal/i;
/** Keys that match the pattern above but hold field names or types, not values. */
const NOT_PERSONAL_KEY = /^(name|fieldName|documentType|photoMimeType|sessionId)$|ImageId$/;
/** Issuer certificates: public, not personal. */
const CERTIFICATES = /SigningCertificate$/;

/** Every personal string (3+ characters) in a result payload, found by key names. */
function collectPersonalValues(payload: unknown): Set<string> {
  const values = new Set<string>();
  const walk = (value: unknown, key: string, personal: boolean) => {
    if (typeof value === 'string') {
      if (personal && value.length >= 3) values.add(value);
      for (const line of value.split('\n')) if (personal && line.length >= 3) values.add(line);
      return;
    }
    if (Array.isArray(value)) {
      for (const item of value) walk(item, key, personal);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    for (const [child, item] of Object.entries(value)) {
      if (CERTIFICATES.test(child)) continue;
      const isPersonal = personal || (PERSONAL_KEY.test(child) && !NOT_PERSONAL_KEY.test(child));
      walk(item, child, isPersonal);
    }
  };
  walk(payload, '', false);
  return values;
}

/** Every personal value of every result token among `tokens` (access tokens add none). */
export function collectPersonalValuesOfTokens(tokens: Iterable<string>): Set<string> {
  const values = new Set<string>();
  for (const token of tokens) {
    let payload: unknown;
    try {
      payload = decodeJwt(token);
    } catch {
      continue;
    }
    for (const value of collectPersonalValues(payload)) values.add(value);
  }
  return values;
}

/**
 * The leaks of `text`: personal values (as whole words: the surname SAMPLE inside the device model
 * SAMPLE-DEVICE-1 is another word), token headers, signatures, image bytes, client secrets.
 */
export function findLeaks(
  text: string,
  forbidden: {
    personal: Iterable<string>;
    signatures: Iterable<string>;
    images: Iterable<string>;
    secrets: Iterable<string>;
  },
): string[] {
  const leaks: string[] = [];
  for (const value of forbidden.personal) {
    const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (new RegExp(`(?<![A-Za-z0-9_-])${escaped}(?![A-Za-z0-9_-])`).test(text)) {
      leaks.push(`personal ${JSON.stringify(value)}`);
    }
  }
  if (/eyJ[A-Za-z0-9_-]{4}/.test(text)) leaks.push('a compact JWS/JWE (eyJ…)');
  for (const signature of forbidden.signatures) {
    if (signature.length >= 16 && text.includes(signature.slice(0, 32)))
      leaks.push('a token signature');
  }
  for (const image of forbidden.images) {
    if (text.includes(image.slice(0, 60))) leaks.push('image bytes (base64)');
  }
  if (/data:[a-z]+\//i.test(text)) leaks.push('a data: URL');
  for (const secret of forbidden.secrets) if (text.includes(secret)) leaks.push('a client secret');
  return leaks;
}
