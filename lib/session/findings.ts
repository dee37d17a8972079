// Session findings: the codes, severities and Uqudo's recommendation for each, and the panel summary.

/** Every session finding code and its fixed severity. */
const SESSION_FINDING_SEVERITIES = {
  'nonce-mismatch': 'error',
  'session-id-mismatch': 'error',
  'result-altered': 'error',
  'aud-client-mismatch': 'error',
  'result-posted-twice': 'warning',
  'secret-in-browser': 'error',
  'excess-scope-in-browser': 'warning',
  'result-over-http': 'warning',
  'result-in-url': 'warning',
  'no-nonce': 'warning',
  'expired-result-posted': 'warning',
  'backend-accepted-invalid': 'error',
  'backend-rejected-valid': 'warning',
} as const;

/** A session finding code. */
export type SessionFindingCode = keyof typeof SESSION_FINDING_SEVERITIES;
/** How bad a session finding is. */
type SessionSeverity = 'error' | 'warning';

/** One observation about a session, with what Uqudo recommends. */
export interface SessionFinding {
  code: SessionFindingCode;
  severity: SessionSeverity;
  message: string;
  /** Uqudo's recommendation, one sentence. */
  recommendation: string;
}

/** Uqudo's recommendation for each code (docs.uqudo.com, SDK result → Security & Best Practices). */
const RECOMMENDATIONS: Record<SessionFindingCode, string> = {
  'nonce-mismatch':
    'Mint the nonce on your backend, pass it to the SDK and compare it with data.nonce before trusting the result.',
  'session-id-mismatch':
    'Set your own session id and check that the result’s jti (data.sessionId for face sessions) equals it.',
  'result-altered':
    'Send the result to your backend exactly as the SDK returned it and verify the JWS signature there.',
  'aud-client-mismatch': 'Check that the result’s aud is your own client id before trusting it.',
  'result-posted-twice':
    'Accept each result once: remember its jti on your backend and refuse a second use.',
  'secret-in-browser':
    'Request access tokens on your backend only; the client secret must never reach the browser.',
  'excess-scope-in-browser':
    'Give the page an access token with only the scopes the SDK needs; keep Info API access on your backend.',
  'result-over-http': 'Send the result to your backend over HTTPS only.',
  'result-in-url':
    'Send the result in a request body, never in a URL where logs and history keep it.',
  'no-nonce':
    'Mint a nonce on your backend for every session and pass it to the SDK so the result carries it.',
  'expired-result-posted':
    'Refuse results whose exp has passed; an expired JWS still verifies, so check exp yourself.',
  'backend-accepted-invalid':
    'Verify the signature, exp, nonce and one-time use on your backend and refuse the result when any check fails.',
  'backend-rejected-valid':
    'A valid result was refused: check your backend’s key set (JWKS), clock and nonce handling.',
};

/** Builds a finding with the code's fixed severity and recommendation. */
export function createSessionFinding(code: SessionFindingCode, message: string): SessionFinding {
  return {
    code,
    severity: SESSION_FINDING_SEVERITIES[code],
    message,
    recommendation: RECOMMENDATIONS[code],
  };
}

/** Counts per finding code across sessions, for the summary at the top of the panel. */
export interface SessionSummary {
  sessions: number;
  errors: number;
  warnings: number;
  byCode: Partial<Record<SessionFindingCode, number>>;
}

/** Counts the findings of all sessions, per code and per severity (linear in the findings). */
export function summarizeSessions(
  sessions: readonly { findings: readonly SessionFinding[] }[],
): SessionSummary {
  const summary: SessionSummary = { sessions: sessions.length, errors: 0, warnings: 0, byCode: {} };
  for (const session of sessions) {
    for (const finding of session.findings) {
      summary.byCode[finding.code] = (summary.byCode[finding.code] ?? 0) + 1;
      if (finding.severity === 'error') summary.errors += 1;
      else summary.warnings += 1;
    }
  }
  return summary;
}
