// Filter keystroke latency in the real panel: input event → counts updated, in one panel or alternating between two.
import { insertText, type PanelSession } from '../../tests/e2e/harness';

/** The two filters typed in turn: narrowing to half of the list, then widening back to all of it. */
const TERMS = ['/api/a/', 'api'] as const;

/** Time (ms) from typing `text` into the filter (one insertion) to the list's counts changing. */
async function keystrokeLatency(session: PanelSession, text: string): Promise<number> {
  await session.panel.evaluate(() => {
    const w = window as unknown as { __filterProbe?: Promise<number> };
    w.__filterProbe = new Promise<number>((resolve) => {
      const counts = document.querySelector('[data-testid="counts"]') as HTMLElement;
      let began: number | undefined;
      const onInput = () => {
        began ??= performance.now();
      };
      document.addEventListener('input', onInput, true);
      const observer = new MutationObserver(() => {
        if (began === undefined) return;
        observer.disconnect();
        document.removeEventListener('input', onInput, true);
        resolve(performance.now() - began);
      });
      observer.observe(counts, { childList: true, characterData: true, subtree: true });
    });
  });
  await insertText(session, '[data-testid="filter"]', text);
  return session.panel.evaluate(
    () => (window as unknown as { __filterProbe: Promise<number> }).__filterProbe,
  );
}

/** Empties the filter again. */
async function clearFilter(session: PanelSession): Promise<void> {
  await session.panel.$eval('[data-testid="filter"]', (el) => (el as HTMLInputElement).select());
  await session.devtools.keyboard.press('Backspace');
}

/** `count` keystroke latencies (ms) in one panel, alternating the two filters; the filter is emptied after. */
export async function filterLatency(session: PanelSession, count: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) samples.push(await keystrokeLatency(session, TERMS[i % 2]!));
  await clearFilter(session);
  return samples;
}

/**
 * `pairs` keystrokes in each of two panels, one right after the other, so both see the same machine
 * load: each pair types the same filter in both (the two filters in turn), and which panel goes
 * first alternates every two pairs. Both filters are emptied after.
 */
export async function pairedFilterLatency(
  subject: PanelSession,
  baseline: PanelSession,
  pairs: number,
): Promise<{ subject: number[]; baseline: number[] }> {
  const times = { subject: [] as number[], baseline: [] as number[] };
  for (let pair = 0; pair < pairs; pair++) {
    const text = TERMS[pair % 2]!;
    const subjectFirst = Math.floor(pair / 2) % 2 === 0;
    if (subjectFirst) times.subject.push(await keystrokeLatency(subject, text));
    times.baseline.push(await keystrokeLatency(baseline, text));
    if (!subjectFirst) times.subject.push(await keystrokeLatency(subject, text));
  }
  await clearFilter(subject);
  await clearFilter(baseline);
  return times;
}
