// What a selected capture suggests to replay: the API base from a result's iss or its request, a captured access token.
import { isRecord } from '../guards';
import { findInnermost, type Inspection } from '../jose/inspect';
import { API_BASE_PRESETS, parseApiBase, tokenEndpointFor } from '../uqudo/info-api';

/** The part of a capture the API base suggestion reads. */
export interface SuggestionSource {
  exchange: { url: string; source: string };
  inspection?: Inspection;
}

/** An API origin suggested for replays, and where the suggestion comes from. */
export interface OriginSuggestion {
  origin: string;
  from: 'iss' | 'request' | 'token-endpoint';
}

/** A captured access token the panel can use for replays, bound to the API origin it belongs to. */
export interface CapturedAccessToken {
  token: string;
  suggestion: OriginSuggestion;
}

/** Info API paths (v1 and v2): a capture from one was answered by the API base itself. */
const INFO_PATH = /^\/api\/v\d+\/info(\/|$)/;

/** The usable API origin of `text` (https, or http on loopback), if any. */
function usableOriginOf(text: unknown): string | undefined {
  if (typeof text !== 'string') return undefined;
  const parsed = parseApiBase(text);
  return parsed.ok ? parsed.origin : undefined;
}

/** The API base whose token endpoint is at `origin` (auth.uqudo.io → id.uqudo.io), else `origin`. */
function apiOriginForTokenEndpoint(origin: string): string {
  const preset = API_BASE_PRESETS.find((candidate) => {
    const endpoint = tokenEndpointFor(candidate.origin);
    return endpoint.ok && new URL(endpoint.url).origin === origin;
  });
  return preset?.origin ?? origin;
}

/**
 * The API base a Uqudo result suggests: its `iss` when that is a usable origin, else the origin of
 * the Info API request that returned it. Undefined for anything else (the user's choice stands).
 */
export function suggestApiBase(capture: SuggestionSource): OriginSuggestion | undefined {
  const inspection = capture.inspection && findInnermost(capture.inspection);
  if (!inspection || inspection.kind !== 'uqudo-result') return undefined;
  const payload = inspection.payload;
  const iss = isRecord(payload) ? usableOriginOf(payload.iss) : undefined;
  if (iss) return { origin: iss, from: 'iss' };
  const url = usableOriginOf(capture.exchange.url);
  if (url && INFO_PATH.test(new URL(capture.exchange.url).pathname)) {
    return { origin: url, from: 'request' };
  }
  return undefined;
}

/** Token endpoint paths: an answer from one is the token issued by that environment. */
const TOKEN_PATH = /\/oauth\/token$/;

/** The iss of an access token when it is a usable API origin (an assumption: see the wording). */
function issOrigin(inspection: Inspection): OriginSuggestion | undefined {
  const iss = isRecord(inspection.payload) ? usableOriginOf(inspection.payload.iss) : undefined;
  return iss ? { origin: iss, from: 'iss' } : undefined;
}

/**
 * The access token of a capture, with the API origin it belongs to: the origin it was sent to (a
 * request header), the API of the token endpoint that issued it, else its `iss` (a backend that
 * hands the token to the page names no API); undefined when none is usable.
 */
export function findCapturedAccessToken(
  capture: SuggestionSource & { sighting: { location: string; token: string } },
): CapturedAccessToken | undefined {
  const inspection = capture.inspection;
  if (!inspection || inspection.kind !== 'uqudo-access-token') return undefined;
  const { url, source } = capture.exchange;
  const origin = source === 'paste' ? undefined : usableOriginOf(url);
  let suggestion: OriginSuggestion | undefined;
  if (origin && capture.sighting.location === 'request.header') {
    suggestion = { origin, from: 'request' };
  } else if (
    origin &&
    capture.sighting.location === 'response.body' &&
    TOKEN_PATH.test(new URL(url).pathname)
  ) {
    suggestion = { origin: apiOriginForTokenEndpoint(origin), from: 'token-endpoint' };
  } else {
    suggestion = issOrigin(inspection);
  }
  return suggestion ? { token: capture.sighting.token, suggestion } : undefined;
}
