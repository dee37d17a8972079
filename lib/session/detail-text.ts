// Wording of an expanded session (loaded with it): timeline roles and places, the access token's client check.
import type { Session } from './build';
import type { TimelineRole } from './state';

const ROLE_WORDS: Record<TimelineRole, string> = {
  'token-request': 'token request',
  'access-token': 'access token issued',
  'sdk-call': 'SDK call',
  'result-returned': 'result returned',
  'result-posted': 'result posted',
  other: 'other',
};

/** What a request did in the session, in words. */
export function describeRole(role: TimelineRole): string {
  return ROLE_WORDS[role];
}

/** Whether the access token's client is the result's aud, in words. */
export function describeAudClient(check: Session['audClient']): string {
  if (check.status === 'match')
    return `access token issued to the result's aud (${check.clientId})`;
  if (check.status === 'mismatch') return `access token issued to ${check.clientId}, not the aud`;
  return `access token client vs aud: can't tell (${check.reason})`;
}

const LOCATION_WORDS: Record<string, string> = {
  'request.header': 'request header',
  'request.body': 'request body',
  'request.query': 'query',
  'response.header': 'response header',
  'response.body': 'response body',
};

/** "response body $.access_token" for the core's "response.body $.access_token"; '—' for none. */
export function describeTimelineWhere(where: readonly string[]): string {
  if (where.length === 0) return '—';
  return where
    .map((place) => {
      const space = place.indexOf(' ');
      const location = space === -1 ? place : place.slice(0, space);
      const words = LOCATION_WORDS[location];
      return words === undefined ? place : `${words}${space === -1 ? '' : place.slice(space)}`;
    })
    .join(', ');
}
