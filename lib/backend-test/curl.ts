// renderTestCurl: one backend-test row as a cURL command, the result and the page's credentials left to shell variables.
import { quote } from '../replay/curl';
import { substituteToken } from '../session/backend-test';
import type { BackendTestRun, TestRow } from './machine';

/** Shell variable standing for the row's result token unless the user includes it. */
const RESULT_VARIABLE = 'UQUDO_RESULT';
/** Shell variables standing for the page's credentials (never written out unless asked). */
const COOKIE_VARIABLE = 'BACKEND_COOKIE';
const AUTHORIZATION_VARIABLE = 'BACKEND_AUTHORIZATION';
const CSRF_VARIABLE = 'BACKEND_CSRF_TOKEN';
/** Survives JSON serialisation and form encoding unchanged, so it can be swapped after quoting. */
const PLACEHOLDER = 'UQUDOINSPECTORRESULTPLACEHOLDER';

function headerLine(name: string, value: string, variable: string | undefined): string {
  return variable === undefined
    ? `--header ${quote(`${name}: ${value}`)}`
    : `--header "${name}: $${variable}"`;
}

/**
 * The command that resends `row` of `run`: the captured method, URL and copied headers, and the
 * body with the row's token. Unless `includeSecrets`, the token is `"$UQUDO_RESULT"` and the
 * Authorization / anti-CSRF headers are shell variables; the Cookie header (sent by the browser,
 * never read by the panel) is always `"$BACKEND_COOKIE"`. Undefined for a row that sent nothing.
 */
export function renderTestCurl(
  run: BackendTestRun,
  row: TestRow,
  includeSecrets: boolean,
): string | undefined {
  if (row.token === undefined) return undefined;
  const body = substituteToken(
    run.body,
    run.plan.location,
    includeSecrets ? row.token : PLACEHOLDER,
    run.token,
  );
  if (!body.ok) return undefined;
  const head = ['curl', '--silent', '--show-error'];
  if (run.plan.method !== 'POST') head.push(`--request ${quote(run.plan.method)}`);
  head.push(quote(run.plan.url));
  const parts = [head.join(' ')];
  const csrf = new Set(run.credentials.csrfHeaders.map((name) => name.toLowerCase()));
  for (const header of run.headers) {
    const lower = header.name.toLowerCase();
    const variable = includeSecrets
      ? undefined
      : lower === 'authorization'
        ? AUTHORIZATION_VARIABLE
        : csrf.has(lower)
          ? CSRF_VARIABLE
          : undefined;
    parts.push(headerLine(header.name, header.value, variable));
  }
  if (run.credentials.cookie) parts.push(headerLine('Cookie', '', COOKIE_VARIABLE));
  const data = quote(body.body).split(PLACEHOLDER).join(`'"$${RESULT_VARIABLE}"'`);
  parts.push(`--data-raw ${data}`);
  return parts.join(' \\\n  ');
}
