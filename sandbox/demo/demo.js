// Demo integrator app: backend token + nonce → enrolment (or face session) → result fetch like the web SDK → post to own backend.
'use strict';

const MAX_LOG_LINES = 200;

const statusEl = document.getElementById('status');
const sessionEl = document.getElementById('session');
const resultEl = document.getElementById('result');
const logEl = document.getElementById('log');
const backendEl = document.getElementById('backend');
const modeEl = document.getElementById('backend-mode');
const buttons = Array.from(document.querySelectorAll('button[data-scenario]'));

/** Appends one line to the on-page log (text only). */
function log(message) {
  const item = document.createElement('li');
  item.textContent = `${new Date().toLocaleTimeString()}  ${message}`;
  logEl.append(item);
  while (logEl.children.length > MAX_LOG_LINES) logEl.firstElementChild.remove();
}

/** Sets the status text and the data-state attribute automation waits on. */
function setStatus(state, text, scenario) {
  statusEl.dataset.state = state;
  statusEl.dataset.scenario = scenario;
  statusEl.textContent = text;
}

/** Reads a JSON error body `{error, message}` into a readable string. */
async function describeFailure(response) {
  const text = await response.text();
  try {
    const body = JSON.parse(text);
    return `HTTP ${response.status} ${body.error ?? ''}: ${body.message ?? text}`;
  } catch {
    return `HTTP ${response.status}: ${text.slice(0, 200)}`;
  }
}

/** Loads the demo client credentials the sandbox publishes for this page. */
async function loadConfig() {
  const response = await fetch('/demo/config.json');
  if (!response.ok) throw new Error(`config: ${await describeFailure(response)}`);
  return response.json();
}

/**
 * Integration mistakes the "Mistakes" buttons make on purpose, one each, so the panel's session
 * checks have something to find. The normal flow is the careful one: token and nonce from the
 * backend, the result posted once, unchanged, in a request body.
 */
const VARIANTS = {
  normal: {},
  'wrong-nonce': { wrongNonce: true },
  'wrong-session-id': { otherJti: true },
  altered: { altered: true },
  secret: { browserSecret: true },
  'excess-scope': { scope: 'all' },
  'other-client': { client: 'scan-only' },
  twice: { twice: true },
  'in-url': { inUrl: true },
  'no-nonce': { noNonce: true },
};

/** Step 1 — the integrator's backend mints a nonce and (normally) hands the page an SDK-only token. */
async function startBackendSession(variant) {
  const response = await fetch('/demo/backend/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      withToken: !variant.browserSecret,
      client: variant.client ?? 'demo',
      scope: variant.scope ?? 'sdk',
    }),
  });
  if (!response.ok) throw new Error(`backend session: ${await describeFailure(response)}`);
  const body = await response.json();
  if (body.access_token) log(`backend gave an access token (scope "${body.scope}") and a nonce`);
  return body;
}

/** The mistake: the page asks the token endpoint itself, shipping the client secret to the browser. */
async function fetchAccessTokenInBrowser() {
  const config = await loadConfig();
  const response = await fetch('/api/oauth/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: config.clientId,
      client_secret: config.clientSecret,
      scope: 'KYC_SCAN_SDK',
    }),
  });
  if (!response.ok) throw new Error(`token: ${await describeFailure(response)}`);
  const body = await response.json();
  log(`the page requested a token with the client secret (scope "${body.scope}")`);
  return body.access_token;
}

/** Step 2 — stands in for the user going through the SDK: the sandbox creates a finished session. */
async function runEnrolment(scenario, encrypt, nonce, jti) {
  const response = await fetch('/sandbox/sessions', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ scenario, encrypt, nonce, jti }),
  });
  if (!response.ok) throw new Error(`enrolment: ${await describeFailure(response)}`);
  const body = await response.json();
  log(`enrolment finished: session ${body.sessionId}`);
  return body.sessionId;
}

/** Where the Web SDK receives a scenario's result, and how it asks for it. */
function resultRequest(scenario) {
  // A face session's JWS is the answer to the SDK's face match call; enrolments read /api/v2/info.
  if (scenario === 'face-session') return { path: '/api/v2/face/bioid/match', method: 'POST' };
  return { path: scenario === 'partial' ? '/api/v2/infop' : '/api/v2/info', method: 'GET' };
}

/** Step 3 — what the web SDK does: fetch the result JWS with the session id and nonce headers. */
async function fetchResult(scenario, accessToken, sessionId, nonce) {
  const { path, method } = resultRequest(scenario);
  const headers = { Authorization: `Bearer ${accessToken}`, 'UQ-Session-ID': sessionId };
  if (nonce !== undefined) headers['UQ-Nonce'] = nonce;
  const response = await fetch(path, { method, headers });
  if (!response.ok) throw new Error(`result: ${await describeFailure(response)}`);
  // text() (not blob()) so DevTools keeps the body for the extension to read.
  const token = await response.text();
  log(
    `result from ${method} ${path}: ${token.split('.').length === 5 ? 'JWE' : 'JWS'}, ${token.length} chars`,
  );
  return token;
}

/** Step 4 — the page hands the result to its own backend; a refusal is an answer, not a failure. */
async function postToBackend(jwsResult, inUrl) {
  const mode = modeEl.value === 'naive' ? 'naive' : 'strict';
  const query = new URLSearchParams({ mode });
  if (inUrl) query.set('jwsResult', jwsResult);
  const response = await fetch(`/demo/backend/result?${query}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(inUrl ? {} : { jwsResult }),
  });
  const text = await response.text();
  backendEl.dataset.status = String(response.status);
  backendEl.textContent = `${mode} backend: HTTP ${response.status} ${text.slice(0, 200)}`;
  log(`${mode} backend answered HTTP ${response.status}`);
}

/** A copy of the result that lost its last characters on the way (a truncated field, say). */
function truncate(token) {
  return token.slice(0, Math.max(0, token.length - 8));
}

/** Runs one scenario end to end, with the button's integration mistake if any. */
async function run(button) {
  const scenario = button.dataset.scenario;
  const encrypt = button.dataset.encrypt === 'true';
  const variant = VARIANTS[button.dataset.variant ?? 'normal'] ?? {};
  const label = button.dataset.variant
    ? `${scenario} (${button.dataset.variant})`
    : encrypt
      ? `${scenario} (encrypted)`
      : scenario;
  buttons.forEach((b) => (b.disabled = true));
  setStatus('running', `running ${label}…`, scenario);
  sessionEl.textContent = '';
  backendEl.textContent = '';
  delete backendEl.dataset.status;
  log(`— ${label} —`);
  try {
    const backend = await startBackendSession(variant);
    const accessToken = variant.browserSecret
      ? await fetchAccessTokenInBrowser()
      : backend.access_token;
    const nonce = variant.noNonce ? undefined : backend.nonce;
    // wrong-nonce: the SDK session carries a nonce other than the one the page sends.
    const sessionNonce = variant.wrongNonce ? crypto.randomUUID() : nonce;
    const jti = variant.otherJti ? crypto.randomUUID() : undefined;
    const sessionId = await runEnrolment(scenario, encrypt, sessionNonce, jti);
    sessionEl.textContent = `session ${sessionId}`;
    const token = await fetchResult(scenario, accessToken, sessionId, nonce);
    resultEl.textContent = token;
    await postToBackend(variant.altered ? truncate(token) : token, variant.inUrl === true);
    if (variant.twice) await postToBackend(token, false);
    setStatus('done', `done: ${label}`, scenario);
  } catch (error) {
    log(`failed: ${error instanceof Error ? error.message : String(error)}`);
    setStatus('error', `failed: ${label}`, scenario);
  } finally {
    buttons.forEach((b) => (b.disabled = false));
  }
}

/** Sandbox helper: the strict backend forgets which results it has seen. */
async function resetBackend() {
  const response = await fetch('/demo/backend/reset', { method: 'POST' });
  log(`backend reset: HTTP ${response.status}`);
}

for (const button of buttons) button.addEventListener('click', () => run(button));
document.getElementById('reset-backend').addEventListener('click', () => resetBackend());

// ?backend=naive picks the backend; ?run=passport (or any button suffix, e.g. passport-encrypted,
// mistake-wrong-nonce) starts a scenario for automation.
const params = new URLSearchParams(location.search);
if (params.get('backend') === 'naive') modeEl.value = 'naive';
const autoRun = params.get('run');
if (autoRun) {
  const button = buttons.find((b) => b.id === `run-${autoRun}`);
  if (button) run(button);
  else log(`unknown scenario in ?run=: ${autoRun}`);
}
