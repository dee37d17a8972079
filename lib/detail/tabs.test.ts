// Tests of the detail tabs: which apply, the tab shown, and arrow-key moves.
import { describe, expect, it } from 'vitest';
import type { Inspection } from '../jose/inspect';
import { moveDetailTab, resolveDetailTab, selectDetailTabs } from './tabs';

const inspection = (patch: Partial<Inspection>): Inspection =>
  ({
    format: 'jws',
    header: { alg: 'RS256' },
    payload: {},
    signature: 'valid',
    kind: 'uqudo-result',
    findings: [],
    ...patch,
  }) as Inspection;

const reasons = (tabs: ReturnType<typeof selectDetailTabs>) =>
  Object.fromEntries(tabs.map((tab) => [tab.id, tab.disabledReason]));

describe('selectDetailTabs', () => {
  it('enables every tab for a Uqudo result with images', () => {
    const tabs = selectDetailTabs({ inspection: inspection({}), hasSummary: true, imageCount: 3 });
    expect(tabs.map((tab) => tab.id)).toEqual(['checks', 'uqudo', 'json', 'replay', 'images']);
    expect(tabs.every((tab) => tab.disabledReason === undefined)).toBe(true);
  });

  it('disables Uqudo and Images for an access token, saying why', () => {
    const tabs = selectDetailTabs({
      inspection: inspection({ kind: 'uqudo-access-token' }),
      hasSummary: false,
      imageCount: 0,
    });
    expect(reasons(tabs)).toEqual({
      checks: undefined,
      uqudo: expect.stringContaining('access token carries no Uqudo result'),
      json: undefined,
      replay: undefined,
      images: 'Only a Uqudo result references images.',
    });
  });

  it('names the reason for an undecrypted JWE, a malformed token and a pending check', () => {
    const jwe = selectDetailTabs({
      inspection: inspection({ format: 'jwe', kind: 'unknown' }),
      hasSummary: false,
      imageCount: 0,
    });
    expect(reasons(jwe).uqudo).toContain('private key');
    const bad = selectDetailTabs({
      inspection: inspection({ format: 'invalid' }),
      hasSummary: false,
      imageCount: 0,
    });
    expect(reasons(bad).uqudo).toContain('Not a token');
    expect(reasons(selectDetailTabs({ hasSummary: false, imageCount: 0 })).uqudo).toBe(
      'Still checking this token.',
    );
  });

  it('disables Images for a result without images', () => {
    const tabs = selectDetailTabs({ inspection: inspection({}), hasSummary: true, imageCount: 0 });
    expect(reasons(tabs).images).toBe('This result references no images.');
  });
});

describe('resolveDetailTab and moveDetailTab', () => {
  const tabs = selectDetailTabs({
    inspection: inspection({ kind: 'uqudo-access-token' }),
    hasSummary: false,
    imageCount: 0,
  });

  it('shows Checks while the chosen tab does not apply, the chosen one when it does', () => {
    expect(resolveDetailTab(tabs, 'uqudo')).toBe('checks');
    expect(resolveDetailTab(tabs, 'replay')).toBe('replay');
  });

  it('moves with arrows (wrapping), Home and End, skipping disabled tabs', () => {
    expect(moveDetailTab(tabs, 'checks', 'ArrowRight')).toBe('json');
    expect(moveDetailTab(tabs, 'replay', 'ArrowRight')).toBe('checks');
    expect(moveDetailTab(tabs, 'checks', 'ArrowLeft')).toBe('replay');
    expect(moveDetailTab(tabs, 'json', 'Home')).toBe('checks');
    expect(moveDetailTab(tabs, 'json', 'End')).toBe('replay');
    expect(moveDetailTab(tabs, 'json', 'Enter')).toBeUndefined();
  });
});
