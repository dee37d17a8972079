// Wording of the session view: finding titles, timeline roles, session titles and counts.
import type { Session } from './build';
import type { SessionFindingCode } from './findings';
import type { TimelineRole } from './state';

/** A short title per finding code (summary chips and finding headings). */
export const FINDING_TITLES: Record<SessionFindingCode, string> = {
  'nonce-mismatch': 'Nonce mismatch',
  'session-id-mismatch': 'Session id mismatch',
  'result-altered': 'Result altered before the backend',
  'aud-client-mismatch': 'Access token of another client',
  'result-posted-twice': 'Result posted twice',
  'secret-in-browser': 'Client secret sent from the browser',
  'excess-scope-in-browser': 'Access token with excess scopes in the page',
  'result-over-http': 'Result sent over plain http',
  'result-in-url': 'Result in a URL',
  'no-nonce': 'No nonce',
  'expired-result-posted': 'Expired result posted',
  'backend-accepted-invalid': 'Backend accepted an invalid result',
  'backend-rejected-valid': 'Backend refused a valid result',
};

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

/** The session's headline: its document type, "Face session", or "Session" before a result. */
export function describeSessionTitle(session: Pick<Session, 'documentType' | 'face'>): string {
  if (session.documentType !== undefined) return session.documentType;
  return session.face ? 'Face session' : 'Session';
}

/** "face match 3/5", or '' without a match level. */
export function describeFaceMatch(level: number | undefined): string {
  return level === undefined ? '' : `face match ${level}/5`;
}

/** "1 request", "4 requests". */
export function describeRequestCount(count: number): string {
  return `${count} request${count === 1 ? '' : 's'}`;
}

/** "2 errors · 1 warning", or "no integration findings". */
export function describeFindingCounts(errors: number, warnings: number): string {
  const parts: string[] = [];
  if (errors > 0) parts.push(`${errors} error${errors === 1 ? '' : 's'}`);
  if (warnings > 0) parts.push(`${warnings} warning${warnings === 1 ? '' : 's'}`);
  return parts.length > 0 ? parts.join(' · ') : 'no integration findings';
}

/** "3 captures outside any session". */
export function describeUngrouped(count: number): string {
  return `${count} capture${count === 1 ? '' : 's'} outside any session`;
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
