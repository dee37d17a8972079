// Background check: matched entities with match and risk scores, a cap, and the ICAD case.
import { describe, expect, it } from 'vitest';
import { summarizeUqudoResult } from './index';
import { FIXTURE_NOW, findSummaryItem, loadFixture } from './testing';

function summaryWith(backgroundCheck: unknown) {
  return summarizeUqudoResult(
    loadFixture('passport', (data) => (data.backgroundCheck = backgroundCheck)),
    { now: FIXTURE_NOW },
  );
}

describe('background check', () => {
  it('lists each matched entity with its name, match score and risk score', () => {
    const summary = summaryWith({
      type: 'RDC',
      match: true,
      monitoringId: 'mon-1',
      content: {
        alertDt: '2026-01-01',
        alertEntity: [
          {
            entityName: 'SAMPLE, TEST',
            matchScore: 92,
            riskScore: 15.5,
            entityTyp: 'P',
            source: { sourceName: 'Sample list' },
          },
          { matchScore: 60 },
        ],
      },
    });
    expect(findSummaryItem(summary, 'background-check', 'Watch-list match')).toMatchObject({
      level: 'bad',
    });
    expect(findSummaryItem(summary, 'background-check', 'Watch-list match').detail).toMatch(
      /matched entities/,
    );
    expect(findSummaryItem(summary, 'background-check', 'SAMPLE, TEST')).toMatchObject({
      value: 'match score 92 · risk score 15.5',
      detail: 'type P, source Sample list',
      path: '$.data.backgroundCheck.content.alertEntity[0]',
    });
    expect(findSummaryItem(summary, 'background-check', 'Entity 2').value).toBe('match score 60');
    expect(findSummaryItem(summary, 'background-check', 'Alert date').value).toBe('2026-01-01');
  });

  it('caps the list and counts the rest', () => {
    const entities = Array.from({ length: 25 }, (_, i) => ({ entityName: `E${i}`, matchScore: i }));
    const items = summaryWith({ match: true, content: { alertEntity: entities } }).sections.find(
      (s) => s.id === 'background-check',
    )!.items;
    expect(items.filter((i) => /^E\d+$/.test(i.label))).toHaveLength(20);
    expect(items.at(-1)).toMatchObject({ label: 'More entities', value: '5 more' });
  });

  it('says the review happens on the RDC portal when ICAD leaves content null', () => {
    const summary = summaryWith({ type: 'RDC', match: true, content: null });
    expect(findSummaryItem(summary, 'background-check', 'Watch-list match').detail).toMatch(
      /RDC portal/,
    );
    expect(findSummaryItem(summary, 'background-check', 'Matched entities').detail).toMatch(
      /ICAD \(Alert Decisioning\).*content null even when match is true/,
    );
    const clean = summaryWith({ match: false, content: null });
    expect(findSummaryItem(clean, 'background-check', 'Content').value).toBe('none');
  });
});
