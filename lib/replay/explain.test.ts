// Tests for explainReplay: every status and failure gets an explanation that says what to do.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BASIS_LABELS, explainReplay } from './explain';
import type { ReplayPurpose } from '../uqudo/info-api';

const PURPOSES: ReplayPurpose[] = ['info', 'info-header', 'delete', 'image', 'token'];

describe('explainReplay', () => {
  it('explains 400 per purpose', () => {
    expect(explainReplay('info', 400).title).toBe('Bad session id (400)');
    expect(explainReplay('info', 400).action).toMatch(/jti.*data\.sessionId/);
    expect(explainReplay('image', 400).title).toBe('Bad image id (400)');
    expect(explainReplay('token', 400).title).toBe('Bad token request (400)');
  });

  it('explains 401 as a missing, expired or wrong-environment token', () => {
    const info = explainReplay('info-header', 401);
    expect(info.title).toMatch(/missing, expired or for another environment/);
    expect(info.action).toMatch(/fresh access token/);
    expect(explainReplay('token', 401).title).toBe('Wrong client credentials (401)');
  });

  it('explains 403 as a missing feature or scope, naming KYC_INFO_SDK', () => {
    const forbidden = explainReplay('delete', 403);
    expect(forbidden.title).toMatch(/lacks the feature/);
    expect(forbidden.detail).toContain('KYC_INFO_SDK');
  });

  it('explains 404 differently for images, sessions and the token endpoint', () => {
    const image = explainReplay('image', 404);
    expect(image.title).toBe('Image not found or expired (404)');
    expect(image.detail).toMatch(/as long as the session/);
    expect(image.detail).toMatch(/deleted/);
    expect(explainReplay('info', 404).title).toBe('Session not found (404)');
    expect(explainReplay('token', 404).action).toMatch(/auth\.uqudo\.io/);
  });

  it('explains server errors and suggests a retry', () => {
    expect(explainReplay('info', 500).title).toBe('Server error (500)');
    expect(explainReplay('info', 500).action).toMatch(/Try again/);
    expect(explainReplay('image', 503).title).toBe('Service unavailable (503)');
    expect(explainReplay('image', 599).title).toBe('Server error (599)');
    expect(explainReplay('info', 418).title).toBe('Request refused (418)');
  });

  it('notes that DELETE answers 204 even for unknown ids', () => {
    expect(explainReplay('delete', 204).detail).toMatch(/also for ids it does not know/);
    expect(explainReplay('info', 200).title).toBe('Success');
  });

  it('explains redirects (opaque in browsers: status 0) as not followed', () => {
    expect(explainReplay('info', 302).title).toBe('Redirect not followed');
    expect(explainReplay('info', 0).detail).toMatch(/cannot be carried/);
  });

  it('explains network/CORS failures with the origin that needs permission', () => {
    const network = explainReplay('image', 'network-error', { origin: 'https://id.uqudo.io' });
    expect(network.title).toBe('Network or CORS failure');
    expect(network.detail).toMatch(/CORS/);
    expect(network.action).toMatch(/permission to reach https:\/\/id\.uqudo\.io/);
  });

  it('explains a timeout with its duration', () => {
    expect(explainReplay('info', 'timeout', { timeoutMs: 30_000 }).detail).toMatch(/30 s/);
    expect(explainReplay('info', 'timeout').title).toBe('Timed out');
  });

  it('says what Uqudo documents and what is observed or assumed', () => {
    // Undocumented: a 404 for a session, the scope the 403 names, the application/jwt content type.
    expect(explainReplay('info', 404).basis).toMatchObject({ kind: 'assumed' });
    expect(explainReplay('info', 404).basis!.note).toMatch(
      /not 404.*sandbox answers 404.*own choice/,
    );
    const forbidden = explainReplay('info', 403).basis!;
    expect(forbidden.kind).toBe('assumed');
    expect(forbidden.note).toMatch(/which scope a call needs is not documented/);
    expect(explainReplay('info', 200).basis).toMatchObject({ kind: 'observed' });
    expect(explainReplay('info-header', 200).basis!.note).toMatch(
      /application\/jwt.*not documented/,
    );
    expect(explainReplay('delete', 204).basis).toMatchObject({ kind: 'observed' });
    expect(explainReplay('info', 'network-error').basis!.note).toMatch(
      /chrome-extension:\/\/ origin is not documented/,
    );
    // Documented statuses say so.
    for (const status of [400, 401, 500]) {
      expect(explainReplay('info', status).basis?.kind).toBe('documented');
    }
    expect(explainReplay('image', 404).basis?.kind).toBe('documented');
    expect(BASIS_LABELS).toEqual({
      documented: 'Uqudo documents',
      observed: 'Observed, not documented',
      assumed: 'Not documented by Uqudo',
    });
  });

  it('always answers with three non-empty strings', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PURPOSES),
        fc.oneof(
          fc.integer({ min: 0, max: 999 }),
          fc.constantFrom('network-error' as const, 'timeout' as const),
        ),
        (purpose, status) => {
          const explanation = explainReplay(purpose, status);
          expect(explanation.title).not.toBe('');
          expect(explanation.detail).not.toBe('');
          expect(explanation.action).not.toBe('');
          expect(JSON.stringify(explanation)).not.toMatch(/approved/i);
        },
      ),
    );
  });
});
