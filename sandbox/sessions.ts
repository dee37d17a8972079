// In-memory store of sandbox sessions and their images, with expiry driven by an injectable clock.
import type { ImageKind, Scenario } from './scenarios';

/** One enrolment (or face session) whose result the Info API serves. */
export interface StoredSession {
  sessionId: string;
  scenario: Scenario;
  /** Exactly what the Info API returns: a compact JWS, or a JWE when encrypted. */
  token: string;
  /** When the result's `exp` passes (ms); images are gone from then on. */
  expiresAtMs: number;
  images: Map<string, ImageKind>;
}

/** The session registry used by the server. */
export interface SessionStore {
  add(session: StoredSession): void;
  /** The session, also after expiry (results stay readable until deleted). */
  get(sessionId: string): StoredSession | undefined;
  /** Removes a session and its images; returns whether it existed. */
  delete(sessionId: string): boolean;
  /** The kind of an image, or undefined when unknown, deleted or expired. */
  findImage(imageId: string): ImageKind | undefined;
  size(): number;
}

/** Keeps memory bounded: the oldest session is dropped once this many exist. */
const MAX_SESSIONS = 500;

/** Creates an empty session store; `now` returns the current time in ms. */
export function createSessionStore(now: () => number): SessionStore {
  // Map iteration order is insertion order, which makes eviction of the oldest entry cheap.
  const sessions = new Map<string, StoredSession>();
  const imageOwners = new Map<string, string>();

  function remove(sessionId: string): boolean {
    const session = sessions.get(sessionId);
    if (!session) return false;
    for (const id of session.images.keys()) imageOwners.delete(id);
    sessions.delete(sessionId);
    return true;
  }

  return {
    add(session) {
      remove(session.sessionId);
      while (sessions.size >= MAX_SESSIONS) {
        const oldest = sessions.keys().next().value;
        if (oldest === undefined) break;
        remove(oldest);
      }
      sessions.set(session.sessionId, session);
      for (const id of session.images.keys()) imageOwners.set(id, session.sessionId);
    },
    get(sessionId) {
      return sessions.get(sessionId);
    },
    delete: remove,
    findImage(imageId) {
      const owner = imageOwners.get(imageId);
      const session = owner === undefined ? undefined : sessions.get(owner);
      if (!session || now() >= session.expiresAtMs) return undefined;
      return session.images.get(imageId);
    },
    size() {
      return sessions.size;
    },
  };
}
