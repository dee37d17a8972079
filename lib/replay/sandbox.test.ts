// End-to-end over real HTTP: builders + sendReplay + summarizeUqudoResult against the local Uqudo sandbox.
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import {
  buildDeleteRequest,
  buildImageRequest,
  buildInfoRequest,
  buildTokenRequest,
} from '../uqudo/info-api';
import { summarizeUqudoResult } from '../uqudo/summary';
import { sendReplay } from './send';
import { unwrapRequest, unwrapResponse } from './testing/replays';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});

afterAll(async () => {
  await sandbox.close();
});

async function accessToken(credentials = sandbox.credentials): Promise<string> {
  const result = unwrapResponse(
    await sendReplay(unwrapRequest(buildTokenRequest({ base: sandbox.url, ...credentials }))),
  );
  expect(result.status).toBe(200);
  return (JSON.parse(result.bodyText!) as { access_token: string }).access_token;
}

describe('replaying against the sandbox', () => {
  it('fetches a passport result, all its images, deletes it, then explains the 404', async () => {
    const token = await accessToken();
    const options = { token, tokenOrigin: sandbox.url };
    const session = await sandbox.createSession({ scenario: 'passport' });

    const info = unwrapResponse(
      await sendReplay(
        unwrapRequest(buildInfoRequest({ base: sandbox.url, sessionId: session.sessionId })),
        options,
      ),
    );
    expect(info.status).toBe(200);
    expect(info.contentType).toMatch(/^application\/jwt/);
    expect(info.bodyText).toBe(session.jws);
    const byHeader = unwrapResponse(
      await sendReplay(
        unwrapRequest(
          buildInfoRequest({ base: sandbox.url, sessionId: session.sessionId, mode: 'header' }),
        ),
        options,
      ),
    );
    expect(byHeader.bodyText).toBe(session.jws);

    const summary = summarizeUqudoResult(decodeJwt(info.bodyText!));
    expect(summary.sessionId).toBe(session.sessionId);
    expect(summary.documents[0]?.documentType).toBe('PASSPORT');
    expect(summary.images.length).toBeGreaterThan(0);
    for (const image of summary.images) {
      const fetched = unwrapResponse(
        await sendReplay(
          unwrapRequest(buildImageRequest({ base: sandbox.url, imageId: image.id })),
          options,
        ),
      );
      expect(fetched.status, image.path).toBe(200);
      expect(fetched.contentType).toBe('image/jpeg');
      // JPEG start-of-image marker.
      expect([...fetched.bodyBytes!.subarray(0, 2)]).toEqual([0xff, 0xd8]);
    }

    const deleted = unwrapResponse(
      await sendReplay(
        unwrapRequest(buildDeleteRequest({ base: sandbox.url, sessionId: session.sessionId })),
        options,
      ),
    );
    expect(deleted.status).toBe(204);

    const gone = unwrapResponse(
      await sendReplay(
        unwrapRequest(buildImageRequest({ base: sandbox.url, imageId: summary.images[0]!.id })),
        options,
      ),
    );
    expect(gone.status).toBe(404);
    expect(gone.explanation?.title).toBe('Image not found or expired (404)');
  });

  it('uses data.sessionId for a face session', async () => {
    const token = await accessToken();
    const session = await sandbox.createSession({ scenario: 'face-session' });
    const summary = summarizeUqudoResult(decodeJwt(session.jws));
    expect(summary.sessionIdSource).toBe('data.sessionId');
    expect(summary.sessionId).toBe(session.sessionId);
    const info = unwrapResponse(
      await sendReplay(
        unwrapRequest(buildInfoRequest({ base: sandbox.url, sessionId: summary.sessionId! })),
        {
          token,
          tokenOrigin: sandbox.url,
        },
      ),
    );
    expect(info.status).toBe(200);
  });

  it('explains 401 (bad token), 403 (token without KYC_INFO_SDK) and 400 (bad id)', async () => {
    const session = await sandbox.createSession({ scenario: 'passport' });
    const request = unwrapRequest(
      buildInfoRequest({ base: sandbox.url, sessionId: session.sessionId }),
    );

    const unauthorized = unwrapResponse(
      await sendReplay(request, { token: 'not-a-token', tokenOrigin: sandbox.url }),
    );
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.explanation?.title).toMatch(/401/);

    const scanOnly = await accessToken(sandbox.scanOnlyCredentials);
    const forbidden = unwrapResponse(
      await sendReplay(request, { token: scanOnly, tokenOrigin: sandbox.url }),
    );
    expect(forbidden.status).toBe(403);
    expect(forbidden.explanation?.detail).toContain('KYC_INFO_SDK');

    const token = await accessToken();
    const badId = unwrapResponse(
      await sendReplay(
        { method: 'GET', url: `${sandbox.url}/api/v1/info/1234`, headers: [], purpose: 'info' },
        { token, tokenOrigin: sandbox.url },
      ),
    );
    expect(badId.status).toBe(400);
    expect(badId.explanation?.title).toBe('Bad session id (400)');
  });

  it('answers 401 with an explanation for wrong client credentials', async () => {
    const result = unwrapResponse(
      await sendReplay(
        unwrapRequest(
          buildTokenRequest({
            base: sandbox.url,
            clientId: sandbox.credentials.clientId,
            clientSecret: 'nope',
          }),
        ),
      ),
    );
    expect(result.status).toBe(401);
    expect(result.explanation?.title).toBe('Wrong client credentials (401)');
  });
});
