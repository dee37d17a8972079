// The sandbox passport: scan (TD3 MRZ), NFC reading, face, verifications — in the shapes Uqudo documents.
import {
  certificate,
  consistencyField,
  fraudScores,
  mobileDeviceAttestation,
  mobileSource,
  readingVerification,
  sourceDetection,
  webSource,
} from './blocks';
import {
  createFakePerson,
  imageId,
  scanImageIds,
  type FakePerson,
  type ScenarioContext,
} from './context';
import { buildTd3Mrz, type Td3Mrz } from './mrz';

/** The fake passport's number and issuing state (`UTO` is ICAO's specimen state "Utopia"). */
const PASSPORT_NUMBER = 'SAMPLE001';
const PASSPORT_STATE = 'UTO';

function passportMrz(person: FakePerson): Td3Mrz {
  return buildTd3Mrz(person, PASSPORT_NUMBER, PASSPORT_STATE);
}

/** OCR of a passport's data page; `documentCode` is the MRZ's two characters ("P<"). */
function passportScanFront(person: FakePerson, mrz: Td3Mrz) {
  return {
    documentCode: 'P<',
    primaryId: person.surname,
    secondaryId: person.givenNames,
    dateOfBirth: person.dateOfBirth.yymmdd,
    dateOfBirthFormatted: person.dateOfBirth.iso,
    dateOfExpiry: person.dateOfExpiry.yymmdd,
    dateOfExpiryFormatted: person.dateOfExpiry.iso,
    documentNumber: PASSPORT_NUMBER,
    nationality: PASSPORT_STATE,
    issuer: PASSPORT_STATE,
    sex: person.sex,
    mrzText: `${mrz.line1}\n${mrz.line2}`,
    mrzVerified: true,
    opt1: mrz.optional,
    chipAvailable: true,
  };
}

/** The scan object: OCR fields in `front`, `{}` for a passport's back, image ids beside them. */
function passportScan(ctx: ScenarioContext) {
  const person = createFakePerson(ctx.issuedAt);
  return { front: passportScanFront(person, passportMrz(person)), back: {}, ...scanImageIds(ctx) };
}

/** `mrzChecksum`: every check digit of the TD3 MRZ, as numbers (the documented type). */
function passportMrzChecksum(ctx: ScenarioContext) {
  const person = createFakePerson(ctx.issuedAt);
  const mrz = passportMrz(person);
  const digit = (fieldName: string, fieldValue: string, checkDigit: string) => ({
    fieldName,
    fieldValue,
    checkDigit: Number(checkDigit),
    valid: true,
  });
  return {
    enabled: true,
    finalCheckDigit: Number(mrz.finalCd),
    valid: true,
    checkDigits: [
      digit('documentNumber', PASSPORT_NUMBER, mrz.documentCd),
      digit('dateOfBirth', person.dateOfBirth.yymmdd, mrz.birthCd),
      digit('dateOfExpiry', person.dateOfExpiry.yymmdd, mrz.expiryCd),
      digit('personalNumber', mrz.optional, mrz.optionalCd),
    ],
  };
}

/** The chip (DG1 MRZ, DG2 photo, DG11/DG12 details, certificates) as the reading object prints it. */
function passportReading(ctx: ScenarioContext, person: FakePerson, mrz: Td3Mrz) {
  return {
    data: {
      ldsVersion: null,
      mrz: {
        documentCode: 'P',
        dateOfExpiry: person.dateOfExpiry.yymmdd,
        optionalData2: null,
        gender: person.sex === 'F' ? 'FEMALE' : 'MALE',
        nationality: PASSPORT_STATE,
        documentNumber: PASSPORT_NUMBER,
        dateOfBirth: person.dateOfBirth.yymmdd,
        issuingState: PASSPORT_STATE,
        secondaryIdentifier: person.givenNames,
        primaryIdentifier: person.surname,
        optionalData1: mrz.optional + mrz.optionalCd,
      },
      photo: ctx.nfcPhotoBase64,
      photoMimeType: 'image/jpeg',
      personalDetails: {
        nameOfHolder: `${person.surname}<<${person.givenNames}`,
        otherNames: [],
        personalNumber: null,
        fullDateOfBirth: person.dateOfBirth.iso.replace(/-/g, ''),
        placeOfBirth: ['SAMPLE CITY', 'UTOPIA'],
        permanentAddress: ['1 EXAMPLE STREET', 'SAMPLE CITY'],
        telephone: null,
        profession: 'SOFTWARE TESTER',
        title: null,
        personalSummary: null,
        proofOfCitizenship: null,
        otherValidTDNumbers: [],
        custodyInformation: null,
      },
      documentDetails: {
        issuingAuthority: 'SANDBOX PASSPORT OFFICE (NOT REAL)',
        dateOfIssue: person.dateOfIssue.iso.replace(/-/g, ''),
      },
      countrySigningCertificate: certificate('CSCA', ctx.issuedAt),
      documentSigningCertificate: certificate('DS', ctx.issuedAt),
    },
  };
}

function passportConsistency(person: FakePerson) {
  const scan = (name: string, value: string) => ({
    source: 'SCAN' as const,
    documentSide: 'FRONT' as const,
    name,
    value,
  });
  const chip = (name: string, value: string) => ({ source: 'READING' as const, name, value });
  return {
    enabled: true,
    fields: [
      consistencyField('documentNumber', 'MATCH', [
        scan('documentNumber', PASSPORT_NUMBER),
        chip('documentNumber', PASSPORT_NUMBER),
      ]),
      consistencyField('dateOfBirth', 'MATCH', [
        scan('dateOfBirth', person.dateOfBirth.yymmdd),
        chip('dateOfBirth', person.dateOfBirth.yymmdd),
      ]),
      consistencyField('dateOfExpiry', 'MATCH', [
        scan('dateOfExpiry', person.dateOfExpiry.yymmdd),
        chip('dateOfExpiry', person.dateOfExpiry.yymmdd),
      ]),
      consistencyField('fullName', 'MATCH', [
        scan('secondaryId', person.givenNames),
        scan('primaryId', person.surname),
        chip('nameOfHolder', `${person.surname}<<${person.givenNames}`),
      ]),
    ],
  };
}

/** `data` of the passport scenario (mobile SDK: scan + NFC + face). */
export function buildPassportData(ctx: ScenarioContext): Record<string, unknown> {
  const person = createFakePerson(ctx.issuedAt);
  const mrz = passportMrz(person);
  return {
    documents: [
      {
        documentType: 'PASSPORT',
        scan: passportScan(ctx),
        reading: passportReading(ctx, person, mrz),
        face: { auditTrailImageId: imageId(ctx, 'selfie'), matchLevel: 4, match: true },
        lookup: null,
      },
    ],
    verifications: [
      {
        documentType: 'PASSPORT',
        sourceDetection: sourceDetection('mobile'),
        ...fraudScores(),
        dataConsistencyCheck: passportConsistency(person),
        mrzChecksum: passportMrzChecksum(ctx),
        reading: readingVerification({ chipAuthentication: false }),
        biometric: { enabled: true, type: 'FACIAL_RECOGNITION', matchLevel: 4 },
      },
    ],
    deviceAttestation: mobileDeviceAttestation(ctx),
    source: mobileSource(ctx),
  };
}

/** `data` of the partial scenario: a Web SDK enrolment abandoned after the scan step. */
export function buildPartialData(ctx: ScenarioContext): Record<string, unknown> {
  return {
    documents: [
      {
        documentType: 'PASSPORT',
        scan: passportScan(ctx),
        reading: null,
        face: null,
        lookup: null,
      },
    ],
    verifications: [
      {
        documentType: 'PASSPORT',
        sourceDetection: sourceDetection('web'),
        ...fraudScores(),
        mrzChecksum: passportMrzChecksum(ctx),
      },
    ],
    source: webSource(ctx),
  };
}
