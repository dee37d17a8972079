// Inspection of a compact JWS: header policy, canonical segments, payload, signature and claims.
import { checkCrit, claimFindings, classifyPayload, malformedResult, readPayload } from './checks';
import { decodeSegmentBytes, isDecodableSegment } from './decode';
import { createFinding, type Finding } from './findings';
import type { InspectOptions, Inspection } from './inspection';
import { SEGMENT_NAMES, checkCanonicalSegments, stripPadding } from './segments';
import { checkSignature, type WhileVerifying } from './signature';

/** Header parameters that name a key; the token must never choose its own verification key. */
const EMBEDDED_KEY_HEADERS = ['jwk', 'jku', 'x5u', 'x5c'] as const;

/** The payload's bytes: the segment itself when unencoded (RFC 7797), else its base64url decoding. */
function readPayloadBytes(text: string, unencoded: boolean): Uint8Array | undefined {
  return unencoded ? new TextEncoder().encode(text) : decodeSegmentBytes(text);
}

/** What a JWS says besides its signature: read while the signature is being verified. */
interface Contents {
  /** Canonical-encoding and embedded-key findings (they precede the payload's). */
  structure: Finding[];
  /** Undefined when the payload segment does not decode. */
  payload?: { value: unknown; kind: string; findings: Finding[]; claims: Finding[] };
}

/** The embedded-key warning, when the header names its own key. */
function checkEmbeddedKeys(header: Record<string, unknown>, findings: Finding[]): void {
  const named = EMBEDDED_KEY_HEADERS.filter((name) => Object.hasOwn(header, name));
  if (named.length > 0) {
    findings.push(
      createFinding(
        'embedded-key-ignored',
        `The header names its own key (${named.join(', ')}); it was ignored: only keys you configured are used.`,
      ),
    );
  }
}

/** Reads everything the signature does not decide (encoding, embedded keys, payload, kind, claims), once. */
class ContentsReader implements WhileVerifying {
  contents: Contents | undefined;

  constructor(
    private readonly segments: readonly string[],
    private readonly header: Record<string, unknown>,
    private readonly payloadText: string,
    private readonly unencoded: boolean,
    private readonly options: InspectOptions,
  ) {}

  read(): void {
    this.contents ??= readContents(
      this.segments,
      this.header,
      this.payloadText,
      this.unencoded,
      this.options,
    );
  }
}

function readContents(
  segments: readonly string[],
  header: Record<string, unknown>,
  payloadText: string,
  unencoded: boolean,
  options: InspectOptions,
): Contents {
  const structure = checkCanonicalSegments(
    segments,
    SEGMENT_NAMES.jws,
    unencoded ? UNENCODED_SKIP : NOTHING_SKIPPED,
  );
  checkEmbeddedKeys(header, structure);
  const bytes = readPayloadBytes(payloadText, unencoded);
  if (!bytes) return { structure };
  const findings: Finding[] = [];
  const value = readPayload(bytes, findings);
  const kind = classifyPayload(value, options);
  return {
    structure,
    payload: { value, kind, findings, claims: claimFindings(value, kind, options) },
  };
}

/** Segment indexes the canonical check skips: none, or the unencoded payload of RFC 7797. */
const NOTHING_SKIPPED: ReadonlySet<number> = new Set();
const UNENCODED_SKIP: ReadonlySet<number> = new Set([1]);

/** True when a segment of base64url characters only (no padding) decodes: its length is not 1 mod 4. */
function hasDecodableLength(segment: string): boolean {
  return segment.length % 4 !== 1;
}

/**
 * Inspects a compact JWS whose header is already decoded: canonical encoding of every segment,
 * `crit`, embedded keys, the payload, the signature with the configured keys, then the claims.
 * Everything but the signature is read while WebCrypto verifies it. `clean`: every segment is
 * known to be base64url characters only, without padding.
 */
export async function inspectJws(
  token: string,
  segments: string[],
  header: Record<string, unknown>,
  options: InspectOptions,
  clean = false,
): Promise<Inspection> {
  const alg = header.alg;
  if (typeof alg !== 'string' || alg === '')
    return malformedResult('The header has no "alg".', header);
  const [, payloadSegment = '', signatureSegment = ''] = segments;
  const critFindings: Finding[] = [];
  const crit = checkCrit(header, ['b64'], critFindings);
  // RFC 7797: with "b64": false (declared critical) the payload segment is the payload itself.
  const unencoded =
    header.b64 === false && Array.isArray(header.crit) && header.crit.includes('b64');
  const payloadText = unencoded || clean ? payloadSegment : stripPadding(payloadSegment);
  const decodable = clean ? hasDecodableLength : isDecodableSegment;
  // Malformed segments are refused before any key lookup (which may go to the network).
  if (!unencoded && !decodable(payloadText))
    return malformedResult('The payload is not valid base64url.', header);
  // Checked, not decoded: jose decodes the signature itself when it verifies.
  if (!decodable(clean ? signatureSegment : stripPadding(signatureSegment)))
    return malformedResult('The signature is not valid base64url.', header);
  const reader = new ContentsReader(segments, header, payloadText, unencoded, options);
  const signatureFindings: Finding[] = [];
  const checked = await checkSignature(
    token,
    header,
    alg,
    crit,
    options,
    signatureFindings,
    reader,
  );
  reader.read();
  const { structure, payload } = reader.contents as Contents;
  if (!payload) return malformedResult('The payload is not valid base64url.', header);
  // The order findings are reported in: header, encoding, payload, signature, claims.
  const findings = [
    ...critFindings,
    ...structure,
    ...payload.findings,
    ...signatureFindings,
    ...payload.claims,
  ];
  const { value, kind } = payload;
  return { format: 'jws', header, payload: value, signature: checked.status, kind, findings };
}
