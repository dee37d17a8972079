// Verification details that depend on the SDK and on older shapes: Web source detection, bare consistency sources.
import { describe, expect, it } from 'vitest';
import { summarizeUqudoResult } from './index';
import { FIXTURE_NOW, findSummaryItem, loadFixture } from './testing';

describe('allowNonPhysicalDocuments', () => {
  it('is information, not amber, on a Web SDK result (documented as always true there)', () => {
    const doc = summarizeUqudoResult(loadFixture('partial'), { now: FIXTURE_NOW }).documents[0]!;
    const item = findSummaryItem(doc, 'fraud-checks', 'Non-physical documents');
    expect(item).toMatchObject({ value: 'allowed (always, on the web)', level: 'info' });
    expect(item.detail).toMatch(/always true for the Web SDK/);
  });

  it('stays amber on a mobile result that allows them', () => {
    const payload = loadFixture(
      'passport',
      (data) => (data.verifications[0].sourceDetection.allowNonPhysicalDocuments = true),
    );
    const doc = summarizeUqudoResult(payload, { now: FIXTURE_NOW }).documents[0]!;
    expect(findSummaryItem(doc, 'fraud-checks', 'Non-physical documents').level).toBe('warn');
  });
});

describe('dataConsistencyCheck sources', () => {
  it('shows bare source names of older results as they are', () => {
    const payload = loadFixture('passport', (data) => {
      data.verifications[0].dataConsistencyCheck.fields = [
        {
          name: 'FULL_NAME',
          match: 'NO_MATCH',
          sources: ['MRZ', 'NFC', { source: 'LOOKUP', value: 'X' }],
        },
      ];
    });
    const doc = summarizeUqudoResult(payload, { now: FIXTURE_NOW }).documents[0]!;
    expect(findSummaryItem(doc, 'data-consistency', 'FULL_NAME').detail).toBe(
      'MRZ \u00b7 NFC \u00b7 LOOKUP: \u201cX\u201d',
    );
  });
});

describe('older scan shapes', () => {
  it('still finds image ids nested inside front/back', () => {
    const payload = loadFixture('partial', (data) => {
      const { scan } = data.documents[0];
      scan.front.frontImageId = scan.frontImageId;
      delete scan.frontImageId;
    });
    const summary = summarizeUqudoResult(payload, { now: FIXTURE_NOW });
    expect(summary.images.map((i) => i.path)).toContain(
      '$.data.documents[0].scan.front.frontImageId',
    );
  });
});
