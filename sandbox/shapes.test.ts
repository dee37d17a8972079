// The sandbox speaks Uqudo's documented shapes: each item of issue 8 §3, read from real HTTP answers.
import { readFileSync } from 'node:fs';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from './server';

type Payload = Record<string, any>;

let sandbox: Sandbox;
let token: string;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  const answer = await fetch(`${sandbox.url}/api/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: sandbox.credentials.clientId,
      client_secret: sandbox.credentials.clientSecret,
    }),
  });
  token = ((await answer.json()) as { access_token: string }).access_token;
});

afterAll(async () => {
  await sandbox.close();
});

/** Creates a session over HTTP and reads its result the way the Web SDK does (GET /api/v2/info). */
async function fetchResult(scenario: string): Promise<Payload> {
  const created = await fetch(`${sandbox.url}/sandbox/sessions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ scenario, nonce: `n-${scenario}` }),
  });
  expect(created.status).toBe(201);
  const { sessionId } = (await created.json()) as { sessionId: string };
  const answer = await fetch(`${sandbox.url}/api/v2/info`, {
    headers: { Authorization: `Bearer ${token}`, 'UQ-Session-ID': sessionId },
  });
  expect(answer.status).toBe(200);
  return decodeJwt(await answer.text()) as Payload;
}

const IMAGE_KEYS = [
  'faceImageId',
  'frontImageId',
  'frontFrameImageId',
  'backImageId',
  'backFrameImageId',
];

describe('scan object', () => {
  it.each(['passport', 'uae-id', 'sau-id', 'partial'])(
    '%s: image ids are attributes of scan, beside front and back',
    async (scenario) => {
      const { scan } = (await fetchResult(scenario)).data.documents[0];
      for (const key of IMAGE_KEYS) {
        expect(Object.keys(scan)).toContain(key);
        expect(scan[key] === null || /^[0-9a-f]{24}$/.test(scan[key])).toBe(true);
        expect(Object.keys(scan.front)).not.toContain(key);
        expect(Object.keys(scan.back ?? {})).not.toContain(key);
      }
      expect(scan.faceImageId).toMatch(/^[0-9a-f]{24}$/);
    },
  );

  it("gives a passport's back as {} and its back image ids as null", async () => {
    const { scan } = (await fetchResult('passport')).data.documents[0];
    expect(scan.back).toEqual({});
    expect(scan.backImageId).toBeNull();
    expect(scan.backFrameImageId).toBeNull();
  });
});

describe('passport OCR fields', () => {
  it('uses documentCode "P<", issuer and opt1, and invents no checksum keys', async () => {
    const { front } = (await fetchResult('passport')).data.documents[0].scan;
    expect(front.documentCode).toBe('P<');
    expect(front.issuer).toBe('UTO');
    expect(front.opt1).toBe('<'.repeat(14));
    for (const key of Object.keys(front)) expect(key).not.toMatch(/Checksum$/);
    expect(front).not.toHaveProperty('issuingCountry');
    expect(front).not.toHaveProperty('optionalData');
    expect(front.mrzText.split('\n')[0]).toMatch(/^P<UTO/);
  });
});

describe('passport reading', () => {
  it('prints personalDetails with nameOfHolder, otherNames and array places', async () => {
    const { data } = (await fetchResult('passport')).data.documents[0].reading;
    const details = data.personalDetails;
    expect(details.nameOfHolder).toBe('SAMPLE<<TEST');
    expect(Array.isArray(details.otherNames)).toBe(true);
    expect(Array.isArray(details.placeOfBirth)).toBe(true);
    expect(Array.isArray(details.permanentAddress)).toBe(true);
    expect(details).not.toHaveProperty('fullNameOfHolder');
    expect(data.mrz).toMatchObject({ documentCode: 'P', issuingState: 'UTO', gender: 'FEMALE' });
  });

  it('gives certificates a publicKeyAlgorithm, a SHA-1 thumbprint and Uqudo-printed dates', async () => {
    const { data } = (await fetchResult('passport')).data.documents[0].reading;
    for (const certificate of [data.countrySigningCertificate, data.documentSigningCertificate]) {
      expect(certificate.publicKeyAlgorithm).toBe('RSA');
      expect(certificate.certificateThumbprint).toMatch(/^[0-9a-f]{40}$/);
      for (const date of [certificate.validFrom, certificate.validTo]) {
        expect(date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/);
      }
    }
  });
});

describe('UAE ID reading', () => {
  it('uses flat keys as Uqudo returns them, with ISO dates', async () => {
    const { data } = (await fetchResult('uae-id')).data.documents[0].reading;
    expect(data.idNumber).toMatch(/^784\d{12}$/);
    expect(data.fullName).toBe('TEST SAMPLE');
    expect(data.issueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(data.expiryDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const key of Object.keys(data)) expect(key).not.toMatch(/English$/);
    expect(data).not.toHaveProperty('cardExpiryDate');
    expect(data).not.toHaveProperty('identityNumber');
  });
});

describe('Saudi ID reading', () => {
  it('puts the chip data under personalInformation with yyyyMMdd and Hijri dates', async () => {
    const { data } = (await fetchResult('sau-id')).data.documents[0].reading;
    expect(data.personalInformation.fullName).toBe('TEST SAMPLE');
    expect(data.personalInformation.dateOfExpiry).toMatch(/^\d{8}$/);
    expect(data.personalInformation.dateOfExpiryHijri).toMatch(/^14\d{6}$/);
  });
});

describe('verification object', () => {
  it.each(['passport', 'uae-id', 'sau-id', 'partial'])(
    '%s: optimalResolution is a boolean; consistency fields are camelCase with source objects',
    async (scenario) => {
      const [verification] = (await fetchResult(scenario)).data.verifications;
      expect(typeof verification.sourceDetection.optimalResolution).toBe('boolean');
      for (const field of verification.dataConsistencyCheck?.fields ?? []) {
        expect(field.name).toMatch(/^[a-z][A-Za-z]*$/);
        expect(field.sources.length).toBeGreaterThan(0);
        for (const source of field.sources) {
          expect(['SCAN', 'READING', 'LOOKUP']).toContain(source.source);
          if (source.source === 'SCAN') expect(['FRONT', 'BACK']).toContain(source.documentSide);
          else expect(source).not.toHaveProperty('documentSide');
          expect(typeof source.name).toBe('string');
          expect(typeof source.value).toBe('string');
        }
      }
    },
  );

  it('documents allowNonPhysicalDocuments as true for the Web SDK only', async () => {
    const web = await fetchResult('partial');
    expect(web.data.source.sdkType).toBe('KYC_WEB');
    expect(web.data.verifications[0].sourceDetection.allowNonPhysicalDocuments).toBe(true);
    const mobile = await fetchResult('passport');
    expect(mobile.data.verifications[0].sourceDetection.allowNonPhysicalDocuments).toBe(false);
  });
});

describe('device attestation', () => {
  it('carries exactly the documented mobile risk and info keys', async () => {
    const { deviceAttestation } = (await fetchResult('uae-id')).data;
    expect(Object.keys(deviceAttestation.risk).sort()).toEqual(
      [
        'applicationStore',
        'debugging',
        'hooking',
        'deviceMasked',
        'emulated',
        'rooted',
        'proxy',
        'gpsSpoofers',
        'screenSharing',
        'vpnRunning',
        'suspiciousFactoryReset',
        'sdkConnectionIntercepted',
        'payloadTampered',
      ].sort(),
    );
    expect(Object.keys(deviceAttestation.info).sort()).toEqual(
      [
        'identifier',
        'platform',
        'manufacturer',
        'model',
        'version',
        'cpuArchitecture',
        'timezone',
        'userAgent',
        'ipInfo',
        'gpsCoordinates',
      ].sort(),
    );
  });
});

describe('face sessions', () => {
  async function createFaceSession(body: Record<string, unknown> = {}): Promise<Response> {
    return fetch(`${sandbox.url}/sandbox/sessions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ scenario: 'face-session', ...body }),
    });
  }

  it('answers POST /api/v2/face/bioid/match with the JWS whose data is face, sessionId, nonce', async () => {
    const { sessionId, jws } = (await (await createFaceSession({ nonce: 'n-face' })).json()) as {
      sessionId: string;
      jws: string;
    };
    const answer = await fetch(`${sandbox.url}/api/v2/face/bioid/match`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'UQ-Session-ID': sessionId },
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/jwt');
    const body = await answer.text();
    expect(body).toBe(jws);
    const { data } = decodeJwt(body) as Payload;
    expect(Object.keys(data).sort()).toEqual(['face', 'nonce', 'sessionId']);
    expect(data.sessionId).toBe(sessionId);
    expect(Object.keys(data.face).sort()).toEqual(['auditTrailImageId', 'match', 'matchLevel']);
  });

  it('keeps enrolments on GET /api/v2/info: the face match call does not serve them', async () => {
    const created = await fetch(`${sandbox.url}/sandbox/sessions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ scenario: 'passport' }),
    });
    const { sessionId } = (await created.json()) as { sessionId: string };
    const match = await fetch(`${sandbox.url}/api/v2/face/bioid/match`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'UQ-Session-ID': sessionId },
    });
    expect(match.status).toBe(404);
    const info = await fetch(`${sandbox.url}/api/v2/info`, {
      headers: { Authorization: `Bearer ${token}`, 'UQ-Session-ID': sessionId },
    });
    expect(info.status).toBe(200);
    const unauthenticated = await fetch(`${sandbox.url}/api/v2/face/bioid/match`, {
      method: 'POST',
      headers: { 'UQ-Session-ID': sessionId },
    });
    expect(unauthenticated.status).toBe(401);
  });

  it('never encrypts a face session', async () => {
    const answer = await createFaceSession({ encrypt: true });
    expect(answer.status).toBe(400);
    expect(((await answer.json()) as { message: string }).message).toMatch(/never encrypted/);
  });
});

describe('access tokens', () => {
  it('lists every claim the sandbox puts in its access tokens as sandbox-only in the README', async () => {
    const claims = Object.keys(decodeJwt(token));
    const readme = readFileSync(new URL('./README.md', import.meta.url), 'utf8');
    const section = /### Access tokens[^\n]*\n([\s\S]*?)(?=\n##)/.exec(readme)?.[1] ?? '';
    expect(section).toMatch(/sandbox-only/i);
    for (const claim of claims) expect(section).toContain(`\`${claim}\``);
  });
});
