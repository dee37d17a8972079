// Which capture can be tested (a result in the body of a kept backend post) and which expired result it may use.
import type { Inspection } from '../jose/inspect';
import type { CapturedRequest } from '../session/backend-test';
import { isUqudoResult, readResultClaims } from '../session/claims';
import type { Capture, CaptureList } from '../store';
import type { KeptPost } from './request';

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
export function findExpiredResult(captures: CaptureList, capture: Capture): string | undefined {
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
