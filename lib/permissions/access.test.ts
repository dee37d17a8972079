// Tests for the host-access state machine, the shared flow over the port, and the per-origin store.
import { describe, expect, it, vi } from 'vitest';
import { advanceAccess, listRequestOrigins, type AccessStatus } from './access';
import { createAccessFlow } from './flow';
import { createOriginAccessStore } from './store';

/** A port whose answers the test releases one by one. */
function deferredPort() {
  const answers: ((granted: boolean) => void)[] = [];
  const wait = () => new Promise<boolean>((resolve) => answers.push(resolve));
  return {
    port: { contains: vi.fn(wait), request: vi.fn(wait) },
    answer: (index: number, granted: boolean) => answers[index]!(granted),
  };
}

describe('advanceAccess', () => {
  it('maps every event to its state', () => {
    expect(advanceAccess({ type: 'check' })).toBe('checking');
    expect(advanceAccess({ type: 'checked', granted: true })).toBe('granted');
    expect(advanceAccess({ type: 'checked', granted: false })).toBe('not-granted');
    expect(advanceAccess({ type: 'ask' })).toBe('asking');
    expect(advanceAccess({ type: 'answered', granted: true })).toBe('granted');
    expect(advanceAccess({ type: 'answered', granted: false })).toBe('refused');
    expect(advanceAccess({ type: 'no-port' })).toBe('unavailable');
  });
});

describe('listRequestOrigins', () => {
  it('puts the origin first and names each origin once', () => {
    expect(listRequestOrigins('https://a.test', ['https://b.test', 'https://a.test'])).toEqual([
      'https://a.test',
      'https://b.test',
    ]);
    expect(listRequestOrigins('https://a.test')).toEqual(['https://a.test']);
  });
});

describe('createAccessFlow', () => {
  it('calls the port synchronously on request and reports asking, then the answer', async () => {
    const reports: AccessStatus[] = [];
    const request = vi.fn(async () => false);
    const flow = createAccessFlow({ contains: async () => false, request }, (s) => reports.push(s));
    const answer = flow.request(['https://a.test', 'https://b.test']);
    expect(request).toHaveBeenCalledWith('https://a.test', 'https://b.test');
    expect(reports).toEqual([{ origin: 'https://a.test', state: 'asking' }]);
    expect(await answer).toBe('refused');
    expect(reports.at(-1)).toEqual({ origin: 'https://a.test', state: 'refused' });
  });

  it('drops a stale answer: only the latest check or request is reported', async () => {
    const reports: AccessStatus[] = [];
    const { port, answer } = deferredPort();
    const flow = createAccessFlow(port, (s) => reports.push(s));
    const first = flow.check('https://a.test');
    const second = flow.check('https://b.test');
    answer(1, true);
    expect(await second).toBe('granted');
    answer(0, false);
    expect(await first).toBe('not-granted');
    expect(reports).toEqual([
      { origin: 'https://a.test', state: 'checking' },
      { origin: 'https://b.test', state: 'checking' },
      { origin: 'https://b.test', state: 'granted' },
    ]);
  });

  it('treats a failing port as not granted / refused, and no port as unavailable', async () => {
    const failing = {
      contains: async () => Promise.reject(new Error('no')),
      request: async () => Promise.reject(new Error('no')),
    };
    const flow = createAccessFlow(failing, () => undefined);
    expect(await flow.check('https://a.test')).toBe('not-granted');
    expect(await flow.request(['https://a.test'])).toBe('refused');
    const reports: AccessStatus[] = [];
    const bare = createAccessFlow(undefined, (s) => reports.push(s));
    expect(await bare.check('https://a.test')).toBe('unavailable');
    expect(await bare.request(['https://a.test'])).toBe('unavailable');
    expect(reports).toEqual([
      { origin: 'https://a.test', state: 'unavailable' },
      { origin: 'https://a.test', state: 'unavailable' },
    ]);
  });
});

describe('createOriginAccessStore', () => {
  it('keeps one state per origin, so an answer for one never drops another', async () => {
    const { port, answer } = deferredPort();
    const store = createOriginAccessStore(port);
    const a = store.originAccess.check('https://a.test');
    const b = store.originAccess.check('https://b.test');
    expect(store.getState().originAccess.byOrigin).toEqual({
      'https://a.test': 'checking',
      'https://b.test': 'checking',
    });
    answer(0, true);
    answer(1, false);
    await Promise.all([a, b]);
    expect(store.getState().originAccess.byOrigin).toEqual({
      'https://a.test': 'granted',
      'https://b.test': 'not-granted',
    });
    const asked = store.originAccess.request('https://b.test');
    expect(port.request).toHaveBeenCalledWith('https://b.test');
    expect(store.getState().originAccess.byOrigin['https://b.test']).toBe('asking');
    answer(2, true);
    expect(await asked).toBe('granted');
    expect(store.getState().originAccess.byOrigin['https://b.test']).toBe('granted');
  });
});
