// What `npm run demo -- --check` expects of each sandbox scenario, and how it judges what the panel shows.
import { Buffer } from 'node:buffer';

/**
 * The verdict every row of a scenario must show in the panel (keys: the demo page's button ids
 * without `run-`). Good results verify against the sandbox JWKS; broken ones fail; the JWE stays
 * encrypted because the check gives the panel no private key.
 */
export const EXPECTED_VERDICTS = Object.freeze({
  passport: 'valid',
  'passport-encrypted': 'encrypted',
  'uae-id': 'valid',
  'sau-id': 'valid',
  'face-session': 'valid',
  partial: 'valid',
  expired: 'invalid',
  tampered: 'invalid',
  'unknown-kid': 'invalid',
  'alg-none': 'invalid',
});

/**
 * How to find a scenario's rows in the panel from the token the demo page received: by the JWS
 * payload's `jti` (rows carry `data-jti`, wherever the token was captured), or — for a JWE, whose
 * jti is hidden — as the rows the panel shows as encrypted with no jti.
 * @param {string} token compact JWS or JWE
 * @returns {{ jti: string } | { encrypted: true } | { error: string }}
 */
export function describeRowKey(token) {
  const segments = typeof token === 'string' ? token.trim().split('.') : [];
  if (segments.length === 5) return { encrypted: true };
  if (segments.length !== 3) return { error: 'the page shows no compact JWS or JWE' };
  try {
    const payload = JSON.parse(Buffer.from(segments[1] ?? '', 'base64url').toString('utf8'));
    if (typeof payload?.jti === 'string' && payload.jti !== '') return { jti: payload.jti };
    return { error: 'the result has no jti' };
  } catch {
    return { error: 'the result payload is not JSON' };
  }
}

/**
 * Judges the verdicts seen per scenario: every row of a scenario must show its expected verdict,
 * a scenario with no row fails, and a scenario without an expectation fails (so a new scenario
 * cannot slip through unchecked).
 * @param {{ scenario: string, verdicts: string[], problem?: string }[]} observed
 * @returns {{ ok: boolean, lines: string[], rows: number, wrong: number }}
 */
export function judgeVerdicts(observed) {
  const width = Math.max(0, ...observed.map((o) => o.scenario.length));
  const lines = [];
  let rows = 0;
  let wrong = 0;
  for (const { scenario, verdicts, problem } of observed) {
    const expected = Object.hasOwn(EXPECTED_VERDICTS, scenario)
      ? EXPECTED_VERDICTS[scenario]
      : undefined;
    const seen = [...new Set(verdicts)].join(', ') || 'no rows';
    rows += verdicts.length;
    let verdict;
    if (problem) verdict = `FAIL (${problem})`;
    else if (!expected) verdict = 'FAIL (no expected verdict: add it to scripts/demo-verdicts.mjs)';
    else if (verdicts.length === 0) verdict = `FAIL (expected ${expected})`;
    else if (verdicts.some((v) => v !== expected)) verdict = `FAIL (expected ${expected})`;
    else verdict = 'ok';
    if (verdict !== 'ok') wrong += 1;
    const count = `${verdicts.length} row${verdicts.length === 1 ? '' : 's'}`;
    lines.push(`${scenario.padEnd(width)}  ${seen} (${count})  ${verdict}`);
  }
  return { ok: observed.length > 0 && wrong === 0, lines, rows, wrong };
}
