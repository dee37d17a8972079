// Panel settings: defaults, validation and (de)serialisation of what is persisted (never secrets).
import { isRecord } from '../guards';
import type { Expectations } from '../uqudo/claims';
import { checkFetchUrl } from '../permissions/origin-policy';

/** Uqudo's published JWKS (production; the JWS results' keys). */
export const UQUDO_JWKS_URL = 'https://id.uqudo.io/api/.well-known/jwks.json';

/** Where verification keys come from. */
export type KeySourceMode = 'uqudo-jwks' | 'custom-url' | 'pasted';

/**
 * Who chose the key source: the user in Settings, `npm run demo` (which owns its browser profile
 * and writes the sandbox's JWKS before the panel starts), or the user confirming the panel's
 * suggestion built from a result's `iss`. Shown beside the key source so nobody wonders where
 * the keys came from.
 */
export type KeySourceSetter = 'user' | 'demo' | 'suggestion';

/** Settings persisted in browser.storage.local. Secrets (private keys) are deliberately absent. */
export interface PanelSettings {
  keySource: KeySourceMode;
  /** Who set the key source (see {@link KeySourceSetter}). */
  keySourceSetBy: KeySourceSetter;
  /** JWKS URL used when `keySource` is `custom-url`. */
  customJwksUrl: string;
  /** JWKS / JWK / PEM text used when `keySource` is `pasted` (public keys, not secret). */
  pastedKeys: string;
  /** Expected `aud` (the integrator's client id); empty = not checked. */
  expectedAud: string;
  /** Expected `iss`; empty = not checked. */
  expectedIss: string;
  /** Clock-skew leeway in seconds for exp/nbf/iat. */
  leewaySeconds: number;
  /** Expected session id (`jti`, or `data.sessionId` for face sessions); empty = not checked. */
  expectedSessionId: string;
  /** Expected `data.nonce`; empty = not checked. */
  expectedNonce: string;
  /** Keep captures across navigations of the inspected page. */
  preserveLog: boolean;
}

/** Secrets held in memory only: never persisted, never logged. */
export interface PanelSecrets {
  /** Private JWK or PKCS#8 PEM for JWE decryption. */
  decryptionKey: string;
}

/** A problem with one settings field, shown next to it. */
export interface SettingsIssue {
  field: keyof PanelSettings;
  message: string;
}

/** What the key source resolves to: a JWKS URL to fetch, or pasted key text to parse. */
export type KeySource = { kind: 'url'; url: string } | { kind: 'pasted'; text: string };

/** Version tag of the persisted shape, so a future change can migrate old data. */
const SETTINGS_VERSION = 1;
const MAX_LEEWAY_SECONDS = 86_400;
/** Upper bounds for persisted text, so a corrupted store cannot bloat the panel. */
const MAX_URL_LENGTH = 2_048;
const MAX_KEYS_LENGTH = 200_000;
const MAX_FIELD_LENGTH = 1_024;

/** Defaults: Uqudo's JWKS, no expectations, no leeway, log cleared on navigation. */
export const DEFAULT_SETTINGS: Readonly<PanelSettings> = Object.freeze({
  keySource: 'uqudo-jwks',
  keySourceSetBy: 'user',
  customJwksUrl: '',
  pastedKeys: '',
  expectedAud: '',
  expectedIss: '',
  leewaySeconds: 0,
  expectedSessionId: '',
  expectedNonce: '',
  preserveLog: false,
});

/** Empty secrets. */
export const EMPTY_SECRETS: Readonly<PanelSecrets> = Object.freeze({ decryptionKey: '' });

const KEY_SOURCE_MODES: readonly KeySourceMode[] = ['uqudo-jwks', 'custom-url', 'pasted'];
const KEY_SOURCE_SETTERS: readonly KeySourceSetter[] = ['user', 'demo', 'suggestion'];
/** The fields that make up the key source. */
const KEY_SOURCE_FIELDS = ['keySource', 'customJwksUrl', 'pastedKeys'] as const;

/**
 * Turns anything (persisted data of an older or corrupted shape, a partial patch) into complete
 * settings: unknown keys dropped, wrong types replaced by defaults, text capped, leeway clamped.
 */
export function normalizeSettings(
  value: unknown,
  base: PanelSettings = DEFAULT_SETTINGS,
): PanelSettings {
  const input = isRecord(value) ? value : {};
  const keySource = KEY_SOURCE_MODES.find((mode) => mode === input.keySource) ?? base.keySource;
  const keySourceSetBy =
    KEY_SOURCE_SETTERS.find((setter) => setter === input.keySourceSetBy) ?? base.keySourceSetBy;
  return {
    keySource,
    keySourceSetBy,
    customJwksUrl: readText(input.customJwksUrl, base.customJwksUrl, MAX_URL_LENGTH),
    pastedKeys: readText(input.pastedKeys, base.pastedKeys, MAX_KEYS_LENGTH),
    expectedAud: readText(input.expectedAud, base.expectedAud, MAX_FIELD_LENGTH),
    expectedIss: readText(input.expectedIss, base.expectedIss, MAX_FIELD_LENGTH),
    leewaySeconds: readLeeway(input.leewaySeconds, base.leewaySeconds),
    expectedSessionId: readText(input.expectedSessionId, base.expectedSessionId, MAX_FIELD_LENGTH),
    expectedNonce: readText(input.expectedNonce, base.expectedNonce, MAX_FIELD_LENGTH),
    preserveLog: typeof input.preserveLog === 'boolean' ? input.preserveLog : base.preserveLog,
  };
}

/**
 * Applies a patch to the settings (normalised). A patch that changes the key source without saying
 * who set it was made by the user, so a "set by npm run demo" note never outlives the change.
 */
export function mergeSettings(before: PanelSettings, patch: Partial<PanelSettings>): PanelSettings {
  const after = normalizeSettings({ ...before, ...patch }, before);
  const keySourceChanged = KEY_SOURCE_FIELDS.some((field) => before[field] !== after[field]);
  if (keySourceChanged && patch.keySourceSetBy === undefined) after.keySourceSetBy = 'user';
  return after;
}

/** True when both settings have the same value in every field. */
export function sameSettings(a: PanelSettings, b: PanelSettings): boolean {
  return (Object.keys(a) as (keyof PanelSettings)[]).every((key) => a[key] === b[key]);
}

/** Lists what is wrong with the settings (e.g. a custom JWKS URL that is not http(s)). */
export function validateSettings(settings: PanelSettings): SettingsIssue[] {
  const issues: SettingsIssue[] = [];
  if (settings.keySource === 'custom-url') {
    const problem = describeJwksUrlProblem(settings.customJwksUrl);
    if (problem) issues.push({ field: 'customJwksUrl', message: problem });
  }
  if (settings.keySource === 'pasted' && settings.pastedKeys.trim() === '') {
    issues.push({ field: 'pastedKeys', message: 'Paste a JWKS, a JWK or a PEM public key.' });
  }
  return issues;
}

/**
 * Explains why a JWKS URL cannot be used, or returns undefined when it can: the panel's one origin
 * policy (checkFetchUrl), the same as for the replay API base.
 */
export function describeJwksUrlProblem(text: string): string | undefined {
  if (text.trim() === '') return 'Enter the JWKS URL.';
  const checked = checkFetchUrl(text, 'https://id.uqudo.io/api/.well-known/jwks.json');
  return checked.ok ? undefined : checked.error;
}

/** The key source the settings select; undefined when the selected source is unusable. */
export function keySourceOf(settings: PanelSettings): KeySource | undefined {
  switch (settings.keySource) {
    case 'uqudo-jwks':
      return { kind: 'url', url: UQUDO_JWKS_URL };
    case 'custom-url':
      return describeJwksUrlProblem(settings.customJwksUrl)
        ? undefined
        : { kind: 'url', url: settings.customJwksUrl.trim() };
    case 'pasted':
      return settings.pastedKeys.trim() === ''
        ? undefined
        : { kind: 'pasted', text: settings.pastedKeys };
  }
}

/** The claim expectations the settings ask for (empty fields are not checked). */
export function expectationsOf(settings: PanelSettings): Expectations {
  const expectations: Expectations = {};
  const aud = settings.expectedAud.trim();
  const iss = settings.expectedIss.trim();
  const sessionId = settings.expectedSessionId.trim();
  const nonce = settings.expectedNonce.trim();
  if (aud) expectations.aud = aud;
  if (iss) expectations.iss = iss;
  if (sessionId) expectations.sessionId = sessionId;
  if (nonce) expectations.nonce = nonce;
  return expectations;
}

/** True when going from `before` to `after` changes how tokens are checked (keys, claims, leeway). */
export function changesChecks(before: PanelSettings, after: PanelSettings): boolean {
  const checked: (keyof PanelSettings)[] = [
    'keySource',
    'customJwksUrl',
    'pastedKeys',
    'expectedAud',
    'expectedIss',
    'leewaySeconds',
    'expectedSessionId',
    'expectedNonce',
  ];
  return checked.some((field) => before[field] !== after[field]);
}

/** The object written to storage: every persisted field plus a version tag, and nothing secret. */
export function serializeSettings(settings: PanelSettings): Record<string, unknown> {
  const clean = normalizeSettings(settings);
  return { version: SETTINGS_VERSION, ...clean };
}

/** Reads what `serializeSettings` wrote (or anything else) back into complete settings. */
export function deserializeSettings(value: unknown): PanelSettings {
  return normalizeSettings(value);
}

function readText(value: unknown, fallback: string, max: number): string {
  return typeof value === 'string' ? value.slice(0, max) : fallback;
}

function readLeeway(value: unknown, fallback: number): number {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number)) return fallback;
  return Math.min(MAX_LEEWAY_SECONDS, Math.max(0, Math.round(number)));
}
