// Passive authentication reads as one verdict: a valid data signature without a signer certificate is not "valid".
import { describe, expect, it } from 'vitest';
import { summarizeUqudoResult } from './index';
import { FIXTURE_NOW, findSummaryItem, loadFixture } from './testing';

function chipItems(change: (passive: Record<string, unknown>) => void) {
  const payload = loadFixture('passport', (data) =>
    change(data.verifications[0].reading.passiveAuthentication),
  );
  const doc = summarizeUqudoResult(payload, { now: FIXTURE_NOW }).documents[0]!;
  return doc.sections.find((s) => s.id === 'chip-verification')!.items;
}

describe('passive authentication verdict', () => {
  it('does not show a valid data signature beside a missing signer certificate', () => {
    const items = chipItems((passive) => {
      passive.documentSigningCertificateAvailable = false;
      passive.documentDataSignatureValid = true;
    });
    const verdict = items.find((i) => i.label === 'Passive authentication')!;
    expect(verdict).toMatchObject({ value: 'not verifiable', level: 'warn' });
    expect(verdict.detail).toMatch(
      /documentDataSignatureValid is true, but the chip carries no document signing certificate/,
    );
    // Exactly one coloured item: the flags themselves are plain information.
    expect(items.filter((i) => i.level !== 'info')).toEqual([verdict]);
    expect(items.find((i) => i.label === 'Document data signature')).toMatchObject({
      value: 'valid',
      level: 'info',
    });
    expect(items.find((i) => i.label === 'Document signing certificate')).toMatchObject({
      value: 'missing',
      level: 'info',
    });
  });

  it('says the chain was not checked when only the country certificate is missing', () => {
    const verdict = chipItems(
      (passive) => (passive.countrySigningCertificateAvailable = false),
    )[0]!;
    expect(verdict).toMatchObject({ value: 'chain not checked', level: 'warn' });
  });

  it('fails on an untrusted signer and gives no verdict from incomplete flags', () => {
    expect(
      chipItems((passive) => (passive.documentSigningCertificateSignatureValid = false))[0],
    ).toMatchObject({ value: 'failed', level: 'bad' });
    expect(
      chipItems((passive) => delete passive.countrySigningCertificateAvailable)[0],
    ).toMatchObject({ value: 'incomplete', level: 'info' });
    expect(chipItems((passive) => (passive.enabled = false))[0]).toMatchObject({
      value: 'disabled',
    });
  });

  it('reads the UAE fixture’s failed data signature as one bad verdict', () => {
    const doc = summarizeUqudoResult(loadFixture('uae-id'), { now: FIXTURE_NOW }).documents[0]!;
    expect(findSummaryItem(doc, 'chip-verification', 'Passive authentication').value).toBe(
      'failed',
    );
  });
});
