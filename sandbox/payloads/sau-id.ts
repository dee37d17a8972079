// The sandbox Saudi ID (new citizen card): scan, and an NFC reading whose data sits in `personalInformation`.
import {
  consistencyField,
  fraudScores,
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

/** The fake Saudi identity number (10 digits; 1… for citizens). */
const SAU_ID_NUMBER = '1000000009';
const SAU_CARD_NUMBER = 'SAMPLE003';

const HIJRI = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  timeZone: 'UTC',
});

/** A date as the Saudi chip prints it: `yyyyMMdd`. */
function compact(date: MrzDate): string {
  return date.iso.replace(/-/g, '');
}

/** The same day in the Umm al-Qura (Hijri) calendar, `yyyyMMdd` like the chip's `*Hijri` keys. */
function hijri(date: MrzDate): string {
  const parts = HIJRI.formatToParts(new Date(`${date.iso}T00:00:00Z`));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${part('year')}${part('month')}${part('day')}`;
}

function sauScan(ctx: ScenarioContext, person: FakePerson) {
  const mrz = buildTd1Mrz(person, {
    documentCode: 'ID',
    state: 'SAU',
    documentNumber: SAU_CARD_NUMBER,
    optional1: SAU_ID_NUMBER,
    nationality: 'SAU',
  });
  return {
    front: {
      fullName: `${person.givenNames} ${person.surname}`,
      documentNumber: SAU_ID_NUMBER,
      dateOfBirth: compact(person.dateOfBirth),
      dateOfBirthFormatted: person.dateOfBirth.iso,
      dateOfExpiry: compact(person.dateOfExpiry),
      dateOfExpiryFormatted: person.dateOfExpiry.iso,
    },
    back: {
      primaryId: person.surname,
      secondaryId: person.givenNames,
      dateOfBirth: person.dateOfBirth.yymmdd,
      dateOfBirthFormatted: person.dateOfBirth.iso,
      dateOfExpiry: person.dateOfExpiry.yymmdd,
      dateOfExpiryFormatted: person.dateOfExpiry.iso,
      documentNumber: SAU_CARD_NUMBER,
      nationality: 'SAU',
      issuer: 'SAU',
      sex: person.sex,
      documentCode: 'ID',
      mrzText: mrz.lines.join('\n'),
      mrzVerified: true,
      opt1: SAU_ID_NUMBER,
      opt2: '',
    },
    ...scanImageIds(ctx),
  };
}

/** The chip: `photo` and `personalInformation` (Gregorian `yyyyMMdd` dates plus Hijri ones). */
function sauReading(ctx: ScenarioContext, person: FakePerson) {
  return {
    data: {
      photo: ctx.nfcPhotoBase64,
      personalInformation: {
        fullName: `${person.givenNames} ${person.surname}`,
        firstName: person.givenNames,
        secondName: null,
        thirdName: null,
        sixthName: person.surname,
        dateOfBirth: compact(person.dateOfBirth),
        dateOfBirthHijri: hijri(person.dateOfBirth),
        gender: person.sex === 'F' ? 2 : 1,
        dateOfExpiry: compact(person.dateOfExpiry),
        dateOfExpiryHijri: hijri(person.dateOfExpiry),
        hafizaDateHijri: hijri(person.dateOfIssue),
        maritalStatus: 0,
      },
    },
  };
}

/** `data` of the sau-id scenario (mobile SDK: scan + NFC + face). */
export function buildSauIdData(ctx: ScenarioContext): Record<string, unknown> {
  const person = createFakePerson(ctx.issuedAt);
  return {
    documents: [
      {
        documentType: 'SAU_ID',
        scan: sauScan(ctx, person),
        reading: sauReading(ctx, person),
        face: { auditTrailImageId: imageId(ctx, 'selfie'), matchLevel: 4, match: true },
        lookup: null,
      },
    ],
    verifications: [
      {
        documentType: 'SAU_ID',
        sourceDetection: sourceDetection('mobile'),
        ...fraudScores(),
        dataConsistencyCheck: {
          enabled: true,
          fields: [
            consistencyField('dateOfBirth', 'MATCH', [
              {
                source: 'SCAN',
                documentSide: 'FRONT',
                name: 'dateOfBirth',
                value: compact(person.dateOfBirth),
              },
              { source: 'READING', name: 'dateOfBirth', value: compact(person.dateOfBirth) },
            ]),
            consistencyField('dateOfExpiry', 'MATCH', [
              {
                source: 'SCAN',
                documentSide: 'FRONT',
                name: 'dateOfExpiry',
                value: compact(person.dateOfExpiry),
              },
              { source: 'READING', name: 'dateOfExpiry', value: compact(person.dateOfExpiry) },
            ]),
          ],
        },
        reading: readingVerification({ chipAuthentication: false }),
        biometric: { enabled: true, type: 'FACIAL_RECOGNITION', matchLevel: 4 },
      },
    ],
    source: mobileSource(ctx),
  };
}
