// Turns the panel's key settings into what inspectToken needs: a key resolver and a decryption key.
import {
  createJwksLoader,
  createRefusedKeyResolver,
  createStaticKeyResolver,
  parseKeys,
  type DecryptionKey,
  type KeyResolver,
} from '../jose/keys';
import type { KeySource } from './settings';

/** Why the private key was not read: the code that reads it did not load. */
function describeKeyCodeNotLoaded(error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  return `The private key could not be read: its code did not load (${reason.slice(0, 300)}). Encrypted results stay encrypted.`;
}

/** Progress of turning a setting into something usable, shown next to the setting. */
export interface SetupStatus {
  state: 'none' | 'loading' | 'ready' | 'error';
  /** One readable line, e.g. "2 keys (JWKS)" or the parse error. */
  description: string;
}

/** Verification keys prepared from the key source. */
export interface KeySetup extends SetupStatus {
  /** Absent when no usable key source is configured: signatures stay unverified. */
  resolver?: KeyResolver;
}

/** The JWE private key prepared from the pasted text. */
export interface DecryptionSetup extends SetupStatus {
  key?: DecryptionKey;
}

/**
 * Prepares verification keys: a JWKS loader (fetches lazily through `fetch`, caches keys and
 * refetches only on an unknown kid) for a URL, or static keys parsed from pasted JWKS/JWK/PEM.
 * Never throws; a parse failure is an `error` status and leaves signatures unverified.
 */
export async function prepareKeys(
  source: KeySource | undefined,
  options: { fetch?: typeof fetch } = {},
): Promise<KeySetup> {
  if (!source) {
    return { state: 'none', description: 'No usable key source: signatures are not checked.' };
  }
  if (source.kind === 'url') {
    // The loader's own timeout (5 s) bounds how long a hanging JWKS server delays the checks.
    const resolver = createJwksLoader({
      url: source.url,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
    return {
      state: 'ready',
      resolver,
      description: `Keys are fetched from ${source.url} when needed.`,
    };
  }
  const parsed = await parseKeys(source.text);
  if (!parsed.ok) {
    // Keys that were read but refused (weak, ambiguous) still answer every token with the reason.
    return parsed.refused
      ? {
          state: 'error',
          description: parsed.error,
          resolver: createRefusedKeyResolver(`The pasted keys are refused: ${parsed.error}`),
        }
      : { state: 'error', description: parsed.error };
  }
  return {
    state: 'ready',
    resolver: createStaticKeyResolver(parsed.keys, parsed.refused),
    description: parsed.description,
  };
}

/** Prepares the JWE private key from pasted text (private JWK or PKCS#8 PEM). Never throws. */
export async function prepareDecryptionKey(text: string): Promise<DecryptionSetup> {
  if (text.trim() === '') {
    return { state: 'none', description: 'No private key: encrypted results stay encrypted.' };
  }
  // The key parser loads only when a key was pasted (most sessions have none).
  const code = await import('../jose/keys/decryption').catch((error: unknown) => ({ error }));
  if ('error' in code) return { state: 'error', description: describeKeyCodeNotLoaded(code.error) };
  const parsed = await code.parseDecryptionKey(text);
  if (!parsed.ok) return { state: 'error', description: parsed.error };
  return { state: 'ready', key: parsed.key, description: parsed.description };
}
