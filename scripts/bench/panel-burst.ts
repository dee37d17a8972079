// Real-panel bench: the scale run's rows, then the page's own burst time with the panel against DevTools on the Network panel only.
import { openDevtools, openPanel } from '../../tests/e2e/harness';
import { spreadOf, valueRow, type BenchRow } from './measure';
import { startBurstSite } from './panel-page';
import { benchScaleRows, burst, clearPanel, defineNameHelper } from './panel-scale';

/** Pairs of bursts (with the panel / Network panel only) and the requests in each. */
const PAGE_PAIRS = 11;
const PAIR_REQUESTS = 2_000;
/** The panel must not slow the page down: its burst within 1.1× of DevTools on the Network panel. */
const PAGE_BUDGET = 1.1;

/**
 * The page's own burst time with the panel shown against DevTools on the Network panel only: two
 * fresh browsers (the scale run's holds 20,000 requests in its DevTools log and the bench's own
 * listener), PAGE_PAIRS pairs of shorter bursts, alternating which browser goes first.
 */
async function pageBurstRow(url: string, fullBurstMs: number): Promise<BenchRow> {
  const session = await openPanel(url);
  const networkOnly = await openDevtools(url);
  try {
    await defineNameHelper(session.panel);
    await defineNameHelper(session.page);
    await defineNameHelper(networkOnly.page);
    await networkOnly.devtools.evaluate(() =>
      (globalThis as any).DevToolsAPI?.showPanel('network'),
    );
    // One burst each before measuring, so both conditions start equally warm.
    await burst(networkOnly.page, 10, PAIR_REQUESTS);
    await burst(session.page, 11, PAIR_REQUESTS);
    await clearPanel(session);
    const ratios: number[] = [];
    const times = { panel: [] as number[], network: [] as number[] };
    for (let pair = 0; pair < PAGE_PAIRS; pair++) {
      const run = 20 + pair;
      const panelFirst = pair % 2 === 0;
      const first = await burst(panelFirst ? session.page : networkOnly.page, run, PAIR_REQUESTS);
      const second = await burst(panelFirst ? networkOnly.page : session.page, run, PAIR_REQUESTS);
      const [withPanel, plain] = panelFirst ? [first, second] : [second, first];
      ratios.push(withPanel.burstMs / plain.burstMs);
      times.panel.push(withPanel.burstMs);
      times.network.push(plain.burstMs);
      // Keep the panel's list from growing across pairs.
      await clearPanel(session);
    }
    return valueRow({
      group: 'panel',
      name: 'page burst time with the panel',
      input: `${PAGE_PAIRS} × ${PAIR_REQUESTS.toLocaleString('en')} requests`,
      unit: '×',
      value: spreadOf(ratios),
      budget: PAGE_BUDGET,
      baseline: `DevTools on the Network panel only (${spreadOf(times.panel).median.toFixed(0)} vs ${spreadOf(times.network).median.toFixed(0)} ms; the 20,000 burst took ${fullBurstMs.toFixed(0)} ms)`,
    });
  } finally {
    await networkOnly.close();
    await session.close();
  }
}

/** The real-panel rows: the 20,000-request scale run, then the page-burst comparison. */
export async function benchPanel(): Promise<BenchRow[]> {
  const site = await startBurstSite();
  try {
    const scale = await benchScaleRows(site);
    return [...scale.rows, await pageBurstRow(site.url, scale.burstMs)];
  } finally {
    await site.close();
  }
}
