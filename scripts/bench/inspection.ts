// Bench rows: inspectToken (RS256, cached key) against one raw WebCrypto verify, and against jose's own verify.
import { base64url, compactVerify, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { inspectToken } from '../../lib/jose/inspect';
import { createStaticKeyResolver, parseKeys } from '../../lib/jose/keys';
import { ratioRow, type BenchRow } from './measure';

/** Decoding, the checks and the verdict on top of the signature check: at most 1.6× the verify. */
const INSPECT_BUDGET = 1.6;
/**
 * What this project adds on top of jose (header and payload reading, claims, findings, the
 * verdict): at most a quarter of jose's own `compactVerify`, which the inspection calls once.
 */
const OVER_JOSE_BUDGET = 1.25;

/** The inspection rows. */
export async function benchInspection(): Promise<BenchRow[]> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = '0123456789abcdef0123456789abcdef';
  const now = 1_767_225_600;
  const token = await new SignJWT({ data: { documents: [] } })
    .setProtectedHeader({ alg: 'RS256', kid })
    .setIssuer('https://id.uqudo.io')
    .setAudience('client')
    .setJti('7b5d1c1e-2f0a-4a57-9a37-3c9f5f0d3e11')
    .setIssuedAt(now)
    .setExpirationTime(now + 1800)
    .sign(privateKey);
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  const parsed = await parseKeys(JSON.stringify({ keys: [jwk] }), 'bench keys');
  if (!parsed.ok) throw new Error(parsed.error);
  const keys = createStaticKeyResolver(parsed.keys);
  // Warm the resolver's imported-key cache so both sides verify with a ready CryptoKey.
  const first = await inspectToken(token, { keys, now });
  if (first.signature !== 'valid')
    throw new Error(`bench token did not verify: ${first.signature}`);

  const [header, payload, signature] = token.split('.') as [string, string, string];
  const signed = new TextEncoder().encode(`${header}.${payload}`);
  const signatureBytes = base64url.decode(signature) as Uint8Array<ArrayBuffer>;
  const algorithm = { name: 'RSASSA-PKCS1-v1_5' };
  return [
    await ratioRow(
      {
        group: 'inspection',
        name: 'inspectToken RS256, cached key',
        input: `${token.length}-char JWS`,
        budget: INSPECT_BUDGET,
        baseline: 'one crypto.subtle.verify of the same token',
      },
      () => inspectToken(token, { keys, now }),
      () => crypto.subtle.verify(algorithm, publicKey, signatureBytes, signed),
      { runs: 41, inner: 300, alternate: true },
    ),
    await ratioRow(
      {
        group: 'inspection',
        name: 'inspectToken over jose alone',
        input: `${token.length}-char JWS`,
        budget: OVER_JOSE_BUDGET,
        baseline: 'one jose compactVerify of the same token with the same key',
      },
      () => inspectToken(token, { keys, now }),
      () => compactVerify(token, publicKey),
      { runs: 41, inner: 300, alternate: true },
    ),
  ];
}
