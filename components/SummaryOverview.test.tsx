// @vitest-environment happy-dom
// Tests for the summary overview's flagged-item list: it names every problem and item to look at and jumps to its row.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import passport from '../lib/uqudo/fixtures/passport.json';
import uaeId from '../lib/uqudo/fixtures/uae-id.json';
import { createEmptySummary, summarizeUqudoResult } from '../lib/uqudo/summary';
import type { UqudoSummary } from '../lib/uqudo/summary';
import { UqudoSummaryView } from './UqudoSummaryView';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const goodSummary = summarizeUqudoResult(passport, { now: passport.iat * 1000 });
const badSummary = summarizeUqudoResult(uaeId, { now: uaeId.iat * 1000 });

function openList(name: RegExp): HTMLElement {
  const toggle = screen.getByRole('button', { name });
  expect(toggle.getAttribute('aria-expanded')).toBe('false');
  fireEvent.click(toggle);
  expect(toggle.getAttribute('aria-expanded')).toBe('true');
  return screen.getByRole('list', { name: 'Problems and items to look at' });
}

describe('SummaryOverview', () => {
  it('lists the items to look at by section and label when the counts are clicked', () => {
    render(<UqudoSummaryView summary={goodSummary} />);
    expect(screen.queryByRole('list', { name: 'Problems and items to look at' })).toBeNull();
    const list = openList(/0 problems, 2 to look at/);
    expect(within(list).queryByText('Problems')).toBeNull();
    expect(within(list).getByText('To look at')).toBeTruthy();
    const jumps = within(list).getAllByRole('button');
    expect(jumps).toHaveLength(2);
    const warnRows = [...document.querySelectorAll('.summary-item.level-warn')];
    expect(warnRows).toHaveLength(2);
    // Each button names the row's own section title and label.
    jumps.forEach((jump, index) => {
      const row = warnRows[index]!;
      const title = row.closest('.summary-card')!.getAttribute('aria-label')!;
      const label = row.querySelector('.summary-label')!.textContent!;
      expect(jump.textContent).toContain(`${title}: ${label}`);
    });
  });

  it('scrolls the clicked item into view and moves focus to its row', () => {
    const scrolled = vi.spyOn(HTMLElement.prototype, 'scrollIntoView');
    render(<UqudoSummaryView summary={badSummary} />);
    const list = openList(/11 problems, 6 to look at/);
    const problems = within(list).getByText('Problems').parentElement!;
    const jumps = within(problems).getAllByRole('button');
    expect(jumps).toHaveLength(11);
    const last = jumps[jumps.length - 1]!;
    fireEvent.click(last);
    const focused = document.activeElement as HTMLElement;
    expect(focused.classList.contains('summary-item')).toBe(true);
    expect(focused.classList.contains('level-bad')).toBe(true);
    expect(last.textContent).toContain(focused.querySelector('.summary-label')!.textContent!);
    expect(scrolled).toHaveBeenCalledTimes(1);
    expect(scrolled.mock.contexts[0]).toBe(focused);

    const toLookAt = within(list).getByText('To look at').parentElement!;
    const firstWarn = within(toLookAt).getAllByRole('button')[0]!;
    fireEvent.click(firstWarn);
    expect(document.activeElement).not.toBe(focused);
    expect((document.activeElement as HTMLElement).classList.contains('level-warn')).toBe(true);
  });

  it('gives every row a unique id, and every listed item points at one row', () => {
    render(<UqudoSummaryView summary={badSummary} />);
    const rows = [...document.querySelectorAll('.summary-item')];
    const ids = new Set(rows.map((row) => row.id));
    expect(ids.size).toBe(rows.length);
    expect(rows.every((row) => row.id.length > 0)).toBe(true);
    const list = openList(/11 problems, 6 to look at/);
    const targets = new Set<Element>();
    for (const jump of within(list).getAllByRole('button')) {
      fireEvent.click(jump);
      targets.add(document.activeElement!);
    }
    expect(targets.size).toBe(17);
    expect(
      [...targets].every((row) => row.matches('.summary-item.level-bad, .summary-item.level-warn')),
    ).toBe(true);
  });

  it('keeps two summaries on one page apart: a jump stays inside its own summary', () => {
    render(
      <div>
        <UqudoSummaryView summary={goodSummary} />
        <UqudoSummaryView summary={goodSummary} />
      </div>,
    );
    const ids = [...document.querySelectorAll('.summary-item')].map((row) => row.id);
    expect(new Set(ids).size).toBe(ids.length);
    const [, second] = [...document.querySelectorAll('.uqudo-summary')] as HTMLElement[];
    fireEvent.click(within(second!).getByRole('button', { name: /0 problems, 2 to look at/ }));
    fireEvent.click(within(second!).getAllByRole('button', { name: /:/ })[0]!);
    expect(second!.contains(document.activeElement)).toBe(true);
  });

  it('hides the list again, and offers no button when nothing is flagged', () => {
    render(<UqudoSummaryView summary={goodSummary} />);
    openList(/0 problems, 2 to look at/);
    fireEvent.click(screen.getByRole('button', { name: /0 problems, 2 to look at/ }));
    expect(screen.queryByRole('list', { name: 'Problems and items to look at' })).toBeNull();
    cleanup();
    render(<UqudoSummaryView summary={{ ...createEmptySummary(), hasData: true }} />);
    expect(screen.getByText('0 problems, 0 to look at').tagName).toBe('SPAN');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('shows payload text in the list as data: bidi overrides are made visible', () => {
    const summary: UqudoSummary = {
      ...createEmptySummary(),
      hasData: true,
      overall: { bad: 1, warn: 0 },
      documents: [
        {
          ...summarizeUqudoResult(passport, { now: passport.iat * 1000 }).documents[0]!,
          documentType: 'PASS\u202eTROP',
          sections: [
            {
              id: 'scan',
              title: 'Scan',
              items: [{ label: 'Field \u202eeman', value: 'x', level: 'bad' }],
            },
          ],
        },
      ],
    };
    render(<UqudoSummaryView summary={summary} />);
    const list = openList(/1 problem, 0 to look at/);
    const jump = within(list).getByRole('button');
    expect(jump.textContent).toBe('PASS⟨U+202E⟩TROP · Scan: Field ⟨U+202E⟩eman');
    expect(jump.querySelectorAll('bdi.untrusted-text')).toHaveLength(3);
    fireEvent.click(jump);
    expect((document.activeElement as HTMLElement).textContent).toContain('Field');
  });
});
