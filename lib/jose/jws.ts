// Inspection of a compact JWS: header policy, canonical segments, payload, signature and claims.
import { checkCrit, claimFindings, classifyPayload, malformedResult, readPayload } from './checks';
import { decodeSegmentBytes, isDecodableSegment } from './decode';
import { createFinding, type Finding } from './findings';
import type { InspectOptions, Inspection } from './inspection';
import { SEGMENT_NAMES, checkCanonicalSegments, stripPadding } from './segments';
import { checkSignature } from './signature';

/** Header parameters that name a key; the token must never choose its own verification key. */
const EMBEDDED_KEY_HEADERS = ['jwk', 'jku', 'x5u', 'x5c'] as const;

/** The payload's bytes: the segment itself when unencoded (RFC 7797), else its base64url decoding. */
function readPayloadBytes(text: string, unencoded: boolean): Uint8Array | undefined {
  return unencoded ? new TextEncoder().encode(text) : decodeSegmentBytes(text);
}

/**
 * Inspects a compact JWS whose header is already decoded: canonical encoding of every segment,
 * `crit`, embedded keys, the payload, the signature with the configured keys, then the claims.
 */
export async function inspectJws(
  token: string,
  segments: string[],
  header: Record<string, unknown>,
  options: InspectOptions,
): Promise<Inspection> {
  const alg = header.alg;
  if (typeof alg !== 'string' || alg === '')
    return malformedResult('The header has no "alg".', header);
  const [, payloadSegment = '', signatureSegment = ''] = segments;
  const findings: Finding[] = [];
  const crit = checkCrit(header, ['b64'], findings);
  // RFC 7797: with "b64": false (declared critical) the payload segment is the payload itself.
  const unencoded =
    header.b64 === false && Array.isArray(header.crit) && header.crit.includes('b64');
  findings.push(
    ...checkCanonicalSegments(segments, SEGMENT_NAMES.jws, new Set(unencoded ? [1] : [])),
  );
  const payloadText = unencoded ? payloadSegment : stripPadding(payloadSegment);
  if (!unencoded && !isDecodableSegment(payloadText))
    return malformedResult('The payload is not valid base64url.', header);
  // Checked, not decoded: jose decodes the signature itself when it verifies.
  if (!isDecodableSegment(stripPadding(signatureSegment)))
    return malformedResult('The signature is not valid base64url.', header);
  const named = EMBEDDED_KEY_HEADERS.filter((name) => Object.hasOwn(header, name));
  if (named.length > 0) {
    findings.push(
      createFinding(
        'embedded-key-ignored',
        `The header names its own key (${named.join(', ')}); it was ignored: only keys you configured are used.`,
      ),
    );
  }
  // Verified first so a good signature hands over the payload jose decoded; the payload's
  // findings still come before the signature's.
  const signatureFindings: Finding[] = [];
  const checked = await checkSignature(token, header, alg, crit, options, signatureFindings);
  const payloadBytes =
    checked.payload && !unencoded && payloadText === payloadSegment
      ? checked.payload
      : readPayloadBytes(payloadText, unencoded);
  if (!payloadBytes) return malformedResult('The payload is not valid base64url.', header);
  const payload = readPayload(payloadBytes, findings);
  findings.push(...signatureFindings);
  const signature = checked.status;
  const kind = classifyPayload(payload, options);
  findings.push(...claimFindings(payload, kind, options));
  return { format: 'jws', header, payload, signature, kind, findings };
}
