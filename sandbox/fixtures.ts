// Uqudo-shaped unit fixtures, generated from the sandbox's own payload builders (the one source of such shapes).
import { readFileSync } from 'node:fs';
import { buildResultClaims, type Scenario, type ScenarioContext } from './scenarios';

/** Where the generated fixtures live (read by lib/ and component tests as plain JSON). */
export const FIXTURES_DIR = new URL('../lib/uqudo/fixtures/', import.meta.url);

/** 2026-01-01T00:00:00Z: every fixture is issued then. */
const FIXTURE_IAT = 1_767_225_600;
const FIXTURE_AUD = '0f1e2d3c-4b5a-4968-8776-655443322110';

type Json = Record<string, any>;

/** A fixture: the scenario it starts from, its fixed ids, and edits that make it exercise the summary. */
interface FixtureSpec {
  scenario: Scenario;
  jti: string;
  /** Face sessions only: `data.sessionId`. */
  sessionId?: string;
  lifetime: number;
  nonce: string;
  imageIds: ScenarioContext['imageIds'];
  /** Changes on top of the sandbox's clean result, each saying which behaviour it exercises. */
  edit?: (payload: Json) => void;
}

const SPECS: Record<string, FixtureSpec> = {
  passport: {
    scenario: 'passport',
    jti: '3f2a9c1e-7b4d-4e8f-9a01-23456789abcd',
    lifetime: 1800,
    nonce: 'n-7f3c2b1a-sample-nonce',
    imageIds: {
      portrait: '65a1f0c2e4b0a1b2c3d4e5f6',
      front: '65a1f0c2e4b0a1b2c3d4e5f7',
      'front-frame': '65a1f0c2e4b0a1b2c3d4e5f8',
      selfie: '65a1f0c2e4b0a1b2c3d4e5f9',
    },
    edit: editPassport,
  },
  'uae-id': {
    scenario: 'uae-id',
    jti: '8c1d2e3f-4a5b-4c6d-8e7f-901234567890',
    lifetime: 7200,
    nonce: 'n-uae-sample-0001',
    imageIds: {
      portrait: '65b200000000000000000001',
      front: '65b200000000000000000002',
      'front-frame': '65b200000000000000000003',
      back: '65b200000000000000000004',
      'back-frame': '65b200000000000000000005',
      selfie: '65b200000000000000000006',
    },
    edit: editUaeIdWithProblems,
  },
  'sau-id': {
    scenario: 'sau-id',
    jti: '2b3c4d5e-6f70-4a81-9b2c-3d4e5f607182',
    lifetime: 1800,
    nonce: 'n-sau-sample-0001',
    imageIds: {
      portrait: '65e500000000000000000001',
      front: '65e500000000000000000002',
      'front-frame': '65e500000000000000000003',
      back: '65e500000000000000000004',
      'back-frame': '65e500000000000000000005',
      selfie: '65e500000000000000000006',
    },
  },
  'face-session': {
    scenario: 'face-session',
    jti: 'd4c3b2a1-0f9e-4d8c-b7a6-5f4e3d2c1b0a',
    sessionId: '5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9',
    lifetime: 600,
    nonce: 'n-face-sample-42',
    imageIds: { selfie: '65c300000000000000000001' },
    edit: (payload) => {
      payload.data.face.matchLevel = 5; // the highest level, described in words
    },
  },
  partial: {
    scenario: 'partial',
    jti: '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d',
    lifetime: 1800,
    nonce: 'n-partial-sample-7',
    imageIds: {
      portrait: '65d400000000000000000001',
      front: '65d400000000000000000002',
      selfie: '65d400000000000000000003',
    },
    edit: editPartialWithFailedFace,
  },
};

/** A passport that also shows amber items, mixed number/string check digits and undocumented extras. */
function editPassport(payload: Json): void {
  const { data } = payload;
  const verification = data.verifications[0];
  verification.idPrintDetection.score = 24.5; // amber band
  verification.idPhotoTamperingDetection.score = 0.68; // scores need not be integers
  const fullName = verification.dataConsistencyCheck.fields.find(
    (f: Json) => f.name === 'fullName',
  );
  fullName.match = 'MATCH_PARTIALLY';
  fullName.sources[2].value = 'SAMPLE<<TEST PERS0N';
  // Check digits are documented as numbers; strings were seen too.
  verification.mrzChecksum.checkDigits[1].checkDigit = String(
    verification.mrzChecksum.checkDigits[1].checkDigit,
  );
  verification.reading.activeAuthentication.enabled = true;
  data.backgroundCheck = {
    type: 'RDC',
    match: false,
    monitoringId: 'mon-000123-sample',
    content: null,
  };
  data.sampleUndocumentedExtra = { anything: [1, 2, 3] }; // real payloads carry undocumented keys
}

/** A UAE ID where nearly everything goes wrong: expired card, fraud signals, failed chip and lookup, watch-list match. */
function editUaeIdWithProblems(payload: Json): void {
  const { data } = payload;
  const document = data.documents[0];
  const { front, back } = document.scan;
  Object.assign(front, { dateOfExpiry: '30/06/2024', dateOfExpiryFormatted: '2024-06-30' });
  Object.assign(back, {
    dateOfExpiry: '240630',
    dateOfExpiryFormatted: '2024-06-30',
    mrzVerified: false,
  });
  document.reading.data.expiryDate = '2024-06-30';
  document.face.matchLevel = 2;
  document.lookup = {
    status: 'FAILED',
    statusCode: 'SERVICE_UNAVAILABLE',
    statusMessage: 'Sample: upstream data source timed out',
    data: null,
  };
  const verification = data.verifications[0];
  verification.sourceDetection = {
    enabled: true,
    allowNonPhysicalDocuments: true, // overridden in a mobile app: worth a look
    selectedResolution: '1280x720',
    optimalResolution: false,
  };
  verification.idScreenDetection.score = 61.2;
  verification.idPrintDetection.score = '8'; // a numeric string
  verification.idPhotoTamperingDetection = { enabled: false, score: 0 };
  const birth = verification.dataConsistencyCheck.fields.find(
    (f: Json) => f.name === 'dateOfBirth',
  );
  birth.match = 'NO_MATCH';
  birth.sources[1].value = '1991-01-01';
  verification.mrzChecksum.valid = false;
  Object.assign(verification.mrzChecksum.checkDigits[2], { fieldValue: '240630', valid: false });
  Object.assign(verification.reading.passiveAuthentication, {
    countrySigningCertificateAvailable: false,
    documentDataSignatureValid: false,
  });
  verification.biometric.matchLevel = 2;
  // ICAD: a match whose details stay on the RDC portal.
  data.backgroundCheck = {
    type: 'RDC',
    match: true,
    monitoringId: 'mon-000999-sample',
    content: null,
  };
  // Seen at the top level of the payload too; some risks raised, one as the string "false".
  const attestation = data.deviceAttestation;
  delete data.deviceAttestation;
  Object.assign(attestation.risk, {
    hooking: true,
    rooted: true,
    vpnRunning: true,
    emulated: 'false',
  });
  attestation.risk.deviceRiskLevel = 'HIGH';
  payload.deviceAttestation = attestation;
}

/** An incomplete session returned with `returnDataForIncompleteSession`: the face did not match. */
function editPartialWithFailedFace(payload: Json): void {
  const document = payload.data.documents[0];
  document.face = {
    auditTrailImageId: '65d400000000000000000003',
    matchLevel: 1,
    match: false,
    error: 'FACE_NOT_MATCHING',
  };
  document.scan.frontFrameImageId = ''; // empty ids are skipped, not listed
}

/** Builds one fixture payload from its spec. */
function buildFixture(spec: FixtureSpec, nfcPhotoBase64: string): Json {
  const payload: Json = buildResultClaims(spec.scenario, {
    origin: 'https://id.uqudo.io',
    clientId: FIXTURE_AUD,
    sessionId: spec.sessionId ?? spec.jti,
    resultId: spec.jti,
    issuedAt: FIXTURE_IAT,
    expiresAt: FIXTURE_IAT + spec.lifetime,
    nonce: spec.nonce,
    imageIds: spec.imageIds,
    nfcPhotoBase64,
    sourceIp: '192.0.2.10',
  });
  spec.edit?.(payload);
  return payload;
}

/** Every fixture by file name (without `.json`), built from the sandbox's scenario builders. */
export function buildFixtures(): Record<string, Json> {
  const photo = readFileSync(new URL('./images/nfc-photo.jpg', import.meta.url)).toString('base64');
  return Object.fromEntries(
    Object.entries(SPECS).map(([name, spec]) => [name, buildFixture(spec, photo)]),
  );
}

/** The exact text of a fixture file: 2-space JSON and a final newline (generated: Prettier skips the folder). */
export function formatFixture(payload: Json): string {
  return `${JSON.stringify(payload, null, 2)}\n`;
}
