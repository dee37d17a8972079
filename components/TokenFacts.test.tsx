// @vitest-environment happy-dom
// Tests for TokenFacts: expiry countdown, scopes, the missing Info scope, issuer and note.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/preact';
import { TokenFacts } from './TokenFacts';

const NOW = Date.UTC(2026, 0, 15, 10, 0, 0);

afterEach(() => cleanup());

describe('TokenFacts', () => {
  it('counts down to expiry and warns without KYC_INFO_SDK', () => {
    render(
      <TokenFacts
        info={{ state: 'ready', expiresAt: NOW + 125_000, scopes: ['KYC_SCAN_SDK'], issuer: 'X' }}
        now={NOW}
      />,
    );
    const expiry = screen.getByTestId('replay-token-expiry');
    expect(expiry.textContent).toBe('Expires in 02:05');
    expect(expiry.dataset.expired).toBe('false');
    expect(screen.getByText(/No KYC_INFO_SDK scope/)).toBeTruthy();
  });

  it('says an expired token blocks requests, and shows the note', () => {
    render(
      <TokenFacts
        info={{ state: 'ready', expiresAt: NOW - 61_000, scopes: ['KYC_INFO_SDK'], note: 'n' }}
        now={NOW}
      />,
    );
    expect(screen.getByTestId('replay-token-expiry').textContent).toMatch(
      /^Expired 01:01 ago — requests are blocked/,
    );
    expect(screen.queryByText(/No KYC_INFO_SDK scope/)).toBeNull();
    expect(screen.getByText('n')).toBeTruthy();
  });

  it('says it is decoding while the check runs', () => {
    render(<TokenFacts info={{ state: 'checking', scopes: [] }} now={NOW} />);
    expect(screen.getByText('Decoding the token…')).toBeTruthy();
  });
});
