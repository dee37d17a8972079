// groupSessions / createSessionIndex: captured exchanges → Uqudo sessions (by jti, data.sessionId, UQ-Session-ID).
import { findSessionId } from '../uqudo/session-id';
import { buildSession, type Session, type SessionOptions } from './build';
import {
  isAccessToken,
  isUqudoResult,
  readAccessTokenClient,
  readAccessTokenScopes,
} from './claims';
import type { SessionEvidence } from './evidence';
import type {
  AccessTokenRef,
  ResultCopy,
  SessionItem,
  SessionSighting,
  SessionState,
  TimelineRole,
} from './state';

/** How many recent returned results a mangled posted copy is matched against by prefix. */
const RECENT_RESULTS = 8;
/** A posted copy is attributed to a returned result sharing at least this long a prefix. */
const MIN_PREFIX = 40;
/** Access tokens remembered for linking (bounded: page traffic is untrusted). */
const MAX_ACCESS_TOKENS = 256;

/** An incrementally built set of sessions: `add` touches only the sessions of one exchange. */
export interface SessionIndex {
  /** Adds one exchange (in capture order); returns the ids of the sessions it touched. */
  add(item: SessionItem): string[];
  /** The session with this id, built (and cached) from its state. */
  get(id: string): Session | undefined;
  /** Every session, oldest first. */
  list(): Session[];
}

function isBearerSighting(sighting: SessionSighting): boolean {
  return sighting.location === 'request.header' && sighting.path?.toLowerCase() === 'authorization';
}

function isIssuedAccessToken(sighting: SessionSighting): boolean {
  return sighting.location === 'response.body' && sighting.path === '$.access_token';
}

function describeWhere(sighting: SessionSighting): string {
  return sighting.path === undefined ? sighting.location : `${sighting.location} ${sighting.path}`;
}

/** Where an exchange touched a session, before it is recorded. */
type Touches = Map<string, { where: string[]; role: TimelineRole }>;

/** The index's state; methods stay small, the public face is SessionIndex. */
class Grouper {
  private readonly states = new Map<string, SessionState>();
  private readonly accessTokens = new Map<string, AccessTokenRef>();
  private readonly resultOwners = new Map<string, string>();
  private readonly recent: { token: string; id: string }[] = [];
  private readonly cache = new Map<string, { version: number; session: Session }>();
  private lastAccessToken: AccessTokenRef | undefined;
  private lastTokenRequest: SessionEvidence | undefined;

  constructor(private readonly options: SessionOptions) {}

  private stateFor(id: string): SessionState {
    let state = this.states.get(id);
    if (!state) {
      state = { id, returned: [], posted: [], inUrl: [], sent: [], exchanges: [], version: 0 };
      if (this.lastAccessToken) state.accessToken = this.lastAccessToken;
      else if (this.lastTokenRequest) state.precedingTokenRequest = this.lastTokenRequest;
      this.states.set(id, state);
    }
    return state;
  }

  private rememberAccessToken(
    sighting: SessionSighting,
    evidence: SessionEvidence,
  ): AccessTokenRef {
    const known = this.accessTokens.get(sighting.token);
    if (known) return known;
    const inspection = sighting.inspection;
    const issued = isIssuedAccessToken(sighting);
    const tokenRequest = issued && evidence.tokenRequest ? evidence : undefined;
    const clientId =
      (inspection && readAccessTokenClient(inspection)) ?? tokenRequest?.requestedClientId;
    const scopes = inspection ? readAccessTokenScopes(inspection) : [];
    const ref: AccessTokenRef = {
      token: sighting.token,
      ...(issued && { issuedBy: evidence }),
      ...(tokenRequest && { tokenRequest }),
      ...(clientId !== undefined && { clientId }),
      scopes: scopes.length > 0 ? scopes : issued ? (evidence.grantedScopes ?? []) : [],
    };
    if (this.accessTokens.size >= MAX_ACCESS_TOKENS) {
      const oldest = this.accessTokens.keys().next().value;
      if (oldest !== undefined) this.accessTokens.delete(oldest);
    }
    this.accessTokens.set(sighting.token, ref);
    return ref;
  }

  /** The session a result sighting belongs to: its own id, the exact token, a shared prefix, or the header. */
  private ownerOf(sighting: SessionSighting, evidence: SessionEvidence): string | undefined {
    // Only a Uqudo result names its own session: any other JWT's jti is not a Uqudo session id.
    const inspection = sighting.inspection;
    const own = inspection && isUqudoResult(inspection) ? findSessionId(inspection) : undefined;
    if (own !== undefined) return own;
    const exact = this.resultOwners.get(sighting.token);
    if (exact !== undefined) return exact;
    const prefix = sighting.token.slice(0, MIN_PREFIX);
    if (prefix.length === MIN_PREFIX) {
      for (let i = this.recent.length - 1; i >= 0; i -= 1) {
        if (this.recent[i]!.token.startsWith(prefix)) return this.recent[i]!.id;
      }
    }
    return evidence.uqSessionId;
  }

  private isResultSighting(sighting: SessionSighting, evidence: SessionEvidence): boolean {
    const inspection = sighting.inspection;
    if (inspection && isUqudoResult(inspection)) return true;
    if (inspection && isAccessToken(inspection)) return false;
    // An undecrypted JWE or a mangled copy: a result when the SDK asked for one, or a known copy.
    if (sighting.location.startsWith('response') && evidence.uqSessionId !== undefined) return true;
    return (
      sighting.location.startsWith('request') && this.ownerOf(sighting, evidence) !== undefined
    );
  }

  private recordResult(state: SessionState, copy: ResultCopy): TimelineRole {
    if (copy.location.startsWith('response')) {
      state.returned.push(copy);
      this.resultOwners.set(copy.token, state.id);
      this.recent.push({ token: copy.token, id: state.id });
      if (this.recent.length > RECENT_RESULTS) this.recent.shift();
      return 'result-returned';
    }
    if (copy.location === 'request.query') state.inUrl.push(copy);
    if (copy.evidence.uqudoApi) return 'sdk-call';
    state.posted.push(copy);
    return 'result-posted';
  }

  /** Files each sighting (access token or result copy); returns the Bearer used, if any. */
  private fileSightings(item: SessionItem, touches: Touches): AccessTokenRef | undefined {
    const evidence = item.evidence;
    let bearer: AccessTokenRef | undefined;
    for (const sighting of item.sightings) {
      if (typeof sighting?.token !== 'string') continue;
      const inspection = sighting.inspection;
      const bearerUse = isBearerSighting(sighting);
      if (bearerUse || isIssuedAccessToken(sighting) || (inspection && isAccessToken(inspection))) {
        const ref = this.rememberAccessToken(sighting, evidence);
        if (bearerUse) bearer = ref;
        else this.lastAccessToken = ref;
        continue;
      }
      if (!this.isResultSighting(sighting, evidence)) continue;
      const id = this.ownerOf(sighting, evidence);
      if (id === undefined) continue;
      const copy: ResultCopy = {
        token: sighting.token,
        ...(inspection && { inspection }),
        evidence,
        location: sighting.location,
        ...(sighting.path !== undefined && { path: sighting.path }),
      };
      const role = this.recordResult(this.stateFor(id), copy);
      const entry = touches.get(id) ?? { where: [], role };
      if (role === 'result-returned' || role === 'result-posted') entry.role = role;
      entry.where.push(describeWhere(sighting));
      touches.set(id, entry);
    }
    return bearer;
  }

  add(item: SessionItem): string[] {
    const evidence = item.evidence;
    if (evidence.source === 'replay') return []; // the panel's own requests are not page traffic
    if (evidence.tokenRequest) this.lastTokenRequest = evidence;
    const touches: Touches = new Map();
    const bearer = this.fileSightings(item, touches);
    if (evidence.uqSessionId !== undefined && touches.size === 0) {
      touches.set(evidence.uqSessionId, { where: [], role: 'sdk-call' });
    }
    if (bearer) this.lastAccessToken = bearer;
    for (const [id, entry] of touches) {
      const state = this.stateFor(id);
      // The first Bearer the session's own requests used beats the nearest preceding guess.
      if (bearer && !state.accessTokenUsed) {
        state.accessToken = bearer;
        state.accessTokenUsed = true;
      }
      if (evidence.uqSessionId !== undefined || evidence.uqNonce !== undefined) {
        state.sent.push({
          evidence,
          ...(evidence.uqSessionId !== undefined && { uqSessionId: evidence.uqSessionId }),
          ...(evidence.uqNonce !== undefined && { uqNonce: evidence.uqNonce }),
        });
      }
      state.exchanges.push({ evidence, where: entry.where, role: entry.role });
      state.version += 1;
    }
    return [...touches.keys()];
  }

  get(id: string): Session | undefined {
    const state = this.states.get(id);
    if (!state) return undefined;
    const cached = this.cache.get(id);
    if (cached && cached.version === state.version) return cached.session;
    const session = buildSession(state, this.options);
    this.cache.set(id, { version: state.version, session });
    return session;
  }

  list(): Session[] {
    return [...this.states.keys()].map((id) => this.get(id)!);
  }
}

/** Creates an empty session index. Items must be added in time order ("nearest preceding" links). */
export function createSessionIndex(options: SessionOptions = {}): SessionIndex {
  const grouper = new Grouper(options);
  return {
    add: (item) => grouper.add(item),
    get: (id) => grouper.get(id),
    list: () => grouper.list(),
  };
}

/** Groups exchanges into sessions (sorted by time first); linear in the items and their sightings. */
export function groupSessions(
  items: readonly SessionItem[],
  options: SessionOptions = {},
): Session[] {
  const index = createSessionIndex(options);
  const ordered = items
    .map((item, position) => ({ item, position }))
    .sort((a, b) => a.item.evidence.time - b.item.evidence.time || a.position - b.position);
  for (const { item } of ordered) index.add(item);
  return index.list();
}
