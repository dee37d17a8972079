// Tests for the replay list's pure rules: the cap spares pending replays, kept results drop bytes and tokens.
import { describe, expect, it } from 'vitest';
import type { ReplayRequest } from '../uqudo/info-api';
import {
  MAX_REPLAYS,
  addReplayEntry,
  buildReplayExchange,
  keepResult,
  type ReplayEntry,
} from './entries';
import { buildReplayResponse } from './testing/replays';

const REQUEST: ReplayRequest = {
  purpose: 'info',
  method: 'GET',
  url: 'https://id.uqudo.io/api/v1/info/x',
  headers: [{ name: 'Accept', value: '*/*' }],
};

const entry = (id: string, status: ReplayEntry['status']): ReplayEntry => ({
  id,
  scope: '',
  label: id,
  request: REQUEST,
  startedAt: 0,
  status,
  timeoutMs: 1,
  captured: false,
});

describe('addReplayEntry', () => {
  it('drops the oldest finished replays beyond the cap, never a pending one', () => {
    let replays: ReplayEntry[] = [entry('old-pending', 'pending')];
    for (let i = 0; i < MAX_REPLAYS + 5; i++)
      replays = addReplayEntry(replays, entry(`d${i}`, 'done'));
    expect(replays).toHaveLength(MAX_REPLAYS);
    expect(replays.at(-1)?.id).toBe('old-pending');
    expect(replays[0]?.id).toBe(`d${MAX_REPLAYS + 4}`);
    const allPending = Array.from({ length: MAX_REPLAYS }, (_, i) => entry(`p${i}`, 'pending'));
    expect(addReplayEntry(allPending, entry('one-more', 'pending'))).toHaveLength(MAX_REPLAYS + 1);
  });
});

describe('keepResult', () => {
  it('drops image bytes, redacts a token answer and cuts long text', () => {
    const bytes = buildReplayResponse({ bodyBytes: new Uint8Array(3) });
    expect(keepResult(REQUEST, bytes)).not.toHaveProperty('bodyBytes');
    const token = buildReplayResponse({ bodyText: '{"access_token":"secret","expires_in":60}' });
    const kept = keepResult({ ...REQUEST, purpose: 'token' }, token);
    expect(kept.kind === 'response' && kept.bodyText).not.toContain('secret');
    const long = keepResult(REQUEST, buildReplayResponse({ bodyText: 'x'.repeat(600 * 1024) }));
    expect(long).toMatchObject({ truncated: true });
    expect(long.kind === 'response' && long.bodyText?.length).toBe(512 * 1024);
  });
});

describe('buildReplayExchange', () => {
  it('captures a successful info answer without any Authorization header, nothing else', () => {
    const ok = buildReplayExchange('r1', REQUEST, 5, buildReplayResponse());
    expect(ok).toMatchObject({ id: 'replay-r1-5', source: 'replay', status: 200 });
    expect(ok?.requestHeaders).toEqual(REQUEST.headers);
    const failed = buildReplayResponse({ status: 404, ok: false });
    expect(buildReplayExchange('r2', REQUEST, 5, failed)).toBeUndefined();
    const del: ReplayRequest = { ...REQUEST, purpose: 'delete', method: 'DELETE' };
    expect(buildReplayExchange('r3', del, 5, buildReplayResponse())).toBeUndefined();
    const empty = buildReplayResponse({ bodyText: '  ' });
    expect(buildReplayExchange('r4', REQUEST, 5, empty)).toBeUndefined();
  });
});
