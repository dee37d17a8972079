// @vitest-environment happy-dom
// Tests for CaptureDetail: exchange facts, body notes, duplicate note, inspection and replay slot.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/preact';
import type { Inspection } from '../lib/jose/inspect';
import type { Capture } from '../lib/store';
import { CaptureDetail } from './CaptureDetail';

afterEach(cleanup);

const INSPECTION: Inspection = {
  format: 'jws',
  header: { alg: 'RS256', kid: 'k1' },
  payload: { jti: 'session-1', iss: 'https://id.uqudo.io' },
  signature: 'unverified',
  kind: 'jwt',
  findings: [{ severity: 'warning', code: 'unverified', message: 'No key configured.' }],
};

const CAPTURE: Capture = {
  id: 'c1',
  seq: 1,
  exchange: {
    id: 'net-1',
    time: Date.UTC(2026, 0, 1),
    method: 'POST',
    url: 'https://shop.example/api/kyc/result',
    status: 201,
    source: 'network',
    bodyNote: 'response body cut at 5 MB',
  },
  sighting: { location: 'request.body', path: '$.jwsResult', token: 'a.b.c' },
  inspection: INSPECTION,
  verdict: 'unverified',
  jti: 'session-1',
  kind: 'jwt',
  replay: false,
  bytes: 10,
  searchText: '',
};

describe('CaptureDetail', () => {
  it('shows where the token was found, its checks and the replay slot', () => {
    render(
      <CaptureDetail
        capture={CAPTURE}
        jtiCount={2}
        renderReplay={(capture) => <button type="button">Replay {capture.jti}</button>}
      />,
    );
    const detail = screen.getByTestId('detail');
    expect(within(detail).getByText('POST /api/kyc/result')).toBeTruthy();
    expect(within(detail).getByText('https://shop.example/api/kyc/result')).toBeTruthy();
    expect(within(detail).getByText('201')).toBeTruthy();
    expect(within(detail).getByText('request body $.jwsResult')).toBeTruthy();
    expect(within(detail).getByText('response body cut at 5 MB')).toBeTruthy();
    expect(within(detail).getByTestId('duplicate-note').textContent).toContain(
      'seen in 2 captures',
    );
    expect(within(detail).getByText('No key configured.')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Replay' }).textContent).toBe('Replay session-1');
  });

  it('says it is still checking, and leaves the replay slot out when none is given', () => {
    render(
      <CaptureDetail
        capture={{ ...CAPTURE, inspection: undefined, verdict: undefined }}
        jtiCount={1}
      />,
    );
    expect(screen.getByText('Checking…')).toBeTruthy();
    expect(screen.queryByTestId('duplicate-note')).toBeNull();
    expect(screen.queryByRole('region', { name: 'Replay' })).toBeNull();
  });
});
