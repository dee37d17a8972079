// @vitest-environment happy-dom
// Tests for SightingList: test-contract attributes, duplicates, virtualisation and keyboard.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import type { Inspection } from '../lib/jose/inspect';
import { listOf, type Capture } from '../lib/store';
import {
  OVERSCAN_ROWS,
  ROW_HEIGHT,
  SightingList,
  describeKind,
  describeRequest,
} from './SightingList';

afterEach(cleanup);

const INSPECTION: Inspection = {
  format: 'jws',
  header: { alg: 'RS256' },
  payload: {},
  signature: 'valid',
  kind: 'uqudo-result',
  findings: [],
};

function makeCapture(index: number, overrides: Partial<Capture> = {}): Capture {
  return {
    id: `c${index}`,
    seq: index,
    exchange: {
      id: `net-${index}`,
      time: Date.UTC(2026, 0, 1, 10, 0, index % 60),
      method: 'GET',
      url: `https://id.uqudo.io/api/v2/info?n=${index}`,
      status: 200,
      source: 'network',
    },
    sighting: { location: 'response.body', token: `token-${index}` },
    inspection: INSPECTION,
    verdict: 'valid',
    jti: `jti-${index}`,
    kind: 'uqudo-result',
    replay: false,
    bytes: 100,
    searchText: '',
    ...overrides,
  };
}

function renderList(captures: Capture[], selectedId?: string, counts = new Map<string, number>()) {
  const handlers = { onSelect: vi.fn(), onNext: vi.fn(), onPrev: vi.fn() };
  const view = render(
    <SightingList
      captures={listOf(captures)}
      selectedId={selectedId}
      jtiCounts={counts}
      {...handlers}
    />,
  );
  return { ...handlers, view };
}

describe('SightingList rows', () => {
  it('carries data-testid, data-jti and data-verdict on every checked row', () => {
    renderList([
      makeCapture(1),
      makeCapture(2, { jti: '', verdict: 'encrypted', kind: 'unknown' }),
      makeCapture(3, { inspection: undefined, verdict: undefined, jti: '' }),
    ]);
    const rows = screen.getAllByTestId('token-row');
    expect(rows.map((row) => [row.dataset.jti, row.dataset.verdict])).toEqual([
      ['jti-1', 'valid'],
      ['', 'encrypted'],
    ]);
    // A row still being checked is shown but is not a token-row yet (it has no verdict).
    const pending = screen.getByTestId('token-row-pending');
    expect(pending.hasAttribute('data-verdict')).toBe(false);
    expect(pending.textContent).toContain('checking…');
  });

  it('shows time, method + path, where, kind, short jti and the verdict badge', () => {
    renderList([
      makeCapture(7, {
        jti: '5b0e1f2a-3c4d-4e5f-8a9b-0c1d2e3f4a5b',
        sighting: { location: 'request.body', path: '$.jwsResult', token: 't' },
      }),
    ]);
    const row = screen.getByTestId('token-row');
    expect(row.querySelector('.cell-request')?.textContent).toBe('GET /api/v2/info?n=7');
    expect(row.querySelector('.cell-where')?.textContent).toBe('request body $.jwsResult');
    expect(row.querySelector('.cell-kind')?.textContent).toBe('Uqudo result');
    expect(row.querySelector('.cell-jti')?.textContent).toBe('5b0e1f2a…');
    expect(row.querySelector('.verdict-badge')?.textContent).toBe('signature valid');
    expect(row.querySelector('.cell-time')?.textContent).toMatch(/^\d\d:\d\d:\d\d$/);
  });

  it('highlights a duplicate jti with a count in the title', () => {
    const counts = new Map([
      ['dup', 3],
      ['jti-2', 1],
    ]);
    renderList([makeCapture(1, { jti: 'dup' }), makeCapture(2)], undefined, counts);
    const [duplicate, single] = screen.getAllByTestId('token-row');
    expect(duplicate?.classList.contains('duplicate-jti')).toBe(true);
    expect(duplicate?.getAttribute('title')).toBe('jti seen 3 times');
    expect(duplicate?.textContent).toContain('×3');
    expect(single?.classList.contains('duplicate-jti')).toBe(false);
    expect(single?.hasAttribute('title')).toBe(false);
  });

  it('renders untrusted text as text', () => {
    renderList([
      makeCapture(1, {
        jti: '<img src=x onerror=alert(1)>',
        exchange: { ...makeCapture(1).exchange, url: 'https://x.example/<b>bold</b>' },
      }),
    ]);
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('b')).toBeNull();
    expect(screen.getByTestId('token-row').dataset.jti).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('SightingList virtualisation and keyboard', () => {
  it('renders only the visible window plus overscan, and follows scrolling', () => {
    const captures = Array.from({ length: 5_000 }, (_, index) => makeCapture(index));
    renderList(captures);
    const viewport = screen.getByTestId('sighting-list');
    const canvas = viewport.firstElementChild as HTMLElement;
    expect(canvas.style.height).toBe(`${5_000 * ROW_HEIGHT}px`);
    const first = screen.getAllByTestId('token-row');
    expect(first.length).toBeLessThanOrEqual(Math.ceil(480 / ROW_HEIGHT) + 2 * OVERSCAN_ROWS);
    expect(first[0]?.dataset.jti).toBe('jti-0');

    viewport.scrollTop = 1_000 * ROW_HEIGHT;
    fireEvent.scroll(viewport);
    const rows = screen.getAllByTestId('token-row');
    expect(rows[0]?.dataset.jti).toBe(`jti-${1_000 - OVERSCAN_ROWS}`);
    expect(rows.length).toBeLessThanOrEqual(Math.ceil(480 / ROW_HEIGHT) + 2 * OVERSCAN_ROWS + 1);
    const window = canvas.firstElementChild as HTMLElement;
    expect(window.style.transform).toBe(`translateY(${(1_000 - OVERSCAN_ROWS) * ROW_HEIGHT}px)`);
  });

  it('moves the selection with the arrow keys and selects on click', () => {
    const { onNext, onPrev, onSelect } = renderList([makeCapture(1), makeCapture(2)], 'c1');
    const viewport = screen.getByTestId('sighting-list');
    fireEvent.keyDown(viewport, { key: 'ArrowDown' });
    fireEvent.keyDown(viewport, { key: 'ArrowUp' });
    fireEvent.keyDown(viewport, { key: 'a' });
    expect(onNext).toHaveBeenCalledTimes(1);
    expect(onPrev).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getAllByTestId('token-row')[1] as HTMLElement);
    expect(onSelect).toHaveBeenCalledWith('c2');
    expect(screen.getAllByTestId('token-row')[0]?.getAttribute('aria-selected')).toBe('true');
    expect(viewport.getAttribute('aria-activedescendant')).toBe('row-c1');
  });

  it('scrolls a selection outside the window into view', () => {
    const captures = Array.from({ length: 200 }, (_, index) => makeCapture(index));
    const { view } = renderList(captures);
    view.rerender(
      <SightingList
        captures={listOf(captures)}
        selectedId="c150"
        jtiCounts={new Map()}
        onSelect={() => undefined}
        onNext={() => undefined}
        onPrev={() => undefined}
      />,
    );
    const viewport = screen.getByTestId('sighting-list');
    expect(viewport.scrollTop).toBe(151 * ROW_HEIGHT - 480);
    expect(screen.getAllByTestId('token-row').some((row) => row.dataset.jti === 'jti-150')).toBe(
      true,
    );
  });
});

describe('row texts', () => {
  it('describes pasted tokens, replays and undecrypted JWEs', () => {
    const pasted = makeCapture(1, {
      exchange: { ...makeCapture(1).exchange, source: 'paste', method: '', url: '' },
    });
    expect(describeRequest(pasted)).toBe('pasted token');
    expect(describeRequest(makeCapture(2, { replay: true }))).toBe('replay GET /api/v2/info?n=2');
    expect(describeKind({ inspection: { ...INSPECTION, format: 'jwe' }, kind: 'unknown' })).toBe(
      'JWE (encrypted)',
    );
    expect(
      describeKind({ inspection: { ...INSPECTION, format: 'invalid' }, kind: 'unknown' }),
    ).toBe('—');
    expect(describeKind({ inspection: undefined })).toBe('');
  });
});
