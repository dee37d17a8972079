// @vitest-environment happy-dom
// Tests for CaptureDetail: exchange facts, body notes, duplicate note, inspection and replay slot.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import type { DetailTab } from '../lib/detail/tabs';
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
        chosenTab="replay"
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
    expect(screen.getByRole('region', { name: 'Replay' }).textContent).toBe('Replay session-1');
  });

  /** CaptureDetail with the tab state a DetailPane keeps. */
  function Tabbed({ capture = CAPTURE }: { capture?: Capture }) {
    const [tab, setTab] = useState<DetailTab>('checks');
    return (
      <CaptureDetail
        capture={capture}
        jtiCount={1}
        chosenTab={tab}
        onTab={setTab}
        renderReplay={() => <p>replay controls</p>}
        renderImages={() => <p>image gallery</p>}
      />
    );
  }

  const tab = (id: string) =>
    document.querySelector(`[data-testid="detail-tab"][data-tab="${id}"]`) as HTMLElement;
  const panel = () => screen.getByRole('tabpanel');

  it('shows one tab at a time: checks first, then JSON with the raw token, then replay', () => {
    render(<Tabbed />);
    expect(screen.getAllByRole('tab').map((el) => el.textContent?.split(' (')[0])).toEqual([
      'Checks',
      'Uqudo',
      'JSON',
      'Replay',
      'Images',
    ]);
    expect(tab('checks').getAttribute('aria-selected')).toBe('true');
    expect(panel().getAttribute('aria-labelledby')).toBe(tab('checks').id);
    expect(within(panel()).getByText('No key configured.')).toBeTruthy();
    expect(within(panel()).queryByTestId('raw-token')).toBeNull();
    fireEvent.click(tab('json'));
    expect(panel().getAttribute('data-tab')).toBe('json');
    expect(within(panel()).getByTestId('raw-token').textContent).toContain('a.b.c');
    expect(within(panel()).queryByText('No key configured.')).toBeNull();
    fireEvent.click(tab('replay'));
    expect(panel().textContent).toBe('replay controls');
  });

  it('disables the tabs that do not apply, with the reason, and skips them with the arrow keys', () => {
    render(<Tabbed />);
    // A generic JWT: no Uqudo summary, no images.
    expect(tab('uqudo').getAttribute('aria-disabled')).toBe('true');
    expect(tab('uqudo').title).toBe('Not a Uqudo SDK result.');
    expect(tab('images').title).toBe('Only a Uqudo result references images.');
    fireEvent.click(tab('uqudo'));
    expect(panel().getAttribute('data-tab')).toBe('checks');
    tab('checks').focus();
    fireEvent.keyDown(tab('checks'), { key: 'ArrowRight' });
    expect(panel().getAttribute('data-tab')).toBe('json');
    expect(document.activeElement).toBe(tab('json'));
    expect(tab('json').tabIndex).toBe(0);
    expect(tab('checks').tabIndex).toBe(-1);
    fireEvent.keyDown(tab('json'), { key: 'End' });
    expect(panel().getAttribute('data-tab')).toBe('replay');
    fireEvent.keyDown(tab('replay'), { key: 'ArrowRight' });
    expect(panel().getAttribute('data-tab')).toBe('checks');
  });

  it('says it is still checking, and leaves the replay slot out when none is given', () => {
    render(
      <CaptureDetail
        capture={{ ...CAPTURE, inspection: undefined, verdict: undefined }}
        jtiCount={1}
      />,
    );
    expect(screen.getByText('Checking…')).toBeTruthy();
    expect(tab('uqudo').title).toBe('Still checking this token.');
    expect(screen.queryByTestId('duplicate-note')).toBeNull();
    expect(screen.queryByRole('region', { name: 'Replay' })).toBeNull();
  });
});
