// The raw, per-session state the session index accumulates and the checks read.
import type { SightingLocation } from '../capture/exchange';
import type { Inspection } from '../jose/inspect';
import type { SessionEvidence } from './evidence';

/** One token sighting as the session view receives it (a Sighting plus its inspection). */
export interface SessionSighting {
  location: SightingLocation;
  path?: string;
  token: string;
  inspection?: Inspection;
}

/** One captured exchange as the session view receives it. */
export interface SessionItem {
  evidence: SessionEvidence;
  sightings: readonly SessionSighting[];
}

/** An access token seen in the page, with the token request that issued it when known. */
export interface AccessTokenRef {
  token: string;
  /** The exchange whose answer carried it (token endpoint or the integrator's backend). */
  issuedBy?: SessionEvidence;
  /** The token-endpoint request that issued it, when that was captured. */
  tokenRequest?: SessionEvidence;
  /** Client id from the token's claims, else from the token request's form. */
  clientId?: string;
  scopes: string[];
}

/** One copy of the result in traffic: returned to the page, or sent by it. */
export interface ResultCopy {
  token: string;
  inspection?: Inspection;
  evidence: SessionEvidence;
  location: SightingLocation;
  path?: string;
}

/** What the SDK sent on one request of the session. */
interface SentHeaders {
  evidence: SessionEvidence;
  uqSessionId?: string;
  uqNonce?: string;
}

/** Everything known about one session so far. */
export interface SessionState {
  id: string;
  /** Copies received in responses (from Uqudo's API or the sandbox). */
  returned: ResultCopy[];
  /** Copies the page sent to a non-Uqudo host (request body or URL query). */
  posted: ResultCopy[];
  /** Result copies in a URL query, wherever they went. */
  inUrl: ResultCopy[];
  sent: SentHeaders[];
  /** Exchanges of the session, in the order added, with where its tokens were. */
  exchanges: { evidence: SessionEvidence; where: string[]; role: TimelineRole }[];
  accessToken?: AccessTokenRef;
  /** True once a request of the session itself sent `accessToken` as its Bearer. */
  accessTokenUsed?: boolean;
  /** Nearest preceding token request, used only when no access token is linked. */
  precedingTokenRequest?: SessionEvidence;
  /** Bumped on every change, so built sessions can be cached. */
  version: number;
}

/** What one request did in a session. */
export type TimelineRole =
  'token-request' | 'access-token' | 'sdk-call' | 'result-returned' | 'result-posted' | 'other';
