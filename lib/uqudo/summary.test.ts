// Tests for summarizeUqudoResult: fixtures of each flow, odd shapes, and a never-throws property.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  FRAUD_SCORE_THRESHOLDS,
  summarizeUqudoResult,
  type DocumentSummary,
  type SectionId,
  type SummaryItem,
  type UqudoSummary,
} from './summary';

const NOW = Date.UTC(2026, 0, 1);

function fixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8'));
}

function section(doc: DocumentSummary | UqudoSummary, id: SectionId) {
  return doc.sections.find((s) => s.id === id);
}

function findItem(doc: DocumentSummary | UqudoSummary, id: SectionId, label: string): SummaryItem {
  const found = section(doc, id)?.items.find((i) => i.label === label);
  if (!found) throw new Error(`no item "${label}" in section ${id}`);
  return found;
}

function allItems(summary: UqudoSummary): SummaryItem[] {
  return [...summary.sections, ...summary.documents.flatMap((d) => d.sections)].flatMap(
    (s) => s.items,
  );
}

/** Deep-clones a fixture and applies a change, so each test edits its own copy. */
function edit(name: string, change: (data: any) => void): Record<string, unknown> {
  const payload = fixture(name);
  change(payload.data);
  return payload;
}

describe('summarizeUqudoResult — passport with NFC', () => {
  const summary = summarizeUqudoResult(fixture('passport'), { now: NOW });
  const doc = summary.documents[0]!;

  it('reads the session, nonce and one passport', () => {
    expect(summary.hasData).toBe(true);
    expect(summary.sessionId).toBe('3f2a9c1e-7b4d-4e8f-9a01-23456789abcd');
    expect(summary.sessionIdSource).toBe('jti');
    expect(summary.nonce).toBe('n-7f3c2b1a-sample-nonce');
    expect(summary.documents).toHaveLength(1);
    expect(doc.documentType).toBe('PASSPORT');
    expect(doc.path).toBe('$.data.documents[0]');
    expect(summary.notes).toEqual([]);
  });

  it('builds the headline from the chip before the OCR (name of holder, MRZ dates)', () => {
    expect(doc.highlights).toEqual({
      fullName: 'TEST SAMPLE',
      documentNumber: 'SAMPLE001',
      nationality: 'UTO',
      dateOfBirth: '1990-01-01',
      dateOfExpiry: '2033-01-01',
      expired: false,
    });
    expect(findItem(doc, 'document', 'Name').path).toBe(
      '$.data.documents[0].reading.data.personalDetails.nameOfHolder',
    );
    const expiry = findItem(doc, 'document', 'Date of expiry');
    expect(expiry.level).toBe('good');
    expect(expiry.path).toBe('$.data.documents[0].reading.data.mrz.dateOfExpiry');
  });

  it('reports which steps are present', () => {
    expect(doc.steps).toEqual({ scan: true, reading: true, face: true, lookup: false });
    expect(findItem(doc, 'document', 'Steps in the result').value).toBe('scan, NFC reading, face');
    expect(section(doc, 'lookup')).toBeUndefined();
  });

  it('describes the face match level in words, never as "approved"', () => {
    expect(doc.face).toEqual({ matchLevel: 4, match: true });
    const level = findItem(doc, 'face', 'Match level');
    expect(level).toMatchObject({ value: '4 of 5', level: 'good' });
    expect(level.detail).toMatch(/accuracy/);
    for (const entry of allItems(summary)) {
      expect(`${entry.label} ${entry.value} ${entry.detail ?? ''}`).not.toMatch(/approved/i);
    }
  });

  it('grades fraud scores with the documented thresholds', () => {
    expect(findItem(doc, 'fraud-checks', 'Screen detection')).toMatchObject({
      value: '3 / 100',
      level: 'good',
      path: '$.data.verifications[0].idScreenDetection.score',
    });
    expect(findItem(doc, 'fraud-checks', 'Print detection')).toMatchObject({
      value: '24.5 / 100',
      level: 'warn',
    });
    expect(findItem(doc, 'fraud-checks', 'Photo tampering detection')).toMatchObject({
      value: '0.68 / 100',
      level: 'good',
    });
    expect(findItem(doc, 'fraud-checks', 'Non-physical documents').level).toBe('good');
    expect(findItem(doc, 'fraud-checks', 'Camera resolution').value).toBe('1920x1080, optimal');
  });

  it('reports MRZ checksum, one passive-authentication verdict with its flags, and chip checks', () => {
    expect(findItem(doc, 'mrz-checksum', 'MRZ checksum')).toMatchObject({
      value: 'valid',
      level: 'good',
    });
    expect(findItem(doc, 'chip-verification', 'Passive authentication')).toMatchObject({
      value: 'passed',
      level: 'good',
    });
    for (const [label, value] of [
      ['Document data signature', 'valid'],
      ['Document signing certificate signature', 'valid'],
      ['Document signing certificate', 'available'],
      ['Country signing certificate', 'available'],
    ]) {
      expect(findItem(doc, 'chip-verification', label!)).toMatchObject({ value, level: 'info' });
    }
    expect(findItem(doc, 'chip-verification', 'Active authentication').value).toBe('performed');
    expect(findItem(doc, 'chip-verification', 'Chip authentication').value).toBe('not performed');
  });

  it('shows certificate thumbprints and key algorithms as Uqudo prints them', () => {
    const signer = findItem(doc, 'reading', 'Document signing certificate');
    expect(signer.value).toMatch(/DOCUMENT SIGNER/);
    expect(signer.detail).toMatch(/RSA key/);
    expect(signer.detail).toMatch(/thumbprint 5a4d504c45[0-9a-f]{30}/);
    expect(signer.detail).toMatch(/valid from 2023-01-01T09:00:00\.000\+0000/);
  });

  it('flags a partial data-consistency match as warn and names every source', () => {
    expect(findItem(doc, 'data-consistency', 'Matching fields')).toMatchObject({
      value: '3 of 4',
      level: 'good',
    });
    const partial = findItem(doc, 'data-consistency', 'fullName');
    expect(partial).toMatchObject({ value: 'partial match', level: 'warn' });
    expect(partial.detail).toBe(
      'SCAN FRONT secondaryId: \u201cTEST\u201d \u00b7 SCAN FRONT primaryId: \u201cSAMPLE\u201d \u00b7 READING nameOfHolder: \u201cSAMPLE<<TEST PERS0N\u201d',
    );
  });

  it('lists every scan-level image id with its JSON path, and the inline NFC photo', () => {
    expect(summary.images).toEqual([
      {
        id: '65a1f0c2e4b0a1b2c3d4e5f6',
        path: '$.data.documents[0].scan.faceImageId',
        key: 'faceImageId',
        documentType: 'PASSPORT',
      },
      {
        id: '65a1f0c2e4b0a1b2c3d4e5f7',
        path: '$.data.documents[0].scan.frontImageId',
        key: 'frontImageId',
        documentType: 'PASSPORT',
      },
      {
        id: '65a1f0c2e4b0a1b2c3d4e5f8',
        path: '$.data.documents[0].scan.frontFrameImageId',
        key: 'frontFrameImageId',
        documentType: 'PASSPORT',
      },
      {
        id: '65a1f0c2e4b0a1b2c3d4e5f9',
        path: '$.data.documents[0].face.auditTrailImageId',
        key: 'auditTrailImageId',
        documentType: 'PASSPORT',
      },
    ]);
    expect(summary.inlinePhotos).toHaveLength(1);
    const photo = summary.inlinePhotos[0]!;
    const bytes = readFileSync(new URL('../../sandbox/images/nfc-photo.jpg', import.meta.url));
    expect(photo).toMatchObject({
      source: 'chip',
      label: 'Chip photo',
      path: '$.data.documents[0].reading.data.photo',
      mimeType: 'image/jpeg',
      detectedType: 'image/jpeg',
      approxBytes: bytes.length,
      documentType: 'PASSPORT',
    });
    expect(Buffer.from(photo.base64, 'base64').equals(bytes)).toBe(true);
    expect(findItem(doc, 'reading', 'Chip photo').value).toBe('image/jpeg, 1.6 KB');
  });

  it('summarizes source, background check and a clean device attestation', () => {
    expect(findItem(summary, 'source', 'SDK type').value).toBe('KYC_MOBILE');
    expect(findItem(summary, 'source', 'SDK version').value).toBe('3.6.1');
    expect(findItem(summary, 'background-check', 'Watch-list match')).toMatchObject({
      value: 'no match',
      level: 'good',
    });
    expect(findItem(summary, 'background-check', 'Monitoring id').value).toBe('mon-000123-sample');
    expect(findItem(summary, 'device-attestation', 'Risk flags')).toMatchObject({
      value: 'none raised',
      level: 'good',
    });
    expect(findItem(summary, 'device-attestation', 'applicationStore').level).toBe('info');
  });

  it('counts two warnings (the print score and the partial match), nothing bad', () => {
    expect(summary.overall).toEqual({ bad: 0, warn: 2 });
  });
});

describe('summarizeUqudoResult — UAE ID with problems', () => {
  const summary = summarizeUqudoResult(fixture('uae-id'), { now: NOW });
  const doc = summary.documents[0]!;

  it('reads the flat chip keys and flags the expired document', () => {
    expect(doc.highlights).toMatchObject({
      fullName: 'TEST SAMPLE',
      documentNumber: '784199000000001',
      dateOfExpiry: '2024-06-30',
      expired: true,
    });
    expect(findItem(doc, 'document', 'Document number').path).toBe(
      '$.data.documents[0].reading.data.idNumber',
    );
    expect(findItem(doc, 'document', 'Date of expiry')).toMatchObject({
      value: '2024-06-30 (expired)',
      level: 'bad',
      path: '$.data.documents[0].reading.data.expiryDate',
    });
  });

  it('reports front and back scan checks', () => {
    expect(findItem(doc, 'scan', 'MRZ verified (back)').level).toBe('bad');
    expect(findItem(doc, 'scan', 'Identity number checksum (front)').level).toBe('good');
  });

  it('flags a high screen score, a non-optimal resolution and a disabled tamper check', () => {
    expect(findItem(doc, 'fraud-checks', 'Screen detection')).toMatchObject({
      value: '61.2 / 100',
      level: 'bad',
    });
    // A numeric string score is read as a number.
    expect(findItem(doc, 'fraud-checks', 'Print detection')).toMatchObject({
      value: '8 / 100',
      level: 'good',
    });
    expect(findItem(doc, 'fraud-checks', 'Photo tampering detection')).toMatchObject({
      value: 'disabled',
      level: 'info',
    });
    expect(findItem(doc, 'fraud-checks', 'Camera resolution')).toMatchObject({
      value: '1280x720, not optimal',
      level: 'warn',
    });
    // A mobile result that allows non-physical documents was configured to: worth a look.
    expect(findItem(doc, 'fraud-checks', 'Non-physical documents').level).toBe('warn');
  });

  it('names the failing MRZ check digits', () => {
    const checksum = findItem(doc, 'mrz-checksum', 'MRZ checksum');
    expect(checksum).toMatchObject({ value: 'invalid', level: 'bad' });
    expect(checksum.detail).toBe('Failing check digits: dateOfExpiry.');
    expect(findItem(doc, 'mrz-checksum', 'Check digit: dateOfExpiry')).toMatchObject({
      level: 'bad',
      detail: 'value 240630, check digit 8',
      path: '$.data.verifications[0].mrzChecksum.checkDigits[2]',
    });
  });

  it('gives one failed passive-authentication verdict for an invalid chip data signature', () => {
    const verdict = findItem(doc, 'chip-verification', 'Passive authentication');
    expect(verdict).toMatchObject({ value: 'failed', level: 'bad' });
    expect(verdict.detail).toMatch(/chip data may have been altered/);
    const levels = section(doc, 'chip-verification')!.items.filter((i) => i.level !== 'info');
    expect(levels).toEqual([verdict]);
  });

  it('flags NO_MATCH consistency fields as bad with the disagreeing values', () => {
    const field = findItem(doc, 'data-consistency', 'dateOfBirth');
    expect(field.level).toBe('bad');
    expect(field.detail).toBe(
      'SCAN BACK dateOfBirth: \u201c900101\u201d \u00b7 READING dateOfBirth: \u201c1991-01-01\u201d \u00b7 LOOKUP dateOfBirth: \u201c01/01/1990\u201d',
    );
  });

  it('describes match level 2 as the lowest acceptable level (warn)', () => {
    expect(findItem(doc, 'face', 'Match level')).toMatchObject({ value: '2 of 5', level: 'warn' });
    expect(findItem(doc, 'biometric', 'Match level').level).toBe('warn');
  });

  it('reports the failed lookup with its status code explained', () => {
    expect(findItem(doc, 'lookup', 'Lookup status')).toMatchObject({
      value: 'FAILED',
      level: 'bad',
    });
    expect(findItem(doc, 'lookup', 'Status code').detail).toMatch(/unavailable/);
    expect(findItem(doc, 'lookup', 'Status message').value).toBe(
      'Sample: upstream data source timed out',
    );
  });

  it('reads device attestation from the top level and lists only true risks', () => {
    const attestation = section(summary, 'device-attestation')!;
    expect(attestation.items.filter((i) => i.value === 'true').map((i) => i.label)).toEqual([
      'hooking',
      'rooted',
      'vpnRunning',
    ]);
    expect(findItem(summary, 'device-attestation', 'rooted')).toMatchObject({
      level: 'bad',
      path: '$.deviceAttestation.risk.rooted',
    });
    expect(findItem(summary, 'device-attestation', 'vpnRunning').level).toBe('warn');
    // "false" as a string is a false flag, not a raised risk.
    expect(attestation.items.some((i) => i.label === 'emulated')).toBe(false);
  });

  it('flags a background-check match and says ICAD keeps the review on the RDC portal', () => {
    expect(findItem(summary, 'background-check', 'Watch-list match')).toMatchObject({
      value: 'match found',
      level: 'bad',
    });
    const entities = findItem(summary, 'background-check', 'Matched entities');
    expect(entities.value).toBe('on the RDC portal');
    expect(entities.detail).toMatch(/ICAD.*content null.*RDC portal/);
  });

  it('lists front and back images and the Emirates ID chip photo (photography)', () => {
    expect(summary.images.map((i) => i.key)).toEqual([
      'faceImageId',
      'frontImageId',
      'frontFrameImageId',
      'backImageId',
      'backFrameImageId',
      'auditTrailImageId',
    ]);
    expect(summary.inlinePhotos.map((p) => p.path)).toEqual([
      '$.data.documents[0].reading.data.photography',
    ]);
  });

  it('counts bad and warn items', () => {
    const items = allItems(summary);
    expect(summary.overall.bad).toBe(items.filter((i) => i.level === 'bad').length);
    expect(summary.overall.warn).toBe(items.filter((i) => i.level === 'warn').length);
    expect(summary.overall.bad).toBeGreaterThanOrEqual(8);
  });
});

describe('summarizeUqudoResult — Saudi ID chip', () => {
  const doc = summarizeUqudoResult(fixture('sau-id'), { now: NOW }).documents[0]!;

  it('feeds the headline and expiry from reading.data.personalInformation (yyyyMMdd)', () => {
    expect(doc.highlights).toMatchObject({
      fullName: 'TEST SAMPLE',
      dateOfBirth: '1990-01-01',
      dateOfExpiry: '2033-01-01',
      expired: false,
    });
    expect(findItem(doc, 'document', 'Date of expiry').path).toBe(
      '$.data.documents[0].reading.data.personalInformation.dateOfExpiry',
    );
  });

  it('shows Hijri dates exactly as given', () => {
    expect(findItem(doc, 'document', 'Date of birth (Hijri)')).toMatchObject({
      value: '14100603',
      level: 'info',
    });
    expect(findItem(doc, 'document', 'Date of expiry (Hijri)').detail).toMatch(/shown as given/);
  });
});

describe('summarizeUqudoResult — face session and partial result', () => {
  it('takes the session id from data.sessionId for face sessions', () => {
    const summary = summarizeUqudoResult(fixture('face-session'), { now: NOW });
    expect(summary.sessionId).toBe('5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9');
    expect(summary.sessionIdSource).toBe('data.sessionId');
    expect(findItem(summary, 'session', 'Session id').detail).toMatch(/not jti/);
    expect(findItem(summary, 'session', 'Token id (jti)').value).toBe(
      'd4c3b2a1-0f9e-4d8c-b7a6-5f4e3d2c1b0a',
    );
    expect(summary.documents).toEqual([]);
    expect(findItem(summary, 'face', 'Match level')).toMatchObject({
      value: '5 of 5',
      level: 'good',
      path: '$.data.face.matchLevel',
    });
    expect(summary.images).toEqual([
      {
        id: '65c300000000000000000001',
        path: '$.data.face.auditTrailImageId',
        key: 'auditTrailImageId',
      },
    ]);
    expect(summary.notes).toEqual([]);
  });

  it('still reads an older face session that carried a lone biometric verification', () => {
    const summary = summarizeUqudoResult(
      edit('face-session', (data) => {
        data.verifications = [
          { biometric: { enabled: true, type: 'FACIAL_RECOGNITION', matchLevel: 5 } },
        ];
        data.source = { sdkType: 'KYC_WEB', deviceModel: '' };
      }),
      { now: NOW },
    );
    expect(findItem(summary, 'biometric', 'Match level')).toMatchObject({
      value: '5 of 5',
      path: '$.data.verifications[0].biometric.matchLevel',
    });
    // Empty strings are left out of the source section.
    expect(section(summary, 'source')!.items.map((i) => i.label)).not.toContain('Device model');
  });

  it('shows a failed face match in a partial web result and skips empty image ids', () => {
    const summary = summarizeUqudoResult(fixture('partial'), { now: NOW });
    const doc = summary.documents[0]!;
    expect(doc.steps).toEqual({ scan: true, reading: false, face: true, lookup: false });
    expect(findItem(doc, 'face', 'Face match')).toMatchObject({ value: 'no match', level: 'bad' });
    expect(findItem(doc, 'face', 'Match level').level).toBe('bad');
    expect(findItem(doc, 'face', 'Face recognition error').value).toBe('FACE_NOT_MATCHING');
    expect(summary.images.map((i) => i.key)).toEqual([
      'faceImageId',
      'frontImageId',
      'auditTrailImageId',
    ]);
    // The Web SDK cannot read chips: an unread chip is not held against a web result.
    expect(findItem(doc, 'scan', 'Chip available').level).toBe('info');
    expect(summary.overall).toEqual({ bad: 3, warn: 0 });
  });
});

describe('summarizeUqudoResult — rules', () => {
  it('defaults now to the current time', () => {
    const summary = summarizeUqudoResult(
      edit('passport', (data) => {
        data.documents[0].reading = null;
        data.documents[0].scan.front.dateOfExpiryFormatted = '2001-01-01';
      }),
    );
    expect(summary.documents[0]!.highlights.expired).toBe(true);
  });

  it('treats the expiry day itself as still valid', () => {
    const payload = edit('passport', (data) => {
      data.documents[0].reading.data.mrz.dateOfExpiry = '260101';
    });
    const sameDay = summarizeUqudoResult(payload, { now: Date.UTC(2026, 0, 1, 23, 59) });
    expect(sameDay.documents[0]!.highlights.expired).toBe(false);
    const nextDay = summarizeUqudoResult(payload, { now: Date.UTC(2026, 0, 2) });
    expect(nextDay.documents[0]!.highlights.expired).toBe(true);
  });

  it('falls back to YYMMDD when there is no Formatted sibling', () => {
    const summary = summarizeUqudoResult(
      edit('passport', (data) => {
        data.documents[0].reading = null;
        const front = data.documents[0].scan.front;
        delete front.dateOfExpiryFormatted;
        delete front.dateOfBirthFormatted;
        front.dateOfExpiry = '251231';
        front.dateOfBirth = '991231';
      }),
      { now: NOW },
    );
    const doc = summary.documents[0]!;
    expect(doc.highlights.dateOfExpiry).toBe('2025-12-31');
    expect(doc.highlights.expired).toBe(true);
    // A two-digit birth year is never in the future.
    expect(doc.highlights.dateOfBirth).toBe('1999-12-31');
    expect(findItem(doc, 'document', 'Date of expiry').path).toBe(
      '$.data.documents[0].scan.front.dateOfExpiry',
    );
  });

  it('shows an unreadable expiry as warn instead of guessing', () => {
    const summary = summarizeUqudoResult(
      edit('passport', (data) => {
        const front = data.documents[0].scan.front;
        front.dateOfExpiryFormatted = '2030-02-31';
        front.dateOfExpiry = 'soon';
        // Without the chip data, the scan is the only source of an expiry date.
        data.documents[0].reading = null;
      }),
      { now: NOW },
    );
    const doc = summary.documents[0]!;
    expect(doc.highlights.expired).toBeUndefined();
    expect(findItem(doc, 'document', 'Date of expiry')).toMatchObject({
      value: '2030-02-31',
      level: 'warn',
    });
  });

  it('grades scores exactly at the thresholds', () => {
    const grade = (score: unknown) => {
      const summary = summarizeUqudoResult(
        edit('passport', (data) => {
          data.verifications[0].idScreenDetection.score = score;
        }),
        { now: NOW },
      );
      return findItem(summary.documents[0]!, 'fraud-checks', 'Screen detection').level;
    };
    expect(grade(FRAUD_SCORE_THRESHOLDS.bad)).toBe('bad');
    expect(grade(FRAUD_SCORE_THRESHOLDS.bad - 0.01)).toBe('warn');
    expect(grade(FRAUD_SCORE_THRESHOLDS.warn)).toBe('warn');
    expect(grade(FRAUD_SCORE_THRESHOLDS.warn - 0.01)).toBe('good');
    expect(grade('n/a')).toBe('warn');
    expect(grade(null)).toBe('warn');
  });

  it('warns when a chip is available but the NFC step is missing', () => {
    const summary = summarizeUqudoResult(
      edit('passport', (data) => {
        data.documents[0].reading = null;
      }),
      { now: NOW },
    );
    const doc = summary.documents[0]!;
    expect(findItem(doc, 'scan', 'Chip available').level).toBe('warn');
    expect(summary.inlinePhotos).toEqual([]);
  });

  it('attaches verifications by document type, and keeps orphans as their own entry', () => {
    const summary = summarizeUqudoResult(
      edit('passport', (data) => {
        data.documents.unshift({ documentType: 'UAE_ID', scan: null, reading: null });
        data.verifications.push({ documentType: 'SAU_ID', idPrintDetection: { score: 70 } });
      }),
      { now: NOW },
    );
    expect(summary.documents.map((d) => d.documentType)).toEqual(['UAE_ID', 'PASSPORT', 'SAU_ID']);
    expect(section(summary.documents[0]!, 'fraud-checks')).toBeUndefined();
    expect(findItem(summary.documents[1]!, 'fraud-checks', 'Screen detection').path).toBe(
      '$.data.verifications[0].idScreenDetection.score',
    );
    const orphan = summary.documents[2]!;
    expect(orphan.path).toBe('$.data.verifications[1]');
    expect(findItem(orphan, 'fraud-checks', 'Print detection').level).toBe('bad');
  });

  it('accepts the data object itself and quotes odd keys in paths', () => {
    const payload = fixture('passport');
    const data = payload.data as any;
    data.documents[0].scan['odd key ImageId'] = 'abc';
    data.documents[0].scan.emptyImageId = '   ';
    data.documents[0].scan.numberImageId = 42;
    const summary = summarizeUqudoResult(data, { now: NOW });
    expect(summary.hasData).toBe(true);
    expect(summary.sessionId).toBeUndefined();
    expect(summary.images[0]!.path).toBe('$.documents[0].scan.faceImageId');
    expect(summary.images.find((i) => i.id === 'abc')!.path).toBe(
      '$.documents[0].scan["odd key ImageId"]',
    );
    expect(summary.images.some((i) => i.key === 'emptyImageId' || i.key === 'numberImageId')).toBe(
      false,
    );
  });

  it('finds image ids nested anywhere in data, including arrays', () => {
    const summary = summarizeUqudoResult({
      data: { extra: [{ nested: { selfieImageId: 'x1' } }], documents: [] },
    });
    expect(summary.images).toEqual([
      { id: 'x1', path: '$.data.extra[0].nested.selfieImageId', key: 'selfieImageId' },
    ]);
  });

  it('reads an inline JPEG 2000 photo and a data-URL photo', () => {
    const jp2 = summarizeUqudoResult({
      data: {
        documents: [
          { documentType: 'PASSPORT', reading: { data: { photo: 'AAAADGpQICAN\nCocK' } } },
        ],
      },
    });
    expect(jp2.inlinePhotos[0]).toMatchObject({
      mimeType: 'image/jp2',
      base64: 'AAAADGpQICANCocK',
      approxBytes: 12,
    });
    expect(findItem(jp2.documents[0]!, 'reading', 'Chip photo').detail).toMatch(/cannot display/);
    const dataUrl = summarizeUqudoResult({
      data: { documents: [{ reading: { data: { photo: 'data:image/png;base64,iVBORw0KGgo=' } } }] },
    });
    expect(dataUrl.inlinePhotos[0]).toMatchObject({ mimeType: 'image/png', approxBytes: 8 });
    const notBase64 = summarizeUqudoResult({
      data: { documents: [{ reading: { data: { photo: 'not base64!' } } }] },
    });
    expect(notBase64.inlinePhotos).toEqual([]);
  });

  it('describes MRZ check digits that fail although the checksum says valid', () => {
    const summary = summarizeUqudoResult(
      edit('passport', (data) => {
        data.verifications[0].mrzChecksum.checkDigits[0].valid = false;
      }),
      { now: NOW },
    );
    const doc = summary.documents[0]!;
    expect(findItem(doc, 'mrz-checksum', 'MRZ checksum').level).toBe('warn');
    expect(findItem(doc, 'mrz-checksum', 'Check digit: documentNumber').detail).toBe(
      'value SAMPLE001, check digit 1',
    );
  });
});

describe('summarizeUqudoResult — garbage in', () => {
  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'eyJhbGciOi'],
    ['a number', 42],
    ['an array', [{ data: {} }]],
    ['a function', () => 1],
  ])('explains %s instead of throwing', (_name, input) => {
    const summary = summarizeUqudoResult(input);
    expect(summary.hasData).toBe(false);
    expect(summary.documents).toEqual([]);
    expect(summary.notes).toHaveLength(1);
    expect(summary.notes[0]).toMatch(/not a JSON object/);
  });

  it('notes a payload without data (e.g. an access token)', () => {
    const summary = summarizeUqudoResult({ iss: 'https://auth.uqudo.io', scope: 'KYC_INFO_SDK' });
    expect(summary.hasData).toBe(false);
    expect(summary.notes[0]).toMatch(/no `data` object/);
    expect(summary.sections).toEqual([]);
  });

  it('notes wrong types for data, documents, verifications and document entries', () => {
    expect(summarizeUqudoResult({ data: 'oops' }).notes[0]).toMatch(/`data` is a string/);
    const summary = summarizeUqudoResult({
      data: { documents: [null, 5, { documentType: 7 }], verifications: 'x' },
    });
    expect(summary.notes).toEqual([
      '$.data.documents[0] is null, not an object.',
      '$.data.documents[1] is a number, not an object.',
      '`verifications` is a string, not an array.',
    ]);
    expect(summary.documents.map((d) => d.documentType)).toEqual(['7']);
  });

  it('survives deeply odd types in every known place', () => {
    const odd = {
      jti: { not: 'a string' },
      deviceAttestation: { risk: [true, true] },
      data: {
        sessionId: 12,
        nonce: ['n'],
        source: 'web',
        backgroundCheck: { match: 'maybe', content: null },
        face: { matchLevel: 'high', match: 'yes', error: { code: 'X' } },
        documents: [
          {
            documentType: ['PASSPORT'],
            scan: { front: [], back: 'b', faceImageId: {} },
            reading: { data: { photo: 12, documentSigningCertificate: 'cert' } },
            face: [],
            lookup: { status: 3, statusCode: {} },
          },
        ],
        verifications: [
          {
            sourceDetection: { enabled: 'true', optimalResolution: 0 },
            idScreenDetection: 'high',
            mrzChecksum: { valid: 'nope', checkDigits: [null, { valid: false }] },
            reading: { passiveAuthentication: { documentDataSignatureValid: 1 } },
            dataConsistencyCheck: { fields: [{ match: 'NO_MATCH', sources: 'x' }, 4] },
            biometric: { matchLevel: Infinity },
          },
        ],
      },
    };
    const summary = summarizeUqudoResult(odd, { now: NOW });
    expect(summary.sessionId).toBe('12');
    expect(summary.sessionIdSource).toBe('data.sessionId');
    expect(summary.nonce).toBeUndefined();
    const doc = summary.documents[0]!;
    expect(doc.documentType).toBe('UNKNOWN');
    expect(findItem(summary, 'face', 'Match level').level).toBe('warn');
    expect(findItem(summary, 'face', 'Face recognition error').value).toBe('{"code":"X"}');
    expect(findItem(doc, 'lookup', 'Lookup status').value).toBe('3');
    expect(findItem(doc, 'mrz-checksum', 'Check digit: check digit 2').level).toBe('bad');
    expect(findItem(doc, 'data-consistency', 'field 1').level).toBe('bad');
    expect(findItem(summary, 'device-attestation', 'Risk flags').value).toBe('not present');
    expect(summary.images).toEqual([]);
  });

  it('ignores prototype keys and clips giant values', () => {
    const summary = summarizeUqudoResult(
      JSON.parse(
        `{"data":{"documents":[{"documentType":"X","scan":{"front":{"fullName":"${'A'.repeat(5000)}"}}}],"constructor":{"faceImageId":"p"}}}`,
      ),
    );
    expect(summary.documents[0]!.highlights.fullName!.length).toBeLessThanOrEqual(200);
    expect(summarizeUqudoResult({}).notes[0]).toMatch(/no `data`/);
    expect(summary.images).toEqual([
      { id: 'p', path: '$.data.constructor.faceImageId', key: 'faceImageId' },
    ]);
  });

  it('survives cycles and very deep nesting', () => {
    const cyclic: any = { data: { documents: [] } };
    cyclic.data.self = cyclic.data;
    cyclic.data.documents.push({
      documentType: 'X',
      face: { auditTrailImageId: 'a' },
      loop: cyclic,
    });
    expect(summarizeUqudoResult(cyclic).images.map((i) => i.id)).toEqual(['a']);
    let deep: any = { lastImageId: 'deep' };
    for (let i = 0; i < 10_000; i++) deep = { next: deep };
    expect(summarizeUqudoResult({ data: deep }).images).toEqual([]);
  });

  it('turns a throwing getter into a note', () => {
    const hostile = {
      get data(): unknown {
        throw new Error('boom');
      },
    };
    const summary = summarizeUqudoResult(hostile);
    expect(summary.notes).toEqual(['The payload could not be read: Error: boom']);
  });

  it('never throws on arbitrary JSON, and its counts agree with its items', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.jsonValue({ maxDepth: 4 }), (value, data) => {
        for (const input of [
          value,
          { data: value },
          { data: { documents: [data], verifications: [value] } },
        ]) {
          const summary = summarizeUqudoResult(input, { now: NOW });
          const items = allItems(summary);
          expect(summary.overall.bad).toBe(items.filter((i) => i.level === 'bad').length);
          expect(summary.overall.warn).toBe(items.filter((i) => i.level === 'warn').length);
          expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on fixture-shaped payloads with random leaves', () => {
    const leaf = fc.oneof(
      fc.constant(null),
      fc.boolean(),
      fc.integer({ min: -5, max: 120 }),
      fc.constantFrom('true', 'false', 'MATCH', 'NO_MATCH', 'FAILED', '900101', '2030-01-01', ''),
      fc.string(),
      fc.array(fc.integer(), { maxLength: 2 }),
    );
    const base = fixture('uae-id');
    const paths: string[][] = [];
    const collect = (value: unknown, path: string[]) => {
      if (value && typeof value === 'object') {
        for (const [key, child] of Object.entries(value)) collect(child, [...path, key]);
      } else paths.push(path);
    };
    collect(base, []);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...paths), leaf), { maxLength: 12 }),
        (changes) => {
          const payload = structuredClone(base);
          for (const [path, value] of changes) {
            let target: any = payload;
            for (const key of path.slice(0, -1)) target = target?.[key];
            if (target && typeof target === 'object') target[path[path.length - 1]!] = value;
          }
          const summary = summarizeUqudoResult(payload, { now: NOW });
          expect(summary.hasData).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
