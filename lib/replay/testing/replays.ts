// Test-only: sample replay inputs and unwrapping of builder and replay results for the replay tests.
import type { BuildResult, ReplayRequest } from '../../uqudo/info-api';
import type { ReplayResponse, ReplayResult } from '../send';

/** A well-formed session id (Uqudo's are UUIDs). */
export const SAMPLE_SESSION_ID = '3f2a9c1e-7b4d-4e8f-9a01-23456789abcd';

/** An access-token-shaped JWS (not signed by anyone); replays only pass it along. */
export const SAMPLE_ACCESS_TOKEN =
  'eyJhbGciOiJSUzI1NiJ9.eyJzY29wZSI6IktZQ19JTkZPX1NESyJ9.c2lnbmF0dXJl';

/** The request a builder made; throws (failing the test) with the builder's error otherwise. */
export function unwrapRequest(result: BuildResult): ReplayRequest {
  if (!result.ok) throw new Error(`expected a request, got the error: ${result.error}`);
  return result.request;
}

/** The HTTP response of a replay; throws (failing the test) with what happened instead. */
export function unwrapResponse(result: ReplayResult): ReplayResponse {
  if (result.kind !== 'response')
    throw new Error(`expected a response, got ${JSON.stringify(result)}`);
  return result;
}

/** A successful `application/jwt` replay response; `overrides` change any field. */
export function buildReplayResponse(overrides: Partial<ReplayResponse> = {}): ReplayResponse {
  const bodyText = 'eyJhbGciOiJSUzI1NiJ9.eyJqdGkiOiJ4In0.c2ln';
  return {
    kind: 'response',
    status: 200,
    statusText: 'OK',
    ok: true,
    headers: [{ name: 'content-type', value: 'application/jwt' }],
    durationMs: 12,
    contentType: 'application/jwt',
    bodyText,
    bodySize: bodyText.length,
    truncated: false,
    authorized: true,
    ...overrides,
  };
}
