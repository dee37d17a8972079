// The sandbox UAE ID: front/back scan (TD1 MRZ), NFC reading with flat keys, lookup, background check, device attestation.
import {
  consistencyField,
  fraudScores,
  mobileDeviceAttestation,
  mobileSource,
  readingVerification,
  sourceDetection,
} from './blocks';
import {
  createFakePerson,
  imageId,
  scanImageIds,
  type FakePerson,
  type ScenarioContext,
} from './context';
import { buildTd1Mrz, type MrzDate } from './mrz';

/** The fake card number (on the back) and Emirates ID number (784-YYYY-NNNNNNN-C). */
const UAE_CARD_NUMBER = 'SAMPLE002';
const UAE_ID_NUMBER = '784199000000001';
const UAE_ID_PRINTED = '784-1990-0000000-1';

/** A date as printed on the card (`dd/MM/yyyy`); the ISO form goes in the `Formatted` sibling. */
function printed(date: MrzDate): string {
  const [year, month, day] = date.iso.split('-');
  return `${day}/${month}/${year}`;
}

function uaeScan(ctx: ScenarioContext, person: FakePerson) {
  const mrz = buildTd1Mrz(person, {
    documentCode: 'ID',
    state: 'ARE',
    documentNumber: UAE_CARD_NUMBER,
    optional1: UAE_ID_NUMBER,
    nationality: 'UTO',
  });
  const fullName = `${person.givenNames} ${person.surname}`;
  return {
    front: {
      fullName,
      identityNumber: UAE_ID_PRINTED,
      identityNumberVerified: true,
      nationality: 'UTOPIA',
      issueDate: printed(person.dateOfIssue),
      issueDateFormatted: person.dateOfIssue.iso,
      dateOfBirth: printed(person.dateOfBirth),
      dateOfBirthFormatted: person.dateOfBirth.iso,
      dateOfExpiry: printed(person.dateOfExpiry),
      dateOfExpiryFormatted: person.dateOfExpiry.iso,
      gender: person.sex,
    },
    back: {
      cardNumber: UAE_CARD_NUMBER,
      primaryId: person.surname,
      secondaryId: person.givenNames,
      dateOfBirth: person.dateOfBirth.yymmdd,
      dateOfBirthFormatted: person.dateOfBirth.iso,
      dateOfExpiry: person.dateOfExpiry.yymmdd,
      dateOfExpiryFormatted: person.dateOfExpiry.iso,
      documentNumber: UAE_CARD_NUMBER,
      nationality: 'UTO',
      issuer: 'ARE',
      sex: person.sex,
      documentCode: 'ID',
      mrzText: mrz.lines.join('\n'),
      mrzVerified: true,
      // For Emirates IDs optional field 1 carries the identity number.
      opt1: UAE_ID_NUMBER,
      opt2: '',
    },
    ...scanImageIds(ctx),
    mrz,
  };
}

/** The Emirates ID chip: a flat object, keys as Uqudo returns them, ISO dates. */
function uaeReading(ctx: ScenarioContext, person: FakePerson) {
  return {
    data: {
      idNumber: UAE_ID_NUMBER,
      cardNumber: UAE_CARD_NUMBER,
      fullName: `${person.givenNames} ${person.surname}`,
      nationality: 'UTO',
      sex: person.sex,
      dateOfBirth: person.dateOfBirth.iso,
      issueDate: person.dateOfIssue.iso,
      expiryDate: person.dateOfExpiry.iso,
      placeOfBirth: 'SAMPLE CITY',
      occupation: 'SOFTWARE TESTER',
      companyName: 'SAMPLE EMPLOYER LLC',
      sponsorName: 'SAMPLE EMPLOYER LLC',
      passportNumber: 'SAMPLE001',
      passportCountry: 'UTO',
      photography: ctx.nfcPhotoBase64,
    },
  };
}

function uaeLookup(person: FakePerson) {
  return {
    status: 'SUCCESS',
    statusMessage: null,
    data: {
      identityNumber: UAE_ID_NUMBER,
      nationalityCode: 'UTO',
      cardNumber: UAE_CARD_NUMBER,
      dateOfBirth: printed(person.dateOfBirth),
      dateOfBirthFormatted: person.dateOfBirth.iso,
      issueDate: printed(person.dateOfIssue),
      issueDateFormatted: person.dateOfIssue.iso,
      dateOfExpiry: printed(person.dateOfExpiry),
      dateOfExpiryFormatted: person.dateOfExpiry.iso,
    },
  };
}

function uaeConsistency(person: FakePerson) {
  return {
    enabled: true,
    fields: [
      consistencyField('identityNumber', 'MATCH', [
        { source: 'SCAN', documentSide: 'FRONT', name: 'identityNumber', value: UAE_ID_PRINTED },
        { source: 'READING', name: 'idNumber', value: UAE_ID_NUMBER },
        { source: 'LOOKUP', name: 'identityNumber', value: UAE_ID_NUMBER },
      ]),
      consistencyField('dateOfBirth', 'MATCH', [
        {
          source: 'SCAN',
          documentSide: 'BACK',
          name: 'dateOfBirth',
          value: person.dateOfBirth.yymmdd,
        },
        { source: 'READING', name: 'dateOfBirth', value: person.dateOfBirth.iso },
        { source: 'LOOKUP', name: 'dateOfBirth', value: printed(person.dateOfBirth) },
      ]),
      consistencyField('fullName', 'MATCH', [
        {
          source: 'SCAN',
          documentSide: 'FRONT',
          name: 'fullName',
          value: `${person.givenNames} ${person.surname}`,
        },
        { source: 'READING', name: 'fullName', value: `${person.givenNames} ${person.surname}` },
      ]),
    ],
  };
}

/** `data` of the uae-id scenario (mobile SDK: scan + NFC + face + lookup + background check). */
export function buildUaeIdData(ctx: ScenarioContext): Record<string, unknown> {
  const person = createFakePerson(ctx.issuedAt);
  const { mrz, ...scan } = uaeScan(ctx, person);
  const digit = (fieldName: string, fieldValue: string, checkDigit: string) => ({
    fieldName,
    fieldValue,
    checkDigit: Number(checkDigit),
    valid: true,
  });
  return {
    documents: [
      {
        documentType: 'UAE_ID',
        scan,
        reading: uaeReading(ctx, person),
        face: { auditTrailImageId: imageId(ctx, 'selfie'), matchLevel: 5, match: true },
        lookup: uaeLookup(person),
      },
    ],
    verifications: [
      {
        documentType: 'UAE_ID',
        sourceDetection: sourceDetection('mobile'),
        ...fraudScores(),
        dataConsistencyCheck: uaeConsistency(person),
        mrzChecksum: {
          enabled: true,
          finalCheckDigit: Number(mrz.compositeCd),
          valid: true,
          checkDigits: [
            digit('documentNumber', UAE_CARD_NUMBER, mrz.documentCd),
            digit('dateOfBirth', person.dateOfBirth.yymmdd, mrz.birthCd),
            digit('dateOfExpiry', person.dateOfExpiry.yymmdd, mrz.expiryCd),
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
    deviceAttestation: mobileDeviceAttestation(ctx),
    source: mobileSource(ctx),
  };
}
