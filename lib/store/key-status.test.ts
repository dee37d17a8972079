// Tests for the key-line selectors over a real store: label, JWKS URL, and the selected result asked first.
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectUqudoToken } from '../uqudo/inspect';
import {
  buildUqudoPayload,
  generateTestKeyPair,
  mintToken,
  type TestKeyPair,
} from '../jose/testing/tokens';
import { selectJwksUrl, selectKeySourceLabel, selectKeySuggestion } from './key-status';
import { UQUDO_JWKS_URL } from '../settings/settings';
import { createInspectorStore, type InspectorStore } from '.';

let signer: TestKeyPair;

beforeAll(async () => {
  signer = await generateTestKeyPair('RS256', 'k');
});

/** Resolves once every capture has been checked. */
function checked(store: InspectorStore, count: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      const { captures } = store.getState();
      return captures.length === count && captures.toArray().every((capture) => capture.verdict);
    };
    if (done()) return resolve();
    const stop = store.subscribe(() => {
      if (!done()) return;
      stop();
      resolve();
    });
  });
}

describe('key-line selectors', () => {
  it('name the source, and suggest from the selected result first', async () => {
    const store = createInspectorStore({
      inspect: inspectUqudoToken,
      fetch: () => Promise.reject(new TypeError('offline test')),
    });
    expect(selectKeySourceLabel(store.getState())).toBe(`Keys: Uqudo JWKS ${UQUDO_JWKS_URL}`);
    expect(selectJwksUrl(store.getState())).toBe(UQUDO_JWKS_URL);
    for (const iss of ['http://127.0.0.1:1111', 'http://localhost:2222']) {
      store.addPastedToken(await mintToken(buildUqudoPayload({ iss }), { key: signer }));
    }
    await checked(store, 2);
    const state = store.getState();
    // The newest (the last pasted, also selected) comes first.
    expect(selectKeySuggestion(state)).toBe('http://localhost:2222/api/.well-known/jwks.json');
    expect(selectKeySuggestion(state)).toBe(selectKeySuggestion(store.getState()));
    // Captures are newest first: [1] is the first pasted.
    store.select(state.captures.at(1)!.id);
    expect(selectKeySuggestion(store.getState())).toBe(
      'http://127.0.0.1:1111/api/.well-known/jwks.json',
    );
    store.updateSettings({ keySource: 'pasted', pastedKeys: '' });
    expect(selectJwksUrl(store.getState())).toBeUndefined();
  });
});
