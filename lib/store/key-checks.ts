// Preparing what inspectToken needs from settings (keys, decryption key, expectations) and the key status.
import type { Inspection } from '../jose/inspect';
import type { Expectations } from '../uqudo/claims';
import type { DecryptionKey, KeyResolver } from '../jose/keys';
import type { DecryptionSetup, KeySetup, SetupStatus } from '../settings/checks';
import {
  expectationsOf,
  keySourceOf,
  type KeySource,
  type PanelSecrets,
  type PanelSettings,
} from '../settings/settings';
import { PREPARING_KEYS, READING_PRIVATE_KEY, describeError } from './text';

/** What inspectToken needs besides the token, prepared once per settings change. */
export interface PreparedChecks {
  keys?: KeyResolver;
  decryptionKey?: DecryptionKey;
  expectations: Expectations;
  leeway: number;
}

/** Effects and status sinks of the preparer. */
export interface KeyChecksDeps {
  buildKeys: (source: KeySource | undefined) => Promise<KeySetup>;
  buildDecryptionKey: (text: string) => Promise<DecryptionSetup>;
  setKeySetup: (status: SetupStatus) => void;
  setDecryptionSetup: (status: SetupStatus) => void;
}

const NONE: SetupStatus = { state: 'none', description: '' };

/** Rebuilds keys only when their source changes (or when forced), the decryption key only when its text does. */
export class KeyChecks {
  private keySignature: string | undefined;
  private keyPromise: Promise<KeySetup> = Promise.resolve({ ...NONE });
  private decryptionText: string | undefined;
  private decryptionPromise: Promise<DecryptionSetup> = Promise.resolve({ ...NONE });
  /** What preparing the keys reported; shown again once fetching them works after a failure. */
  private prepared: SetupStatus = NONE;

  constructor(private readonly deps: KeyChecksDeps) {}

  prepare(
    settings: PanelSettings,
    secrets: PanelSecrets,
    forceKeys: boolean,
  ): Promise<PreparedChecks> {
    const source = keySourceOf(settings);
    const signature = JSON.stringify(source ?? null);
    if (forceKeys || signature !== this.keySignature) {
      this.keySignature = signature;
      const promise = this.deps.buildKeys(source).catch((error: unknown): KeySetup => ({
        state: 'error',
        description: describeError(error),
      }));
      this.keyPromise = promise;
      this.deps.setKeySetup({ state: 'loading', description: PREPARING_KEYS });
      void promise.then((setup) => {
        if (this.keyPromise !== promise) return;
        this.prepared = statusOf(setup);
        this.deps.setKeySetup(this.prepared);
      });
    }
    if (secrets.decryptionKey !== this.decryptionText) {
      this.decryptionText = secrets.decryptionKey;
      const promise = this.deps
        .buildDecryptionKey(secrets.decryptionKey)
        .catch((error: unknown): DecryptionSetup => ({
          state: 'error',
          description: describeError(error),
        }));
      this.decryptionPromise = promise;
      this.deps.setDecryptionSetup({ state: 'loading', description: READING_PRIVATE_KEY });
      void promise.then((setup) => {
        if (this.decryptionPromise === promise) this.deps.setDecryptionSetup(statusOf(setup));
      });
    }
    const expectations = expectationsOf(settings);
    const leeway = settings.leewaySeconds;
    return Promise.all([this.keyPromise, this.decryptionPromise]).then(([keys, decryption]) => {
      const prepared: PreparedChecks = { expectations, leeway };
      if (keys.resolver) prepared.keys = keys.resolver;
      if (decryption.key) prepared.decryptionKey = decryption.key;
      return prepared;
    });
  }

  /**
   * Key loading fails only when a token needs the keys (a JWKS URL is fetched lazily), so the
   * status learns about it from the inspections: a keys-unavailable (JWKS unreachable) or
   * key-source-refused (ambiguous key set) finding turns the key status into that error; a later
   * signature that could be checked restores the prepared status.
   */
  statusAfter(current: SetupStatus, inspections: Iterable<Inspection>): SetupStatus {
    if (current.state !== 'ready' && current.state !== 'error') return current;
    let checked = false;
    for (const inspection of inspections) {
      for (const one of inspection.inner ? [inspection, inspection.inner] : [inspection]) {
        const problem = one.findings.find((finding) => KEY_SOURCE_PROBLEMS.has(finding.code));
        if (problem) {
          return current.state === 'error' && current.description === problem.message
            ? current
            : { state: 'error', description: problem.message };
        }
        if (one.signature === 'valid' || one.signature === 'invalid') checked = true;
      }
    }
    return current.state === 'error' && checked && this.prepared.state === 'ready'
      ? this.prepared
      : current;
  }
}

/** Findings that say the key source itself is unusable (shown as the key status). */
const KEY_SOURCE_PROBLEMS: ReadonlySet<string> = new Set([
  'keys-unavailable',
  'key-source-refused',
]);

function statusOf(setup: SetupStatus): SetupStatus {
  return { state: setup.state, description: setup.description };
}
