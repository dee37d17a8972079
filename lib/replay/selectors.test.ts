// Tests for the replay selectors: session id and images of a capture, inline photos, state facts.
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectUqudoToken } from '../uqudo/inspect';
import {
  buildUqudoPayload,
  generateTestKeyPair,
  mintToken,
  type TestKeyPair,
} from '../jose/testing/tokens';
import { REPLAY_TEXT } from './replay-text';
import {
  selectApiAccess,
  selectReplayCapture,
  selectSessionIdProblem,
  selectTokenMismatch,
} from './selectors';
import { initialReplayState } from './state';

const JTI = '0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a';
const FACE_SESSION = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const PROD = 'https://id.uqudo.io';
let key: TestKeyPair;

beforeAll(async () => {
  key = await generateTestKeyPair('RS256', 'selectors-test');
});

describe('selectReplayCapture', () => {
  it('reads the session id from jti and the image references of a document result', async () => {
    const inspection = await inspectUqudoToken(
      await mintToken(buildUqudoPayload({ jti: JTI }), { key }),
    );
    const facts = selectReplayCapture(inspection);
    expect(facts.sessionId).toBe(JTI);
    expect(facts.sessionIdSource).toBe('jti');
    expect(facts.images.map((ref) => ref.key)).toEqual(
      expect.arrayContaining(['faceImageId', 'frontImageId', 'auditTrailImageId']),
    );
    expect(facts.uniqueImageCount).toBe(new Set(facts.images.map((ref) => ref.id)).size);
    expect(facts.uniqueImageCount).toBeGreaterThan(0);
  });

  it('prefers data.sessionId for a face session', async () => {
    const payload = buildUqudoPayload({ faceSessionId: FACE_SESSION });
    const facts = selectReplayCapture(await inspectUqudoToken(await mintToken(payload, { key })));
    expect(facts).toMatchObject({ sessionId: FACE_SESSION, sessionIdSource: 'data.sessionId' });
  });

  it('offers nothing for an access token, a missing inspection or garbage', async () => {
    const token = await mintToken(
      { iss: 'https://auth.uqudo.io', jti: JTI, scope: 'KYC_INFO_SDK' },
      { key, header: { typ: 'at+jwt' } },
    );
    const empty = { images: [], uniqueImageCount: 0, inlinePhotos: [] };
    expect(selectReplayCapture(await inspectUqudoToken(token))).toEqual(empty);
    expect(selectReplayCapture(undefined)).toEqual(empty);
    expect(selectReplayCapture(await inspectUqudoToken('not.a.token'))).toEqual(empty);
  });
});

describe('selectSessionIdProblem', () => {
  it('accepts a UUID (trimmed) or nothing, and explains anything else', () => {
    expect(selectSessionIdProblem(` ${JTI} `)).toBeUndefined();
    expect(selectSessionIdProblem('   ')).toBeUndefined();
    expect(selectSessionIdProblem('nope')).toBe(REPLAY_TEXT.notUuid);
  });
});

describe('state facts', () => {
  it('shows access only for the selected origin', () => {
    const state = initialReplayState();
    expect(selectApiAccess(state)).toBeUndefined();
    expect(selectApiAccess({ ...state, access: { origin: PROD, state: 'granted' } })).toBe(
      'granted',
    );
    const other = { origin: 'https://id.dev.uqudo.io', state: 'granted' as const };
    expect(selectApiAccess({ ...state, access: other })).toBeUndefined();
  });

  it('flags a token bound to another or no origin', () => {
    const state = { ...initialReplayState(), token: 'abc' };
    expect(selectTokenMismatch({ ...state, tokenOrigin: PROD })).toBe(false);
    expect(selectTokenMismatch({ ...state, tokenOrigin: 'https://id.dev.uqudo.io' })).toBe(true);
    expect(selectTokenMismatch({ ...state, tokenOrigin: undefined })).toBe(true);
    expect(selectTokenMismatch({ ...state, token: '', tokenOrigin: undefined })).toBe(false);
  });
});
