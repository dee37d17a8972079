// Issue 13 §2, pure parts: where the token sits in a captured backend request, the test plan, substitution, judging.
import type { Header } from '../capture/exchange';
import { isFormMimeType, isJsonMimeType } from '../capture/filter';
import { isUqudoTarget } from './uqudo-target';

export { isUqudoTarget };

/** The mutations of the backend acceptance test, in the order they are sent. */
export const MUTATIONS = [
  'control',
  'payload-altered',
  'alg-none',
  'foreign-key',
  'embedded-jwk',
  'unknown-kid',
  'replay',
  'expired',
] as const;
/** One row of the acceptance test. */
export type Mutation = (typeof MUTATIONS)[number];

/** Where the result token sits in the request body. */
export type TokenLocation =
  { kind: 'json'; path: (string | number)[] } | { kind: 'form'; field: string } | { kind: 'raw' };

/** The captured "result posted to the backend" request. */
export interface CapturedRequest {
  method: string;
  url: string;
  headers: readonly Header[];
  body?: string;
  mimeType?: string;
}

/** One request of the test: which mutation, and what it proves. */
interface PlannedStep {
  mutation: Mutation;
  description: string;
}

/** What the test will send (the UI confirms origin and count before sending). */
export interface BackendTestPlan {
  method: string;
  url: string;
  origin: string;
  location: TokenLocation;
  steps: PlannedStep[];
}

/** Options of planBackendTest. */
export interface PlanOptions {
  /** Include the `expired` row (only when the panel holds an expired result for this client). */
  hasExpiredResult?: boolean;
  /** Hard cap on the number of requests (default and maximum: one per mutation). */
  maxRequests?: number;
}

const DESCRIPTIONS: Record<Mutation, string> = {
  control: 'the captured request, unchanged',
  'payload-altered': 'payload changed (face match level, document number), signature kept',
  'alg-none': 'header alg "none", signature removed',
  'foreign-key': 'signed by a key that is not the Uqudo key',
  'embedded-jwk': 'signed by a foreign key that is embedded as the jwk header',
  'unknown-kid': 'signed under a kid the JWKS does not publish',
  replay: 'the same result again (its jti and nonce were already used)',
  expired: 'an expired result for this client',
};

/** Largest body the test parses to locate the token. */
const MAX_BODY_CHARS = 1024 * 1024;

function contentTypeOf(request: CapturedRequest): string {
  const header = request.headers.find((h) => h.name.toLowerCase() === 'content-type');
  return header?.value ?? request.mimeType ?? '';
}

/** Finds the JSON path of the string leaf equal to `token` (iterative; first match in document order). */
function findJsonPath(value: unknown, token: string): (string | number)[] | undefined {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: current, path } = stack.pop()!;
    if (current === token) return path;
    if (typeof current !== 'object' || current === null || path.length > 32) continue;
    const entries: [string | number, unknown][] = Array.isArray(current)
      ? current.map((v, i) => [i, v])
      : Object.entries(current);
    for (let i = entries.length - 1; i >= 0; i -= 1) {
      const [key, child] = entries[i]!;
      stack.push({ value: child, path: [...path, key] });
    }
  }
  return undefined;
}

/** Where `token` sits in a body: a JSON string leaf, a form field, or somewhere in the raw text. */
export function locateToken(
  body: string,
  token: string,
  contentType: string,
): TokenLocation | undefined {
  if (token === '' || body.length > MAX_BODY_CHARS || !body.includes(token)) return undefined;
  if (isJsonMimeType(contentType) || /^\s*[[{]/.test(body)) {
    try {
      const path = findJsonPath(JSON.parse(body), token);
      if (path) return { kind: 'json', path };
    } catch {
      // not JSON: fall through to form or raw
    }
  }
  if (isFormMimeType(contentType)) {
    for (const [field, value] of new URLSearchParams(body)) {
      if (value === token) return { kind: 'form', field };
    }
  }
  return { kind: 'raw' };
}

/** Writes `value` at `path` in a copy of parsed JSON; false when the path no longer exists. */
function setAtPath(root: unknown, path: (string | number)[], value: string): boolean {
  let current: unknown = root;
  for (let i = 0; i < path.length - 1; i += 1) {
    if (typeof current !== 'object' || current === null) return false;
    current = (current as Record<string | number, unknown>)[path[i]!];
  }
  const last = path[path.length - 1];
  if (last === undefined || typeof current !== 'object' || current === null) return false;
  if (!(last in current)) return false;
  (current as Record<string | number, unknown>)[last] = value;
  return true;
}

/**
 * The body with the token at `location` replaced by `newToken` (JSON re-serialized, form field
 * re-encoded, raw text: every occurrence of `oldToken` replaced). Never throws.
 */
export function substituteToken(
  body: string,
  location: TokenLocation,
  newToken: string,
  oldToken?: string,
): { ok: true; body: string } | { ok: false; message: string } {
  if (location.kind === 'json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return { ok: false, message: 'the body is not JSON' };
    }
    if (location.path.length === 0) return { ok: true, body: JSON.stringify(newToken) };
    if (!setAtPath(parsed, location.path, newToken)) {
      return { ok: false, message: 'the JSON path is not in the body' };
    }
    return { ok: true, body: JSON.stringify(parsed) };
  }
  if (location.kind === 'form') {
    const form = new URLSearchParams(body);
    if (!form.has(location.field))
      return { ok: false, message: 'the form field is not in the body' };
    form.set(location.field, newToken);
    return { ok: true, body: form.toString() };
  }
  if (oldToken === undefined || !body.includes(oldToken)) {
    return { ok: false, message: 'the token is not in the body' };
  }
  return { ok: true, body: body.split(oldToken).join(newToken) };
}

/** Plans the acceptance test for one captured backend request, or says why it cannot run. */
export function planBackendTest(
  request: CapturedRequest,
  token: string,
  options: PlanOptions = {},
): { ok: true; plan: BackendTestPlan } | { ok: false; reason: string } {
  let origin: string;
  try {
    const url = new URL(request.url);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      return { ok: false, reason: 'only http(s) requests can be tested' };
    }
    origin = url.origin;
  } catch {
    return { ok: false, reason: 'the request URL does not parse' };
  }
  if (isUqudoTarget(request.url)) return { ok: false, reason: 'never sent to a Uqudo host' };
  if (typeof request.body !== 'string')
    return { ok: false, reason: 'the request body was not captured' };
  const location = locateToken(request.body, token, contentTypeOf(request));
  if (!location) return { ok: false, reason: 'the result is not in the request body' };
  const cap = Math.min(options.maxRequests ?? MUTATIONS.length, MUTATIONS.length);
  const steps = MUTATIONS.filter((m) => m !== 'expired' || options.hasExpiredResult === true)
    .slice(0, Math.max(0, cap))
    .map((mutation) => ({ mutation, description: DESCRIPTIONS[mutation] }));
  return { ok: true, plan: { method: request.method, url: request.url, origin, location, steps } };
}

/** A backend's answer as the test compares it. `status` 0 means the request failed (network, CORS). */
export interface BackendAnswer {
  status: number;
  body?: string;
  contentType?: string;
}

/** How one mutation fared. */
export type Outcome = 'accepted' | 'rejected' | 'error';

function parseJson(answer: BackendAnswer): { ok: true; value: unknown } | { ok: false } {
  if (typeof answer.body !== 'string' || !isJsonMimeType(answer.contentType ?? ''))
    return { ok: false };
  try {
    return { ok: true, value: JSON.parse(answer.body) };
  } catch {
    return { ok: false };
  }
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((k) =>
    sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

/**
 * Judges one answer against the control's: the same status (and the same JSON body when both are
 * JSON) is `accepted`; a different 4xx is `rejected`; anything else (network failure, 5xx, another
 * 2xx, a control that itself failed) is `error`.
 */
export function judgeAnswer(control: BackendAnswer, answer: BackendAnswer): Outcome {
  if (control.status < 200 || control.status >= 300 || answer.status === 0) return 'error';
  if (answer.status === control.status) {
    const a = parseJson(control);
    const b = parseJson(answer);
    if (a.ok !== b.ok) return 'error';
    return !a.ok || (b.ok && sameJson(a.value, b.value)) ? 'accepted' : 'error';
  }
  return answer.status >= 400 && answer.status < 500 ? 'rejected' : 'error';
}
