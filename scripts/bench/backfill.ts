// Bench row: the backfill when the panel opens after 2,000 requests, against getHAR + getContent.
import { watchNetwork, type DevtoolsRequestLike } from '../../lib/capture/network';
import { buildHarEntry, isoAfterEpoch2026 } from '../../tests/fixtures/har/build';
import {
  createFakeDevtoolsNetwork,
  type FakeDevtoolsNetwork,
} from '../../tests/fake-devtools-network';
import { benchToken } from './bodies';
import { ratioRow, type BenchRow } from './measure';

/** Backfill does the reading plus detection: within 1.3× of only reading the bodies. */
const BACKFILL_BUDGET = 1.3;
const REQUESTS = 2_000;
/** The concurrency the floor reads bodies at (the same as the backfill's). */
const CONCURRENCY = 6;

function entries(): unknown[] {
  return Array.from({ length: REQUESTS }, (_, i) =>
    buildHarEntry({
      url: `https://app.example/api/items/${i}`,
      startedDateTime: isoAfterEpoch2026(i),
      responseHeaders: { 'Content-Type': 'application/json' },
      responseBody: {
        mimeType: 'application/json',
        text: JSON.stringify({
          id: i,
          note: 'y'.repeat(2000),
          result: i % 10 === 0 ? benchToken(i) : null,
        }),
      },
    }),
  );
}

/** The floor: getHAR, then getContent of every entry, CONCURRENCY at a time. */
async function readAll(network: FakeDevtoolsNetwork): Promise<number> {
  const log = await new Promise<{ entries: DevtoolsRequestLike[] }>((resolve) =>
    (network.getHAR as (callback: (log: unknown) => void) => void)((value) =>
      resolve(value as { entries: DevtoolsRequestLike[] }),
    ),
  );
  let next = 0;
  let chars = 0;
  const worker = async () => {
    while (next < log.entries.length) {
      const entry = log.entries[next++] as DevtoolsRequestLike;
      chars += await new Promise<number>((resolve) =>
        (entry.getContent as (callback: (content: string) => void) => void)((content) =>
          resolve(content.length),
        ),
      );
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return chars;
}

/** The subject: watchNetwork's backfill until it has reported every exchange. */
async function backfill(network: FakeDevtoolsNetwork): Promise<number> {
  let delivered = 0;
  const watch = watchNetwork(network, { onExchange: () => delivered++ });
  const examined = await watch.backfilled;
  watch.stop();
  if (examined !== REQUESTS) throw new Error(`backfill examined ${examined} of ${REQUESTS}`);
  return delivered;
}

/** The backfill row (fake DevTools network: getContent answers on the next timer tick). */
export async function benchBackfill(): Promise<BenchRow[]> {
  const log = entries();
  const network = createFakeDevtoolsNetwork(log);
  return [
    await ratioRow(
      {
        group: 'backfill',
        name: 'panel opens after 2,000 requests',
        input: '2,000 JSON responses, 200 tokens (fake devtools.network)',
        budget: BACKFILL_BUDGET,
        baseline: `getHAR + getContent of each, ${CONCURRENCY} at a time`,
      },
      () => backfill(network),
      () => readAll(network),
      { runs: 7, inner: 1 },
    ),
  ];
}
