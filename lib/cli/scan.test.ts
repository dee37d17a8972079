// scan and the panel classify the same HAR alike: one classification path (lib/uqudo/context).
import { base64url } from 'jose';
import { describe, expect, it, vi } from 'vitest';
import { createInspectorStore } from '../store';
import { inspectUqudoToken } from '../uqudo/inspect';
import { scanHarEntries } from './scan';

function makeToken(payload: Record<string, unknown>): string {
  const encode = (value: unknown) => base64url.encode(JSON.stringify(value));
  return `${encode({ alg: 'RS256', kid: 'k1' })}.${encode(payload)}.c2lnbmF0dXJl`;
}

const accessToken = makeToken({ sub: 'client', exp: 1_900_000_000 });
const tokenAnswer = makeToken({ sub: 'client-b', exp: 1_900_000_000 });

/** An access token in an Authorization header without the "Bearer" word, and a raw token-endpoint answer. */
const har = {
  log: {
    entries: [
      {
        startedDateTime: '2026-01-01T00:00:00.000Z',
        request: {
          method: 'GET',
          url: 'https://id.uqudo.io/api/v1/info/0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a',
          headers: [{ name: 'Authorization', value: accessToken }],
        },
        response: { status: 200, headers: [], content: { mimeType: 'text/plain', text: '' } },
      },
      {
        startedDateTime: '2026-01-01T00:00:01.000Z',
        request: { method: 'POST', url: 'https://auth.uqudo.io/api/oauth/token', headers: [] },
        response: {
          status: 200,
          headers: [],
          content: { mimeType: 'application/jwt', text: tokenAnswer },
        },
      },
    ],
  },
};

describe('scan and the panel agree on kinds', () => {
  it('gives the same kind for every token of one HAR', async () => {
    const scanned = await scanHarEntries(har.log.entries, { now: 1_800_000_000 });
    const scanKinds = scanned.results.map((result) => result.inspection.kind);

    const store = createInspectorStore({
      inspect: inspectUqudoToken,
      now: () => 1_800_000_000_000,
    });
    expect(store.importHar(JSON.stringify(har))).toMatchObject({ ok: true, tokens: 2 });
    await vi.waitFor(() => {
      const captures = store.getState().captures.toArray();
      expect(captures).toHaveLength(2);
      expect(captures.every((capture) => capture.inspection)).toBe(true);
    });
    const panelKinds = store
      .getState()
      .captures.toArray()
      .map((capture) => capture.kind);

    expect(scanKinds).toEqual(['uqudo-access-token', 'uqudo-access-token']);
    expect([...panelKinds].sort()).toEqual([...scanKinds].sort());
  });
});
