// The sandbox's scenarios: names, images, lifetimes, and the claim set of each result (payloads in payloads/).
import type { ImageKind, ScenarioContext } from './payloads/context';
import { buildFaceSessionData } from './payloads/face-session';
import { buildPartialData, buildPassportData } from './payloads/passport';
import { buildSauIdData } from './payloads/sau-id';
import { buildUaeIdData } from './payloads/uae-id';

export type { ImageKind, ScenarioContext } from './payloads/context';
export { computeCheckDigit } from './payloads/mrz';

/** Every scenario `POST /sandbox/sessions` accepts. */
export const SCENARIOS = [
  'passport',
  'uae-id',
  'sau-id',
  'face-session',
  'expired',
  'tampered',
  'unknown-kid',
  'alg-none',
  'partial',
] as const;

/** A scenario name. */
export type Scenario = (typeof SCENARIOS)[number];

/** Default `exp - iat` per scenario (face sessions live 600 s, enrolments 1800 s). */
const DEFAULT_LIFETIME_SECONDS = 1800;
const FACE_SESSION_LIFETIME_SECONDS = 600;

/** Tells whether a value names a known scenario. */
export function isScenario(value: unknown): value is Scenario {
  return typeof value === 'string' && (SCENARIOS as readonly string[]).includes(value);
}

/** Reports whether a scenario is a face session (its result carries its own session id in `data.sessionId`). */
export function usesSeparateResultId(scenario: Scenario): boolean {
  return scenario === 'face-session';
}

/** Lists the images a scenario's result references (each gets its own 24-hex id). */
export function listImageKinds(scenario: Scenario): ImageKind[] {
  switch (scenario) {
    case 'uae-id':
    case 'sau-id':
      return ['portrait', 'front', 'front-frame', 'back', 'back-frame', 'selfie'];
    case 'face-session':
      return ['selfie'];
    case 'partial':
      return ['portrait', 'front', 'front-frame'];
    default:
      return ['portrait', 'front', 'front-frame', 'selfie'];
  }
}

/**
 * Computes `iat`/`exp` for a new session. `lifetimeSeconds` overrides the scenario default; a value
 * ≤ 0 yields a session that has already expired. The `expired` scenario is issued in the past.
 */
export function planLifetime(
  scenario: Scenario,
  nowSeconds: number,
  lifetimeSeconds?: number,
): { issuedAt: number; expiresAt: number } {
  const fallback =
    scenario === 'face-session' ? FACE_SESSION_LIFETIME_SECONDS : DEFAULT_LIFETIME_SECONDS;
  const lifetime = lifetimeSeconds ?? fallback;
  if (scenario === 'expired') {
    const span = lifetime > 0 ? lifetime : fallback;
    const issuedAt = nowSeconds - span - 3600;
    return { issuedAt, expiresAt: issuedAt + span };
  }
  if (lifetime > 0) return { issuedAt: nowSeconds, expiresAt: nowSeconds + lifetime };
  const expiresAt = nowSeconds + lifetime;
  return { issuedAt: expiresAt - fallback, expiresAt };
}

/** The `data` object of a scenario's result; the broken-on-purpose scenarios carry a passport. */
function buildScenarioData(scenario: Scenario, ctx: ScenarioContext): Record<string, unknown> {
  switch (scenario) {
    case 'uae-id':
      return buildUaeIdData(ctx);
    case 'sau-id':
      return buildSauIdData(ctx);
    case 'face-session':
      return buildFaceSessionData(ctx);
    case 'partial':
      return buildPartialData(ctx);
    default:
      return buildPassportData(ctx);
  }
}

/** Builds the full claim set of a scenario's result JWS (iss, aud, iat, exp, jti, data). */
export function buildResultClaims(
  scenario: Scenario,
  ctx: ScenarioContext,
): Record<string, unknown> & { data: Record<string, unknown> } {
  const data = buildScenarioData(scenario, ctx);
  if (ctx.nonce !== undefined) data.nonce = ctx.nonce;
  return {
    iss: ctx.origin,
    aud: ctx.clientId,
    iat: ctx.issuedAt,
    exp: ctx.expiresAt,
    jti: ctx.resultId,
    data,
  };
}
