// Pure builders for the sandbox's scenario results: Uqudo-shaped claims with obviously fake data.

/** Every scenario `POST /sandbox/sessions` accepts. */
export const SCENARIOS = [
  'passport',
  'uae-id',
  'face-session',
  'expired',
  'tampered',
  'unknown-kid',
  'alg-none',
  'partial',
] as const;

/** A scenario name. */
export type Scenario = (typeof SCENARIOS)[number];

/** Kinds of images a session can expose through `GET /api/v1/info/img/{id}`. */
export type ImageKind = 'portrait' | 'front' | 'front-frame' | 'back' | 'back-frame' | 'selfie';

/** What a scenario's claims depend on besides the scenario itself. */
export interface ScenarioContext {
  /** Sandbox origin, used as `iss` (Uqudo's is https://id.uqudo.io). */
  origin: string;
  /** Demo client id, used as `aud`. */
  clientId: string;
  /** The session id the Info API serves the result under. */
  sessionId: string;
  /** `jti`: equals sessionId except for face sessions. */
  resultId: string;
  issuedAt: number;
  expiresAt: number;
  nonce?: string;
  imageIds: Partial<Record<ImageKind, string>>;
  /** Small inline JPEG (base64) used as the NFC chip photo. */
  nfcPhotoBase64: string;
  sourceIp: string;
}

/** Default `exp - iat` per scenario (face sessions live 600 s, enrolments 1800 s). */
const DEFAULT_LIFETIME_SECONDS = 1800;
const FACE_SESSION_LIFETIME_SECONDS = 600;

/** Tells whether a value names a known scenario. */
export function isScenario(value: unknown): value is Scenario {
  return typeof value === 'string' && (SCENARIOS as readonly string[]).includes(value);
}

/** Reports whether a scenario's result carries its own session id in `data.sessionId`. */
export function usesSeparateResultId(scenario: Scenario): boolean {
  return scenario === 'face-session';
}

/** Lists the images a scenario's result references (each gets its own 24-hex id). */
export function listImageKinds(scenario: Scenario): ImageKind[] {
  switch (scenario) {
    case 'uae-id':
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

const MRZ_WEIGHTS = [7, 3, 1] as const;

/** Computes an ICAO 9303 check digit (weights 7-3-1; A=10 … Z=35; '<' = 0). */
export function computeCheckDigit(field: string): string {
  let sum = 0;
  for (let i = 0; i < field.length; i++) {
    const ch = field[i] ?? '<';
    const code = ch.charCodeAt(0);
    const value = ch >= '0' && ch <= '9' ? code - 48 : ch >= 'A' && ch <= 'Z' ? code - 55 : 0;
    sum += value * (MRZ_WEIGHTS[i % 3] ?? 1);
  }
  return String(sum % 10);
}

function padMrz(text: string, length: number): string {
  return text.padEnd(length, '<').slice(0, length);
}

/** A date as Uqudo sends it: `YYMMDD` plus the ISO `yyyy-MM-dd` sibling. */
interface MrzDate {
  yymmdd: string;
  iso: string;
}

function mrzDate(year: number, month: number, day: number): MrzDate {
  const mm = String(month).padStart(2, '0');
  const dd = String(day).padStart(2, '0');
  return { yymmdd: `${String(year % 100).padStart(2, '0')}${mm}${dd}`, iso: `${year}-${mm}-${dd}` };
}

/** Fake identity shared by the document scenarios. */
interface FakePerson {
  surname: string;
  givenNames: string;
  sex: 'F' | 'M';
  dateOfBirth: MrzDate;
  dateOfIssue: MrzDate;
  dateOfExpiry: MrzDate;
}

function fakePerson(issuedAt: number): FakePerson {
  const today = new Date(issuedAt * 1000);
  const year = today.getUTCFullYear();
  const month = today.getUTCMonth() + 1;
  // Document issued three years ago and valid for ten, so it is never expired in the sandbox.
  return {
    surname: 'SAMPLE',
    givenNames: 'TEST',
    sex: 'F',
    dateOfBirth: mrzDate(1990, 1, 1),
    dateOfIssue: mrzDate(year - 3, month, 1),
    dateOfExpiry: mrzDate(year + 7, month, 1),
  };
}

const PASSPORT_NUMBER = 'SAMPLE001';
const PASSPORT_COUNTRY = 'UTO';

/** Builds a TD3 (passport) MRZ with correct check digits. */
function buildPassportMrz(person: FakePerson) {
  const personal = padMrz('', 14);
  const docCd = computeCheckDigit(PASSPORT_NUMBER);
  const dobCd = computeCheckDigit(person.dateOfBirth.yymmdd);
  const expCd = computeCheckDigit(person.dateOfExpiry.yymmdd);
  const personalCd = computeCheckDigit(personal);
  const composite =
    PASSPORT_NUMBER +
    docCd +
    person.dateOfBirth.yymmdd +
    dobCd +
    person.dateOfExpiry.yymmdd +
    expCd +
    personal +
    personalCd;
  const finalCd = computeCheckDigit(composite);
  const line1 = padMrz(`P<${PASSPORT_COUNTRY}${person.surname}<<${person.givenNames}`, 44);
  const line2 =
    PASSPORT_NUMBER +
    docCd +
    PASSPORT_COUNTRY +
    person.dateOfBirth.yymmdd +
    dobCd +
    person.sex +
    person.dateOfExpiry.yymmdd +
    expCd +
    personal +
    personalCd +
    finalCd;
  return { line1, line2, docCd, dobCd, expCd, personal, personalCd, finalCd };
}

const UAE_CARD_NUMBER = 'SAMPLE002';
const UAE_ID_NUMBER = '784199000000000';

/** Builds a TD1 (ID card) MRZ for the fake UAE ID with correct check digits. */
function buildUaeMrz(person: FakePerson) {
  const cardCd = computeCheckDigit(UAE_CARD_NUMBER);
  const line1 = padMrz(`IDARE${UAE_CARD_NUMBER}${cardCd}${UAE_ID_NUMBER}`, 30);
  const dobCd = computeCheckDigit(person.dateOfBirth.yymmdd);
  const expCd = computeCheckDigit(person.dateOfExpiry.yymmdd);
  const line2Head =
    person.dateOfBirth.yymmdd +
    dobCd +
    person.sex +
    person.dateOfExpiry.yymmdd +
    expCd +
    'ARE' +
    padMrz('', 11);
  const compositeCd = computeCheckDigit(
    line1.slice(5, 30) + line2Head.slice(0, 7) + line2Head.slice(8, 15) + line2Head.slice(18, 29),
  );
  const line2 = line2Head + compositeCd;
  const line3 = padMrz(`${person.surname}<<${person.givenNames}`, 30);
  return { line1, line2, line3, cardCd, dobCd, expCd, compositeCd };
}

function imageId(ctx: ScenarioContext, kind: ImageKind): string | null {
  return ctx.imageIds[kind] ?? null;
}

function mobileSource(ctx: ScenarioContext) {
  return {
    sdkType: 'KYC_MOBILE',
    sdkVersion: '3.6.0',
    sourceIp: ctx.sourceIp,
    devicePlatform: 'Android',
    deviceVersion: '14',
    deviceManufacturer: 'SANDBOX',
    deviceModel: 'SAMPLE-DEVICE-1',
  };
}

function webSource(ctx: ScenarioContext) {
  return {
    sdkType: 'KYC_WEB',
    sdkVersion: '3.2.2',
    sourceIp: ctx.sourceIp,
    devicePlatform: 'Linux',
    deviceVersion: 'Chromium',
    deviceManufacturer: 'SANDBOX',
    deviceModel: 'SAMPLE-BROWSER',
  };
}

function certificate(role: 'CSCA' | 'DS', issuedAt: number) {
  const year = new Date(issuedAt * 1000).getUTCFullYear();
  return {
    serialNumber: role === 'CSCA' ? '5A4D504C4501' : '5A4D504C4502',
    subject: `CN=Sandbox ${role} (NOT REAL), O=Uqudo Inspector Sandbox, C=UT`,
    issuer: 'CN=Sandbox CSCA (NOT REAL), O=Uqudo Inspector Sandbox, C=UT',
    validFrom: `${year - 5}-01-01T00:00:00Z`,
    validTo: `${year + (role === 'CSCA' ? 10 : 5)}-01-01T00:00:00Z`,
    signatureAlgorithm: 'SHA256withRSA',
  };
}

/** OCR'd birth and expiry dates with their MRZ check digits, and the sex between them. */
function mrzDateFields(person: FakePerson, mrz: { dobCd: string; expCd: string }) {
  return {
    dateOfBirth: person.dateOfBirth.yymmdd,
    dateOfBirthFormatted: person.dateOfBirth.iso,
    dateOfBirthChecksum: mrz.dobCd,
    sex: person.sex,
    dateOfExpiry: person.dateOfExpiry.yymmdd,
    dateOfExpiryFormatted: person.dateOfExpiry.iso,
    dateOfExpiryChecksum: mrz.expCd,
  };
}

function fraudScores() {
  return {
    idScreenDetection: { enabled: true, score: 3 },
    idPrintDetection: { enabled: true, score: 1 },
    idPhotoTamperingDetection: { enabled: true, score: 2 },
  };
}

/** A chip reading whose passive authentication passed; active authentication is never run. */
function readingVerification(options: { chipAuthentication: boolean }) {
  return {
    enabled: true,
    passiveAuthentication: {
      enabled: true,
      countrySigningCertificateAvailable: true,
      documentSigningCertificateAvailable: true,
      documentSigningCertificateSignatureValid: true,
      documentDataSignatureValid: true,
    },
    chipAuthentication: { enabled: options.chipAuthentication },
    activeAuthentication: { enabled: false },
  };
}

function sourceDetection() {
  return {
    enabled: true,
    allowNonPhysicalDocuments: false,
    selectedResolution: '1920x1080',
    optimalResolution: '1920x1080',
  };
}

function passportScanFront(ctx: ScenarioContext, person: FakePerson) {
  const mrz = buildPassportMrz(person);
  return {
    documentCode: 'P',
    issuingCountry: PASSPORT_COUNTRY,
    primaryId: person.surname,
    secondaryId: person.givenNames,
    fullName: `${person.surname}, ${person.givenNames}`,
    documentNumber: PASSPORT_NUMBER,
    documentNumberChecksum: mrz.docCd,
    nationality: PASSPORT_COUNTRY,
    ...mrzDateFields(person, mrz),
    optionalData: '',
    mrzText: `${mrz.line1}\n${mrz.line2}`,
    mrzVerified: true,
    chipAvailable: true,
    faceImageId: imageId(ctx, 'portrait'),
    frontImageId: imageId(ctx, 'front'),
    frontFrameImageId: imageId(ctx, 'front-frame'),
    backImageId: null,
    backFrameImageId: null,
  };
}

function passportMrzChecksum(person: FakePerson) {
  const mrz = buildPassportMrz(person);
  return {
    enabled: true,
    valid: true,
    finalCheckDigit: mrz.finalCd,
    checkDigits: [
      {
        fieldName: 'documentNumber',
        fieldValue: PASSPORT_NUMBER,
        checkDigit: mrz.docCd,
        valid: true,
      },
      {
        fieldName: 'dateOfBirth',
        fieldValue: person.dateOfBirth.yymmdd,
        checkDigit: mrz.dobCd,
        valid: true,
      },
      {
        fieldName: 'dateOfExpiry',
        fieldValue: person.dateOfExpiry.yymmdd,
        checkDigit: mrz.expCd,
        valid: true,
      },
      {
        fieldName: 'personalNumber',
        fieldValue: mrz.personal,
        checkDigit: mrz.personalCd,
        valid: true,
      },
    ],
  };
}

function passportData(ctx: ScenarioContext) {
  const person = fakePerson(ctx.issuedAt);
  const mrz = buildPassportMrz(person);
  return {
    documents: [
      {
        documentType: 'PASSPORT',
        scan: { front: passportScanFront(ctx, person), back: null },
        reading: {
          data: {
            mrz: {
              documentCode: 'P',
              issuingState: PASSPORT_COUNTRY,
              primaryIdentifier: person.surname,
              secondaryIdentifier: person.givenNames,
              documentNumber: PASSPORT_NUMBER,
              nationality: PASSPORT_COUNTRY,
              dateOfBirth: person.dateOfBirth.yymmdd,
              gender: person.sex,
              dateOfExpiry: person.dateOfExpiry.yymmdd,
              optionalData1: '',
              mrzText: `${mrz.line1}${mrz.line2}`,
            },
            photo: ctx.nfcPhotoBase64,
            photoMimeType: 'image/jpeg',
            personalDetails: {
              fullNameOfHolder: `${person.surname} ${person.givenNames}`,
              placeOfBirth: 'SAMPLE CITY',
              permanentAddress: '1 EXAMPLE STREET, SAMPLE CITY',
              telephone: null,
              profession: 'SOFTWARE TESTER',
            },
            documentDetails: {
              issuingAuthority: 'SANDBOX PASSPORT OFFICE (NOT REAL)',
              dateOfIssue: person.dateOfIssue.iso,
              dateAndTimeOfPersonalization: `${person.dateOfIssue.iso}T09:00:00Z`,
            },
            countrySigningCertificate: certificate('CSCA', ctx.issuedAt),
            documentSigningCertificate: certificate('DS', ctx.issuedAt),
          },
        },
        face: {
          auditTrailImageId: imageId(ctx, 'selfie'),
          matchLevel: 4,
          match: true,
        },
        lookup: null,
      },
    ],
    verifications: [
      {
        documentType: 'PASSPORT',
        sourceDetection: sourceDetection(),
        ...fraudScores(),
        dataConsistencyCheck: {
          enabled: true,
          fields: [
            { name: 'DOCUMENT_NUMBER', match: 'MATCH', sources: ['MRZ', 'NFC'] },
            { name: 'DATE_OF_BIRTH', match: 'MATCH', sources: ['MRZ', 'NFC'] },
            { name: 'DATE_OF_EXPIRY', match: 'MATCH', sources: ['MRZ', 'NFC'] },
            { name: 'FULL_NAME', match: 'MATCH', sources: ['MRZ', 'NFC'] },
          ],
        },
        mrzChecksum: passportMrzChecksum(person),
        reading: readingVerification({ chipAuthentication: false }),
        biometric: { enabled: true, type: 'FACIAL_RECOGNITION', matchLevel: 4 },
      },
    ],
    source: mobileSource(ctx),
  };
}

function uaeIdData(ctx: ScenarioContext) {
  const person = fakePerson(ctx.issuedAt);
  const mrz = buildUaeMrz(person);
  const fullName = `${person.givenNames} ${person.surname}`;
  return {
    documents: [
      {
        documentType: 'UAE_ID',
        scan: {
          front: {
            identityNumber: UAE_ID_NUMBER,
            fullName,
            nationality: 'ARE',
            faceImageId: imageId(ctx, 'portrait'),
            frontImageId: imageId(ctx, 'front'),
            frontFrameImageId: imageId(ctx, 'front-frame'),
          },
          back: {
            cardNumber: UAE_CARD_NUMBER,
            cardNumberChecksum: mrz.cardCd,
            ...mrzDateFields(person, mrz),
            nationality: 'ARE',
            occupation: 'SOFTWARE TESTER',
            employer: 'SAMPLE EMPLOYER LLC',
            issuingPlace: 'SAMPLE CITY',
            mrzText: `${mrz.line1}\n${mrz.line2}\n${mrz.line3}`,
            mrzVerified: true,
            chipAvailable: true,
            backImageId: imageId(ctx, 'back'),
            backFrameImageId: imageId(ctx, 'back-frame'),
          },
        },
        reading: {
          data: {
            identityNumber: UAE_ID_NUMBER,
            cardNumber: UAE_CARD_NUMBER,
            fullNameEnglish: fullName,
            nationalityEnglish: 'SAMPLELAND',
            dateOfBirth: person.dateOfBirth.iso,
            sex: person.sex,
            cardIssueDate: person.dateOfIssue.iso,
            cardExpiryDate: person.dateOfExpiry.iso,
            occupationEnglish: 'SOFTWARE TESTER',
            residencyType: 'SAMPLE',
          },
        },
        face: {
          auditTrailImageId: imageId(ctx, 'selfie'),
          matchLevel: 5,
          match: true,
        },
        lookup: {
          status: 'SUCCESS',
          data: {
            identityNumber: UAE_ID_NUMBER,
            fullNameEnglish: fullName,
            nationality: 'ARE',
            dateOfBirth: person.dateOfBirth.iso,
            cardExpiryDate: person.dateOfExpiry.iso,
            note: 'sandbox lookup, not a government record',
          },
        },
      },
    ],
    verifications: [
      {
        documentType: 'UAE_ID',
        sourceDetection: sourceDetection(),
        ...fraudScores(),
        dataConsistencyCheck: {
          enabled: true,
          fields: [
            { name: 'IDENTITY_NUMBER', match: 'MATCH', sources: ['FRONT', 'MRZ', 'NFC'] },
            { name: 'DATE_OF_BIRTH', match: 'MATCH', sources: ['BACK', 'MRZ', 'NFC'] },
            { name: 'FULL_NAME', match: 'MATCH_PARTIALLY', sources: ['FRONT', 'MRZ', 'NFC'] },
          ],
        },
        // Check digits as numbers here (strings for passports): both shapes occur in real results.
        mrzChecksum: {
          enabled: true,
          valid: true,
          finalCheckDigit: Number(mrz.compositeCd),
          checkDigits: [
            {
              fieldName: 'documentNumber',
              fieldValue: UAE_CARD_NUMBER,
              checkDigit: Number(mrz.cardCd),
              valid: true,
            },
            {
              fieldName: 'dateOfBirth',
              fieldValue: person.dateOfBirth.yymmdd,
              checkDigit: Number(mrz.dobCd),
              valid: true,
            },
            {
              fieldName: 'dateOfExpiry',
              fieldValue: person.dateOfExpiry.yymmdd,
              checkDigit: Number(mrz.expCd),
              valid: true,
            },
          ],
        },
        reading: readingVerification({ chipAuthentication: true }),
        biometric: { enabled: true, type: 'FACIAL_RECOGNITION', matchLevel: 5 },
      },
    ],
    backgroundCheck: {
      type: 'RDC',
      match: false,
      monitoringId: `SANDBOX-${ctx.sessionId.slice(0, 8)}`,
      content: null,
    },
    deviceAttestation: {
      risk: {
        rooted: false,
        emulated: false,
        hooking: false,
        proxy: false,
        vpnRunning: false,
        debugging: false,
        deviceMasked: false,
        payloadTampered: false,
      },
      info: { platform: 'Android', model: 'SAMPLE-DEVICE-1', appPackage: 'io.sandbox.demo' },
    },
    source: mobileSource(ctx),
  };
}

function faceSessionData(ctx: ScenarioContext) {
  return {
    sessionId: ctx.sessionId,
    documents: [],
    face: {
      auditTrailImageId: imageId(ctx, 'selfie'),
      matchLevel: 3,
      match: true,
    },
    verifications: [{ biometric: { enabled: true, type: 'FACIAL_RECOGNITION', matchLevel: 3 } }],
    source: webSource(ctx),
  };
}

/** An enrolment abandoned after the scan step: no NFC reading, no face, no biometric check. */
function partialData(ctx: ScenarioContext) {
  const person = fakePerson(ctx.issuedAt);
  return {
    documents: [
      {
        documentType: 'PASSPORT',
        scan: {
          front: { ...passportScanFront(ctx, person), chipAvailable: true },
          back: null,
        },
        reading: null,
        face: null,
        lookup: null,
      },
    ],
    verifications: [
      {
        documentType: 'PASSPORT',
        sourceDetection: sourceDetection(),
        ...fraudScores(),
        mrzChecksum: passportMrzChecksum(person),
      },
    ],
    source: webSource(ctx),
  };
}

function scenarioData(scenario: Scenario, ctx: ScenarioContext): Record<string, unknown> {
  switch (scenario) {
    case 'uae-id':
      return uaeIdData(ctx);
    case 'face-session':
      return faceSessionData(ctx);
    case 'partial':
      return partialData(ctx);
    default:
      return passportData(ctx);
  }
}

/** Builds the full claim set of a scenario's result JWS (iss, aud, iat, exp, jti, data). */
export function buildResultClaims(
  scenario: Scenario,
  ctx: ScenarioContext,
): Record<string, unknown> & { data: Record<string, unknown> } {
  const data = scenarioData(scenario, ctx);
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
