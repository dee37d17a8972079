// `npx tsx scripts/bench/panel-profile.ts [options]` (see README, Performance): where the real panel's CPU goes in a burst or a keystroke.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'puppeteer-core';
import { insertText, openPanel, waitFor } from '../../tests/e2e/harness';
import { filterLatency } from './panel-filter';
import { burst, defineNameHelper } from './panel-scale';
import { startBurstSite, tokensIn } from './panel-page';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}
interface Client {
  send(method: string, params?: Record<string, unknown>): Promise<unknown>;
}

const args = new Map(
  process.argv.slice(2).map((arg) => {
    const [key, value] = arg.replace(/^--/, '').split('=');
    return [key ?? '', value ?? '1'] as const;
  }),
);
const REQUESTS = Number(args.get('requests') ?? 2_000);
const ROUNDS = Number(args.get('rounds') ?? 1);
const OUT_DIR = join(import.meta.dirname, '../../bench');
const OUT = join(OUT_DIR, 'panel.cpuprofile');
const TRACE_OUT = join(OUT_DIR, 'panel-trace.json');
mkdirSync(OUT_DIR, { recursive: true });

function clientOf(frame: Frame): Client {
  return (frame as unknown as { client: Client }).client;
}

async function waitCount(panel: Frame, expected: number): Promise<void> {
  await waitFor(
    `${expected} captures`,
    async () => {
      const text = await panel.$eval('[data-testid="counts"]', (el) => el.textContent ?? '');
      const total = Number(
        /(\d+) of (\d+) tokens?/.exec(text)?.[2] ?? /(\d+) tokens?/.exec(text)?.[1],
      );
      return total >= expected ? true : undefined;
    },
    120_000,
    20,
  );
}

/**
 * A burst of token-free requests (`/api/plain/…`, 12 in flight), for the panel's floor: what
 * DevTools' events and `getContent` round trips cost without a capture. Waits a second after it so
 * the last events are handled.
 */
async function plainBurst(page: Page, requests: number): Promise<number> {
  const ms = await page.evaluate(async (count) => {
    const started = performance.now();
    let next = 0;
    const worker = async () => {
      while (next < count) await (await fetch(`/api/plain/${next++}`)).text();
    };
    await Promise.all(Array.from({ length: 12 }, worker));
    return performance.now() - started;
  }, requests);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  return ms;
}

/** Starts a browser-wide trace (timeline, V8, layout); the returned function ends it into TRACE_OUT. */
async function startTracing(session: { browser: Browser }): Promise<() => Promise<void>> {
  const cdp = await session.browser.target().createCDPSession();
  const events: unknown[] = [];
  cdp.on(
    'Tracing.dataCollected',
    (event: { value: unknown[] }) => void events.push(...event.value),
  );
  await cdp.send('Tracing.start', {
    traceConfig: {
      includedCategories: [
        'devtools.timeline',
        'v8',
        'blink',
        'toplevel',
        'disabled-by-default-devtools.timeline',
      ],
    },
  });
  return async () => {
    const done = new Promise<void>((resolve) =>
      cdp.once('Tracing.tracingComplete', () => resolve()),
    );
    await cdp.send('Tracing.end');
    await done;
    writeFileSync(TRACE_OUT, JSON.stringify(events));
    process.stdout.write(`trace: ${events.length} events in ${TRACE_OUT}\n`);
  };
}

/** CPU seconds (user + system, from /proc) of the browser's extension renderers (the panel's process). */
function extensionCpuSeconds(browserPid: number): number {
  const userDataDir = /--user-data-dir=([^\0]+)/.exec(
    readFileSync(`/proc/${browserPid}/cmdline`, 'utf8'),
  )?.[1];
  if (!userDataDir) return Number.NaN;
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmdline.includes('--extension-process') || !cmdline.includes(userDataDir)) continue;
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended meanwhile.
    }
  }
  return ticks / 100;
}

/** Milliseconds per function: self, and total with its callees. */
function summarize(profile: Profile): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const name = (node: ProfileNode) =>
    `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.split('/').pop()}:${node.callFrame.lineNumber + 1}`;
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, ms: number) =>
    map.set(key, (map.get(key) ?? 0) + ms);
  profile.samples.forEach((id, index) => {
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    add(self, name(byId.get(id)!), ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const key = name(byId.get(at)!);
      if (!seen.has(key)) add(total, key, ms);
      seen.add(key);
    }
  });
  const top = (map: Map<string, number>, count: number) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([key, ms]) => `${ms.toFixed(1).padStart(9)} ms  ${key}`)
      .join('\n');
  return `-- self --\n${top(self, 40)}\n\n-- total --\n${top(total, 60)}\n`;
}

async function metrics(client: Client): Promise<Record<string, number>> {
  const { metrics: list } = (await client.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  return Object.fromEntries(list.map((metric) => [metric.name, metric.value]));
}

/** Task, script, layout and style time of the panel's renderer between two readings. */
function describeMetrics(before: Record<string, number>, after: Record<string, number>): string {
  return ['TaskDuration', 'ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration']
    .map((key) => `${key} ${(((after[key] ?? 0) - (before[key] ?? 0)) * 1000).toFixed(0)} ms`)
    .join(', ');
}

const site = await startBurstSite();
const session = await openPanel(site.url, {
  listMode: args.has('sessions') ? 'sessions' : 'tokens',
});
try {
  await defineNameHelper(session.panel);
  await defineNameHelper(session.page);
  // Warm-up, as the bench does.
  await burst(session.page, 1, 1_000);
  await waitCount(session.panel, tokensIn(1_000));
  await session.panel.click('[data-testid="clear"]');
  const client = clientOf(session.panel);
  if (args.has('hidden')) {
    // The panel keeps capturing while DevTools shows another panel (no frames are rendered).
    await session.devtools.evaluate(() => (globalThis as any).DevToolsAPI?.showPanel('console'));
  }
  await client.send('Performance.enable');
  await client.send('Profiler.enable');
  await client.send('Profiler.setSamplingInterval', {
    interval: Number(args.get('interval') ?? 200),
  });
  const typing = args.has('filter') || args.has('latency') || args.has('no-profile');
  let before = await metrics(client);
  const browserPid = session.browser.process()?.pid ?? 0;
  const cpuBefore = extensionCpuSeconds(browserPid);
  if (!typing) await client.send('Profiler.start');
  const tracing = args.has('trace') ? await startTracing(session) : undefined;
  for (let round = 0; round < ROUNDS; round++) {
    const burstMs = args.has('plain')
      ? await plainBurst(session.page, REQUESTS)
      : (await burst(session.page, 2 + round, REQUESTS)).burstMs;
    if (args.has('hidden')) await new Promise((resolve) => setTimeout(resolve, 2_000));
    else if (!args.has('plain')) await waitCount(session.panel, tokensIn(REQUESTS) * (round + 1));
    process.stdout.write(`burst ${round + 1}: ${burstMs.toFixed(0)} ms\n`);
  }
  if (tracing) await tracing();
  if (args.has('no-profile')) {
    const cpu = (extensionCpuSeconds(browserPid) - cpuBefore) / ROUNDS;
    process.stdout.write(`${describeMetrics(before, await metrics(client))}\n`);
    process.stdout.write(`panel process CPU (/proc utime+stime): ${cpu.toFixed(2)} s per burst\n`);
  }
  // As the bench does before typing: a full collection.
  await client.send('HeapProfiler.collectGarbage');
  if (args.has('latency')) {
    const samples = await filterLatency(session, Number(args.get('latency')));
    const sorted = [...samples].sort((a, b) => a - b);
    process.stdout.write(
      `keystroke latency: median ${sorted[sorted.length >> 1]!.toFixed(2)} ms (${samples.map((v) => v.toFixed(1)).join(' ')})\n`,
    );
  }
  if (args.has('filter')) {
    before = await metrics(client);
    await client.send('Profiler.start');
    for (let i = 0; i < 40; i++) {
      await insertText(session, '[data-testid="filter"]', i % 2 === 0 ? '/api/a/' : 'api');
    }
  }
  if (!typing || args.has('filter')) {
    const { profile } = (await client.send('Profiler.stop')) as { profile: Profile };
    process.stdout.write(`${describeMetrics(before, await metrics(client))}\n\n`);
    writeFileSync(OUT, JSON.stringify(profile));
    process.stdout.write(`${summarize(profile)}\n(profile written to ${OUT})\n`);
  }
} finally {
  await session.close();
  await site.close();
}
