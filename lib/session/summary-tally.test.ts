// Tests for SessionSummaryTally: after any sequence of sessions set and rebuilt it equals summarizeSessions, key order included.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createSessionFinding,
  summarizeSessions,
  type SessionFinding,
  type SessionFindingCode,
} from './findings';
import { SessionSummaryTally } from './summary-tally';

const CODES: SessionFindingCode[] = [
  'nonce-mismatch',
  'no-nonce',
  'result-posted-twice',
  'result-in-url',
  'secret-in-browser',
];

const findingsOf = (codes: readonly SessionFindingCode[]): SessionFinding[] =>
  codes.map((code) => createSessionFinding(code, code));

/** What summarizeSessions says over the sessions newest first (the order the list shows). */
function expected(sessions: Map<string, { seq: number; findings: SessionFinding[] }>) {
  const newestFirst = [...sessions.values()].sort((a, b) => b.seq - a.seq);
  return summarizeSessions(newestFirst);
}

describe('SessionSummaryTally', () => {
  it('counts sessions, severities and codes in summarizeSessions’ order', () => {
    const tally = new SessionSummaryTally();
    tally.set('a', 0, findingsOf(['no-nonce', 'nonce-mismatch']));
    tally.set('b', 1, findingsOf(['result-in-url', 'no-nonce']));
    const summary = tally.summary();
    expect(summary).toEqual({
      sessions: 2,
      errors: 1,
      warnings: 3,
      byCode: { 'result-in-url': 1, 'no-nonce': 2, 'nonce-mismatch': 1 },
    });
    expect(Object.keys(summary.byCode)).toEqual(['result-in-url', 'no-nonce', 'nonce-mismatch']);
    // Unchanged findings keep the same summary object; a rebuilt session replaces its counts.
    expect(tally.summary()).toBe(summary);
    tally.set('b', 1, findingsOf([]));
    expect(tally.summary()).not.toBe(summary);
    expect(Object.keys(tally.summary().byCode)).toEqual(['no-nonce', 'nonce-mismatch']);
    tally.clear();
    expect(tally.summary()).toEqual({ sessions: 0, errors: 0, warnings: 0, byCode: {} });
  });

  it('equals summarizeSessions after any sequence of new and rebuilt sessions', () => {
    const step = fc.record({
      session: fc.nat({ max: 6 }),
      codes: fc.array(fc.constantFrom(...CODES), { maxLength: 4 }),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const tally = new SessionSummaryTally();
        const sessions = new Map<string, { seq: number; findings: SessionFinding[] }>();
        for (const { session, codes } of steps) {
          const id = `s${session}`;
          // A session keeps the place it was created at; new ones come after every other.
          const seq = sessions.get(id)?.seq ?? sessions.size;
          const findings = findingsOf(codes);
          sessions.set(id, { seq, findings });
          tally.set(id, seq, findings);
          const want = expected(sessions);
          const got = tally.summary();
          expect(got).toEqual(want);
          expect(Object.keys(got.byCode)).toEqual(Object.keys(want.byCode));
        }
      }),
    );
  });
});
