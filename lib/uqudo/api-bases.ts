// The API bases replay can talk to: Uqudo's presets and a typed base under the panel's origin policy.
import { checkFetchUrl } from '../permissions/origin-policy';

/** Result of parsing an API base. `origin` is normalized (`https://host[:port]`, no path). */
export type ApiBaseResult = { ok: true; origin: string } | { ok: false; error: string };

/** A selectable API base. */
export interface ApiBasePreset {
  id: 'prod' | 'dev' | 'sandbox';
  label: string;
  origin: string;
}

/** Uqudo production and development, and the local sandbox (`npm run sandbox`). */
export const API_BASE_PRESETS: readonly ApiBasePreset[] = [
  { id: 'prod', label: 'Uqudo production (id.uqudo.io)', origin: 'https://id.uqudo.io' },
  { id: 'dev', label: 'Uqudo development (id.dev.uqudo.io)', origin: 'https://id.dev.uqudo.io' },
  { id: 'sandbox', label: 'Local sandbox (127.0.0.1:8321)', origin: 'http://127.0.0.1:8321' },
];

/**
 * Parses an API base typed by the user under the panel's one origin policy (checkFetchUrl: https
 * anywhere, plain http on loopback only, no credentials in the URL, the same rules as a JWKS URL).
 * Any path, query or fragment is dropped.
 */
export function parseApiBase(text: string): ApiBaseResult {
  const input = typeof text === 'string' ? text.trim() : '';
  if (input === '') return { ok: false, error: 'Enter an API base such as https://id.uqudo.io.' };
  const checked = checkFetchUrl(input, 'https://id.uqudo.io');
  return checked.ok ? { ok: true, origin: checked.origin } : checked;
}
