// Wording of the session list: finding titles, session titles and counts (an expanded session's is in detail-text.ts).
import type { Session } from './build';
import type { SessionFindingCode } from './findings';

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
