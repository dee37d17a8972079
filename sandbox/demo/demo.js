// Demo integrator app: token → enrolment (or face session) → result fetch like the web SDK → post to own backend.
'use strict';

const MAX_LOG_LINES = 200;

const statusEl = document.getElementById('status');
const sessionEl = document.getElementById('session');
const resultEl = document.getElementById('result');
const logEl = document.getElementById('log');
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

/** Step 1 — what a backend does: client-credentials grant against the Authorisation API. */
async function fetchAccessToken(config) {
  const response = await fetch('/api/oauth/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: config.clientId,
      client_secret: config.clientSecret,
    }),
  });
  if (!response.ok) throw new Error(`token: ${await describeFailure(response)}`);
  const body = await response.json();
  log(`access token received (scope "${body.scope}", expires in ${body.expires_in} s)`);
  return body.access_token;
}

/** Step 2 — stands in for the user going through the SDK: the sandbox creates a finished session. */
async function runEnrolment(scenario, encrypt, nonce) {
  const response = await fetch('/sandbox/sessions', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ scenario, encrypt, nonce }),
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
  const response = await fetch(path, {
    method,
    headers: {
      Authorization: `Bearer ${accessToken}`,
      'UQ-Session-ID': sessionId,
      'UQ-Nonce': nonce,
    },
  });
  if (!response.ok) throw new Error(`result: ${await describeFailure(response)}`);
  // text() (not blob()) so DevTools keeps the body for the extension to read.
  const token = await response.text();
  log(
    `result from ${method} ${path}: ${token.split('.').length === 5 ? 'JWE' : 'JWS'}, ${token.length} chars`,
  );
  return token;
}

/** Step 4 — the page hands the result to its own backend, as integrators do. */
async function postToBackend(jwsResult) {
  const response = await fetch('/demo/backend/result', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ jwsResult }),
  });
  if (!response.ok) throw new Error(`backend: ${await describeFailure(response)}`);
  const body = await response.json();
  log(`backend received the result (${body.format})`);
}

/** Runs one scenario end to end. */
async function run(button) {
  const scenario = button.dataset.scenario;
  const encrypt = button.dataset.encrypt === 'true';
  const label = encrypt ? `${scenario} (encrypted)` : scenario;
  buttons.forEach((b) => (b.disabled = true));
  setStatus('running', `running ${label}…`, scenario);
  sessionEl.textContent = '';
  log(`— ${label} —`);
  try {
    // A real app mints the nonce on its backend and checks data.nonce there.
    const nonce = crypto.randomUUID();
    const config = await loadConfig();
    const accessToken = await fetchAccessToken(config);
    const sessionId = await runEnrolment(scenario, encrypt, nonce);
    sessionEl.textContent = `session ${sessionId}`;
    const token = await fetchResult(scenario, accessToken, sessionId, nonce);
    resultEl.textContent = token;
    await postToBackend(token);
    setStatus('done', `done: ${label}`, scenario);
  } catch (error) {
    log(`failed: ${error instanceof Error ? error.message : String(error)}`);
    setStatus('error', `failed: ${label}`, scenario);
  } finally {
    buttons.forEach((b) => (b.disabled = false));
  }
}

for (const button of buttons) button.addEventListener('click', () => run(button));

// ?run=passport (or any button suffix, e.g. passport-encrypted) starts a scenario for automation.
const autoRun = new URLSearchParams(location.search).get('run');
if (autoRun) {
  const button = buttons.find((b) => b.id === `run-${autoRun}`);
  if (button) run(button);
  else log(`unknown scenario in ?run=: ${autoRun}`);
}
