// Which capture can be tested (a result in the body of a kept backend post), the expired result it may use, its plan.
import type { Inspection } from '../jose/inspect';
import { planBackendTest, type CapturedRequest } from '../session/backend-test';
import { isUqudoResult, readResultClaims } from '../session/claims';
import type { Capture, CaptureList } from '../store';
import { createRun, type BackendTestRun } from './machine';
import type { KeptPost } from './keep';
import { selectResendHeaders } from './request';
import { MAX_TEST_REQUESTS } from './run';

/** How many of the newest captures are searched for an expired result. */
const MAX_EXPIRED_SEARCH = 5_000;

/** A capture the backend test can run on: its kept request and the result token in its body. */
export interface TestTarget {
  request: CapturedRequest;
  token: string;
}

function isResultLike(inspection: Inspection | undefined): boolean {
  // An encrypted result the panel cannot open is still what the page handed its backend.
  return inspection !== undefined && (isUqudoResult(inspection) || inspection.format === 'jwe');
}

/**
 * The test target of `capture`: a result (or JWE) the page sent in a request body to a non-Uqudo
 * backend whose request was kept (`post`); undefined otherwise.
 */
export function findTestTarget(
  capture: Capture | undefined,
  post: KeptPost | undefined,
): TestTarget | undefined {
  if (!capture || !post || capture.replay) return undefined;
  if (capture.sighting.location !== 'request.body' || post.exchangeId !== capture.exchange.id) {
    return undefined;
  }
  if (!isResultLike(capture.inspection)) return undefined;
  if (!post.request.body?.includes(capture.sighting.token)) return undefined;
  return { request: post.request, token: capture.sighting.token };
}

function hasExpiredFinding(inspection: Inspection): boolean {
  for (let current: Inspection | undefined = inspection; current; current = current.inner) {
    if (current.findings.some((f) => f.code === 'expired')) return true;
  }
  return false;
}

function sharesClient(a: readonly string[], b: readonly string[]): boolean {
  return a.length === 0 ? b.length === 0 : a.some((aud) => b.includes(aud));
}

/**
 * The newest expired Uqudo result of the same client (`aud`) as `capture`'s result, other than
 * its own token, among the newest MAX_EXPIRED_SEARCH captures (captured or imported).
 */
function findExpiredResult(captures: CaptureList, capture: Capture): string | undefined {
  const own = capture.inspection ? readResultClaims(capture.inspection).aud : [];
  const limit = Math.min(captures.length, MAX_EXPIRED_SEARCH);
  for (let index = 0; index < limit; index += 1) {
    const candidate = captures.at(index);
    const inspection = candidate?.inspection;
    if (!candidate || !inspection || candidate.sighting.token === capture.sighting.token) continue;
    if (!isUqudoResult(inspection) || !hasExpiredFinding(inspection)) continue;
    if (sharesClient(own, readResultClaims(inspection).aud)) return candidate.sighting.token;
  }
  return undefined;
}

/**
 * The test of `capture` waiting for confirmation: its plan (with the expired row when the panel
 * holds an expired result of the same client), the headers to resend and the credentials reused;
 * or why it cannot run.
 */
export function planTestRun(
  capture: Capture,
  post: KeptPost | undefined,
  captures: CaptureList,
): { ok: true; run: BackendTestRun } | { ok: false; reason: string } {
  const target = findTestTarget(capture, post);
  if (!target) return { ok: false, reason: 'this request is not a result posted to a backend' };
  const expired = findExpiredResult(captures, capture);
  const planned = planBackendTest(target.request, target.token, {
    hasExpiredResult: expired !== undefined,
    maxRequests: MAX_TEST_REQUESTS,
  });
  if (!planned.ok) return planned;
  const resend = selectResendHeaders(target.request.headers);
  const run = createRun({
    captureId: capture.id,
    plan: planned.plan,
    body: target.request.body ?? '',
    token: target.token,
    ...(expired !== undefined && { expiredToken: expired }),
    headers: resend.headers,
    credentials: resend.credentials,
  });
  return { ok: true, run };
}
