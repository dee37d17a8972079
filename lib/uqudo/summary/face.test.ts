// The face object's 1:N duplicate-face signal is shown with what it means.
import { describe, expect, it } from 'vitest';
import { summarizeUqudoResult } from './index';
import { FIXTURE_NOW, findSummaryItem, loadFixture } from './testing';

function faceOf(change: (face: Record<string, unknown>) => void) {
  const payload = loadFixture('passport', (data) => change(data.documents[0].face));
  return summarizeUqudoResult(payload, { now: FIXTURE_NOW }).documents[0]!;
}

describe('oneToNVerificationMatch', () => {
  it('warns that the face matches an earlier selfie (a duplicate-face signal)', () => {
    const doc = faceOf((face) => {
      face.oneToNVerificationId = 'one-to-n-1';
      face.oneToNVerificationMatch = true;
    });
    const duplicate = findSummaryItem(doc, 'face', 'Duplicate face (1:N)');
    expect(duplicate).toMatchObject({ value: 'matches an earlier selfie', level: 'warn' });
    expect(duplicate.detail).toMatch(/several identities/);
    expect(findSummaryItem(doc, 'face', '1:N verification id').value).toBe('one-to-n-1');
  });

  it('shows no earlier match as good, and nothing when the feature is off', () => {
    expect(
      findSummaryItem(
        faceOf((face) => (face.oneToNVerificationMatch = false)),
        'face',
        'Duplicate face (1:N)',
      ).level,
    ).toBe('good');
    const off = faceOf(() => undefined).sections.find((s) => s.id === 'face')!;
    expect(off.items.some((i) => i.label.startsWith('Duplicate face'))).toBe(false);
  });
});
