// Tests of the in-memory session store: lookup, deletion, image expiry and the size bound.
import { describe, expect, it } from 'vitest';
import { createSessionStore, type StoredSession } from './sessions';

function session(id: string, expiresAtMs: number, imageId = `${id}-img`): StoredSession {
  return {
    sessionId: id,
    scenario: 'passport',
    token: `token-${id}`,
    expiresAtMs,
    images: new Map([[imageId, 'front']]),
  };
}

describe('createSessionStore', () => {
  it('finds images until the session expires, results also afterwards', () => {
    let now = 1000;
    const store = createSessionStore(() => now);
    store.add(session('a', 2000));
    expect(store.findImage('a-img')).toBe('front');
    now = 2000;
    expect(store.findImage('a-img')).toBeUndefined();
    expect(store.get('a')?.token).toBe('token-a');
  });

  it('removes a session and its images on delete', () => {
    const store = createSessionStore(() => 0);
    store.add(session('a', 10));
    expect(store.delete('a')).toBe(true);
    expect(store.delete('a')).toBe(false);
    expect(store.get('a')).toBeUndefined();
    expect(store.findImage('a-img')).toBeUndefined();
  });

  it('keeps at most 500 sessions, dropping the oldest', () => {
    const store = createSessionStore(() => 0);
    for (let i = 0; i < 501; i++) store.add(session(`s${i}`, 10));
    expect(store.size()).toBe(500);
    expect(store.get('s0')).toBeUndefined();
    expect(store.findImage('s0-img')).toBeUndefined();
    expect(store.get('s500')).toBeDefined();
  });
});
