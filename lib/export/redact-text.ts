// Redacting the free text of a report: URLs (query values), finding messages, header values.
import { scrubText } from './scrub';
import type { RedactionPolicy } from './redact';
import type { TokenRef } from './schema';

/** Longest message or URL written (untrusted text stays bounded). */
const MAX_TEXT = 4096;

function cap(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
}

/** Free text (a finding message, a note): tokens by hash, images out unless personal data is included. */
export function redactFreeText(text: string, policy: RedactionPolicy): string {
  if (policy.includeSecrets) return cap(text);
  return cap(scrubText(text, policy.hashOf, policy.includePersonal));
}

/**
 * A URL with its query values and fragment redacted (names kept): integrators put ids, names and
 * results in query strings. With personal data included only tokens and images are replaced.
 */
export function redactUrl(url: string, policy: RedactionPolicy): string {
  if (policy.includePersonal) return redactFreeText(url, policy);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url === '' ? '' : `‹unparsed URL, ${url.length} chars›`;
  }
  const params = [...parsed.searchParams].map(
    ([name, value]) => `${encodeURIComponent(name)}=‹redacted, ${value.length} chars›`,
  );
  const query = params.length > 0 ? `?${params.join('&')}` : '';
  const fragment = parsed.hash !== '' ? '#‹redacted›' : '';
  return cap(scrubText(`${parsed.origin}${parsed.pathname}`, policy.hashOf) + query + fragment);
}

/** How a report names a token: hash, length and segments, or the token when secrets are included. */
export function describeToken(token: string, policy: RedactionPolicy): TokenRef {
  const ref: TokenRef = { length: token.length, segments: token.split('.').length };
  const sha256 = policy.hashOf(token);
  if (sha256 !== undefined) ref.sha256 = sha256;
  if (policy.includeSecrets) ref.value = token;
  return ref;
}
