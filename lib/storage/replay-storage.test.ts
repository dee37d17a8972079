// Tests for the replay storage edge: the token goes to the session area only, the base choice to local.
import { describe, expect, it } from 'vitest';
import {
  API_BASE_STORAGE_KEY,
  TOKEN_STORAGE_KEY,
  createReplayStorage,
  type StorageAreaLike,
} from './replay-storage';

function createArea(options: { failing?: boolean } = {}) {
  const items = new Map<string, unknown>();
  const area: StorageAreaLike = {
    async get(key) {
      if (options.failing) throw new Error('storage is gone');
      return items.has(key) ? { [key]: items.get(key) } : {};
    },
    async set(values) {
      if (options.failing) throw new Error('quota exceeded');
      for (const [key, value] of Object.entries(values)) items.set(key, value);
    },
    async remove(key) {
      if (options.failing) throw new Error('storage is gone');
      items.delete(key);
    },
  };
  return { area, items };
}

describe('createReplayStorage', () => {
  it('keeps the remembered token in the session area only and forgets it on request', async () => {
    const session = createArea();
    const local = createArea();
    const storage = createReplayStorage({ session: session.area, local: local.area });
    const entry = { token: 'header.payload.signature', origin: 'https://id.uqudo.io' };
    expect(await storage.saveToken(entry)).toEqual({ ok: true });
    expect(session.items.get(TOKEN_STORAGE_KEY)).toEqual(entry);
    expect(local.items.size).toBe(0);
    expect(await storage.loadToken()).toEqual(entry);
    expect(await storage.saveToken(undefined)).toEqual({ ok: true });
    expect(session.items.has(TOKEN_STORAGE_KEY)).toBe(false);
    expect(await storage.loadToken()).toBeUndefined();
  });

  it('keeps the API base choice in the local area', async () => {
    const session = createArea();
    const local = createArea();
    const storage = createReplayStorage({ session: session.area, local: local.area });
    await storage.saveApiBase({ preset: 'custom', custom: 'https://tenant.example.com' });
    expect(local.items.get(API_BASE_STORAGE_KEY)).toEqual({
      preset: 'custom',
      custom: 'https://tenant.example.com',
    });
    expect(session.items.size).toBe(0);
    expect(await storage.loadApiBase()).toEqual({
      preset: 'custom',
      custom: 'https://tenant.example.com',
    });
  });

  it('ignores stored values of the wrong shape', async () => {
    const session = createArea();
    const local = createArea();
    session.items.set(TOKEN_STORAGE_KEY, { token: 42, origin: 'https://id.uqudo.io' });
    local.items.set(API_BASE_STORAGE_KEY, ['prod']);
    const storage = createReplayStorage({ session: session.area, local: local.area });
    expect(await storage.loadToken()).toBeUndefined();
    expect(await storage.loadApiBase()).toBeUndefined();
    local.items.set(API_BASE_STORAGE_KEY, { preset: 'dev', custom: 7 });
    expect(await storage.loadApiBase()).toEqual({ preset: 'dev', custom: '' });
  });

  it('reports storage failures as results instead of throwing', async () => {
    const broken = createArea({ failing: true });
    const storage = createReplayStorage({ session: broken.area, local: broken.area });
    expect(await storage.loadToken()).toBeUndefined();
    expect(await storage.loadApiBase()).toBeUndefined();
    expect(await storage.saveToken({ token: 't', origin: 'https://a.example' })).toEqual({
      ok: false,
      error: 'quota exceeded',
    });
    expect(await storage.saveApiBase({ preset: 'prod', custom: '' })).toEqual({
      ok: false,
      error: 'quota exceeded',
    });
  });
});
