// The storage edge for replay: the opt-in remembered token (storage.session only) and the API base choice (storage.local).
import { browser } from 'wxt/browser';
import { isRecord } from '../guards';
import type { ApiBaseSelection } from '../replay/api-base';
import type { RememberedToken } from '../replay/state';

/** Key of the remembered token in browser.storage.session (never in storage.local). */
export const TOKEN_STORAGE_KEY = 'uqudo-inspector.replay-token';
/** Key of the API base choice in browser.storage.local (not secret). */
export const API_BASE_STORAGE_KEY = 'uqudo-inspector.replay-base';

/** The subset of a storage area this module uses (browser.storage.*, or a fake in tests). */
export interface StorageAreaLike {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

/** Loads and saves what replay remembers. No method throws. */
export interface ReplayStorage {
  /** The token remembered for this browser session, if the user opted in. */
  loadToken(): Promise<RememberedToken | undefined>;
  /** Remembers the token in session storage, or forgets it with `undefined`. */
  saveToken(
    entry: RememberedToken | undefined,
  ): Promise<{ ok: true } | { ok: false; error: string }>;
  loadApiBase(): Promise<ApiBaseSelection | undefined>;
  saveApiBase(selection: ApiBaseSelection): Promise<{ ok: true } | { ok: false; error: string }>;
}

/**
 * Creates the replay storage. The token only ever goes to `session` (browser.storage.session:
 * memory, cleared when the browser closes); only the API base choice goes to `local`.
 */
export function createReplayStorage(
  areas: { session?: StorageAreaLike; local?: StorageAreaLike } = {},
): ReplayStorage {
  const session = (): StorageAreaLike | undefined =>
    areas.session ?? (browser.storage?.session as StorageAreaLike | undefined);
  const local = (): StorageAreaLike | undefined =>
    areas.local ?? (browser.storage?.local as StorageAreaLike | undefined);
  return {
    async loadToken() {
      try {
        const area = session();
        if (!area) return undefined;
        const value = (await area.get(TOKEN_STORAGE_KEY))[TOKEN_STORAGE_KEY];
        if (
          !isRecord(value) ||
          typeof value.token !== 'string' ||
          typeof value.origin !== 'string'
        ) {
          return undefined;
        }
        return { token: value.token, origin: value.origin };
      } catch {
        return undefined;
      }
    },
    async saveToken(entry) {
      try {
        const area = session();
        if (!area) return { ok: false, error: 'Session storage is not available in this browser.' };
        if (entry === undefined) await area.remove(TOKEN_STORAGE_KEY);
        else await area.set({ [TOKEN_STORAGE_KEY]: { token: entry.token, origin: entry.origin } });
        return { ok: true };
      } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
    },
    async loadApiBase() {
      try {
        const area = local();
        if (!area) return undefined;
        const value = (await area.get(API_BASE_STORAGE_KEY))[API_BASE_STORAGE_KEY];
        if (!isRecord(value) || typeof value.preset !== 'string') return undefined;
        return {
          preset: value.preset as ApiBaseSelection['preset'],
          custom: typeof value.custom === 'string' ? value.custom : '',
        };
      } catch {
        return undefined;
      }
    },
    async saveApiBase(selection) {
      try {
        const area = local();
        if (!area) return { ok: false, error: 'Storage is not available here.' };
        await area.set({
          [API_BASE_STORAGE_KEY]: { preset: selection.preset, custom: selection.custom },
        });
        return { ok: true };
      } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
