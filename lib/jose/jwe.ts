// Inspection of a compact JWE: decryption with the configured key, then the nested JWS or the unsigned content.
import { compactDecrypt, importJWK } from 'jose';
import { checkCrit, claimFindings, classifyPayload, malformedResult, readPayload } from './checks';
import { decodeHeaderSegment, decodeUtf8 } from './decode';
import { createFinding, describeJoseError, quoteUntrusted, type Finding } from './findings';
import type { InspectOptions, Inspection } from './inspection';
import { checkDecryptionKeyAlg, listKeyManagementAlgs, type DecryptionKey } from './keys';
import { SEGMENT_NAMES, checkCanonicalSegments, countDots } from './segments';

/** A JWE inside a JWE inside a JWE is as deep as inspection goes. */
const MAX_NESTING_DEPTH = 3;

/** True when the text looks like a compact JWS or JWE (segment count and a decodable header with alg). */
function looksLikeCompactToken(text: string): boolean {
  const dots = countDots(text);
  if (dots !== 2 && dots !== 4) return false;
  const decoded = decodeHeaderSegment(text.slice(0, text.indexOf('.')));
  return decoded.ok && typeof decoded.header.alg === 'string';
}

/**
 * Decrypts with the configured key when its own alg and type allow this JWE's alg; every reason
 * it does not becomes a finding (and undefined is returned).
 */
async function decryptWith(
  token: string,
  header: Record<string, unknown>,
  key: DecryptionKey,
  crit: Record<string, boolean> | undefined,
  findings: Finding[],
): Promise<Uint8Array | undefined> {
  const alg = String(header.alg);
  const pinned = checkDecryptionKeyAlg(key, header);
  if (pinned) {
    findings.push(createFinding('decrypt-failed', pinned));
    return undefined;
  }
  const algs = listKeyManagementAlgs(key);
  if (!algs.includes(alg)) {
    findings.push(
      createFinding(
        'decrypt-failed',
        `The JWE uses alg ${quoteUntrusted(alg)}, which the ${key.kty} decryption key cannot be used with; it supports ${algs.join(', ') || 'nothing'} (jose 6 has no RSA1_5).`,
      ),
    );
    return undefined;
  }
  if (typeof header.kid === 'string' && key.kid !== undefined && header.kid !== key.kid) {
    findings.push(
      createFinding(
        'decrypt-key-kid-mismatch',
        `The JWE is for kid ${quoteUntrusted(header.kid)}, the decryption key is kid ${quoteUntrusted(key.kid)}.`,
      ),
    );
  }
  try {
    const decrypted = await compactDecrypt(
      token,
      async (protectedHeader) => importJWK(key.jwk, protectedHeader.alg),
      {
        keyManagementAlgorithms: algs,
        crit,
      },
    );
    return decrypted.plaintext;
  } catch (error) {
    findings.push(describeJoseError(error, 'decrypt'));
    return undefined;
  }
}

/** Inspects a nested token one level deeper (inspectAt, passed in so the modules form no cycle). */
export type InspectNested = (
  token: string,
  options: InspectOptions,
  depth: number,
) => Promise<Inspection> | Inspection;

/**
 * Inspects a compact JWE whose header is already decoded: decrypts it with the configured key
 * (honouring the key's own alg), then inspects a nested JWS as `inner`; content that is not a
 * signed JWS is an error (`not-signed`) and its claims are checked.
 */
export async function inspectJwe(
  token: string,
  segments: readonly string[],
  header: Record<string, unknown>,
  options: InspectOptions,
  depth: number,
  inspectNested: InspectNested,
): Promise<Inspection> {
  const { alg, enc } = header;
  if (typeof alg !== 'string' || alg === '')
    return malformedResult('The JWE header has no "alg".', header);
  if (typeof enc !== 'string' || enc === '')
    return malformedResult('The JWE header has no "enc".', header);
  // Every segment, the encrypted key too (empty for dir and ECDH-ES, which is canonical).
  const findings: Finding[] = checkCanonicalSegments(segments, SEGMENT_NAMES.jwe);
  // jose understands no JWE extensions, so every critical one is unsupported here.
  const crit = checkCrit(header, [], findings);
  // A JWE carries no signature of its own; a nested JWS has its own status in `inner`.
  const result = (payload: unknown, kind: string, inner?: Inspection): Inspection => ({
    format: 'jwe',
    header,
    payload,
    signature: 'unverified',
    kind,
    ...(inner ? { inner } : {}),
    findings,
  });
  const key = options.decryptionKey;
  if (!key) {
    findings.push(
      createFinding(
        'encrypted',
        `Encrypted (${alg}, ${enc}); provide the private key to decrypt it.`,
      ),
    );
    return result(null, classifyPayload(null, options));
  }
  const failed = (): Inspection => result(null, classifyPayload(null, options));
  const plaintext = await decryptWith(token, header, key, crit, findings);
  if (!plaintext) return failed();
  const utf8 = decodeUtf8(plaintext);
  const content = utf8.text.trim();
  if (utf8.valid && looksLikeCompactToken(content)) {
    const inner =
      depth + 1 >= MAX_NESTING_DEPTH
        ? malformedResult(
            `Nested more than ${MAX_NESTING_DEPTH} levels deep; not inspected further.`,
          )
        : await inspectNested(content, options, depth + 1);
    return result(content, inner.kind, inner);
  }
  if (typeof header.cty === 'string' && header.cty.toUpperCase() === 'JWT') {
    findings.push(
      createFinding(
        'cty-mismatch',
        'The header says cty "JWT", but the plaintext is not a compact JWS.',
      ),
    );
  }
  const payload = readPayload(plaintext, findings);
  findings.push(
    createFinding(
      'not-signed',
      'The decrypted content is not a signed JWS: anyone with the public encryption key can make this, so nothing shows who wrote it.',
    ),
  );
  const kind = classifyPayload(payload, options);
  findings.push(...claimFindings(payload, kind, options));
  return result(payload, kind);
}
