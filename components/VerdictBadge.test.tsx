// @vitest-environment happy-dom
// Tests for VerdictBadge: words, levels and the diagnostic (never "approved") wording.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/preact';
import type { Verdict } from '../lib/jose/inspect';
import { VerdictBadge } from './VerdictBadge';

const ALL: Verdict[] = ['valid', 'invalid', 'unverified', 'unsupported', 'malformed', 'encrypted'];

afterEach(cleanup);

function badgeOf(verdict: Verdict): HTMLElement {
  const { container } = render(<VerdictBadge verdict={verdict} />);
  return container.querySelector('.verdict-badge') as HTMLElement;
}

describe('VerdictBadge', () => {
  it.each([
    ['valid', 'signature valid', 'level-good'],
    ['invalid', 'invalid', 'level-bad'],
    ['unverified', 'unverified', 'level-warn'],
    ['unsupported', 'unsupported', 'level-warn'],
    ['malformed', 'malformed', 'level-bad'],
    ['encrypted', 'encrypted', 'level-info'],
  ] as const)('shows %s as "%s" with %s', (verdict, word, level) => {
    const badge = badgeOf(verdict);
    expect(badge.textContent).toBe(word);
    expect(badge.classList.contains(level)).toBe(true);
    expect(badge.classList.contains(`verdict-${verdict}`)).toBe(true);
  });

  it('never words a verdict as a trust decision and says so in the tooltip', () => {
    for (const verdict of ALL) {
      const badge = badgeOf(verdict);
      const text = `${badge.textContent} ${badge.getAttribute('title')}`.toLowerCase();
      expect(text).not.toContain('approved');
      expect(text).not.toContain('verified ok');
      expect(badge.getAttribute('title')).toContain('not a trust decision');
      expect(badge.getAttribute('title')).toContain('backend');
      cleanup();
    }
  });
});
