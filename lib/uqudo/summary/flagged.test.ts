// Tests for the summary's flagged-item selector and its anchors.
import { describe, expect, it } from 'vitest';
import { buildItemAnchor, buildSectionAnchor, listFlaggedItems } from './flagged';
import { summarizeUqudoResult } from './index';
import { FIXTURE_NOW, loadFixture } from './testing';

describe('listFlaggedItems', () => {
  it('lists every bad and warn item, documents first, matching the overall counts', () => {
    const summary = summarizeUqudoResult(loadFixture('uae-id'), { now: FIXTURE_NOW });
    const flagged = listFlaggedItems(summary, 'p');
    expect(flagged.filter((entry) => entry.level === 'bad')).toHaveLength(summary.overall.bad);
    expect(flagged.filter((entry) => entry.level === 'warn')).toHaveLength(summary.overall.warn);
    expect(new Set(flagged.map((entry) => entry.anchor)).size).toBe(flagged.length);
    const first = flagged[0]!;
    expect(first.documentType).toBe('UAE_ID');
    expect(first.anchor.startsWith('p-d0-')).toBe(true);
    const sessionWide = flagged.filter((entry) => entry.documentType === undefined);
    expect(sessionWide.length).toBeGreaterThan(0);
    expect(sessionWide.every((entry) => entry.anchor.startsWith('p-s-'))).toBe(true);
  });

  it('builds anchors from the prefix, document, section position and id, and item index', () => {
    const base = buildSectionAnchor('p', 1, 2, 'face');
    expect(base).toBe('p-d1-2-face');
    expect(buildItemAnchor(base, 3)).toBe('p-d1-2-face-3');
    expect(buildSectionAnchor('p', undefined, 0, 'session')).toBe('p-s-0-session');
  });
});
