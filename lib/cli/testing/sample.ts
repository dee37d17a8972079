// Test-only: the sample Uqudo result both CLI test files (in-process and real-process) sign and check.
import { buildUqudoPayload } from '../../jose/testing/tokens';

/** Issue time of the sample result: 2026-01-01T00:00:00Z. */
export const IAT = 1_767_225_600;
/** Its expiry, 30 minutes later (Uqudo's default lifetime). */
export const EXP = IAT + 1800;
export const JTI = '0f8e7d6c-5b4a-4c3d-9e2f-1a0b9c8d7e6f';
export const AUD = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
export const NONCE = 'nonce-1234';
export const ISS = 'https://id.uqudo.io';

/** The sample payload: a passport result with the claims above. */
export function buildSamplePayload(): Record<string, unknown> {
  return buildUqudoPayload({ iat: IAT, jti: JTI, nonce: NONCE, aud: AUD, iss: ISS });
}
