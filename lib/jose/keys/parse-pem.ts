// Verification keys from PEM text (SPKI public keys, X.509 certificates), loaded only when PEM is pasted.
import { calculateJwkThumbprint, exportJWK, importSPKI, importX509 } from 'jose';
import { refuse, type Entry } from './entry';
import { checkRsaPublicKey } from './hygiene';
import { messageOf, splitPem, type Parsed, type PemBlock } from './pem';

/** kty of an imported public CryptoKey. */
function ktyOf(key: CryptoKey): string {
  const name = key.algorithm.name;
  if (name.startsWith('RS')) return 'RSA';
  if (name === 'ECDSA' || name === 'ECDH') return 'EC';
  return 'OKP';
}

// jose needs an alg to import a PEM; any fitting one will do because keys are re-imported per token alg.
const PEM_IMPORT_ALGS = ['RS256', 'ES256', 'ES384', 'ES512', 'Ed25519'] as const;

async function importPublicPem(block: PemBlock, source: string): Promise<Entry> {
  const importer = block.label === 'CERTIFICATE' ? importX509 : importSPKI;
  let lastError: unknown;
  for (const alg of PEM_IMPORT_ALGS) {
    let key: CryptoKey;
    try {
      key = await importer(block.text, alg, { extractable: true });
    } catch (error) {
      lastError = error;
      continue;
    }
    const jwk = await exportJWK(key);
    const weak = jwk.kty === 'RSA' ? checkRsaPublicKey(jwk) : undefined;
    if (weak) return refuse(undefined, source, weak);
    const thumbprint = await calculateJwkThumbprint(jwk);
    return { ok: true, value: { kty: ktyOf(key), key, source, thumbprint } };
  }
  return {
    ok: false,
    error: `Could not import the ${block.label === 'CERTIFICATE' ? 'certificate' : 'public key'}: ${messageOf(lastError)}`,
  };
}

function pemLabelHint(label: string): string {
  switch (label) {
    case 'RSA PUBLIC KEY':
      return 'PKCS#1 "RSA PUBLIC KEY" is not supported; convert it with `openssl rsa -RSAPublicKey_in -in key.pem -pubout`.';
    case 'PRIVATE KEY':
    case 'RSA PRIVATE KEY':
    case 'EC PRIVATE KEY':
    case 'ENCRYPTED PRIVATE KEY':
      return 'This is a private key; verification needs the public key (`openssl pkey -in key.pem -pubout`).';
    default:
      return `PEM "${label}" is not a public key or certificate.`;
  }
}

/** The entries of PEM text: each public key or certificate imported, any other block explained. */
export async function readPemEntries(
  text: string,
  source: string,
): Promise<Parsed<{ container: string; entries: Entry[] }>> {
  const blocks = splitPem(text);
  if (!blocks.ok) return blocks;
  const entries: Entry[] = [];
  for (const block of blocks.value) {
    entries.push(
      block.label === 'PUBLIC KEY' || block.label === 'CERTIFICATE'
        ? await importPublicPem(block, source)
        : { ok: false, error: pemLabelHint(block.label) },
    );
  }
  return { ok: true, value: { container: 'PEM', entries } };
}
