// `npm run bench`: capture-path speed as ratios against baselines measured in the same run.
import { generateKeyPair, SignJWT } from 'jose';
import { extractSightings } from '../lib/capture/extract';
import type { CapturedExchange } from '../lib/capture/exchange';
import { findTokens } from '../lib/jose/find';

/** Best-of-N wall time of `work`, in milliseconds (best absorbs JIT warm-up and noise). */
function best(work: () => unknown, runs = 5): number {
  let fastest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return Math.max(fastest, 0.01);
}

/** A trivial linear pass over a string: the cheapest work proportional to its size. */
function touchEveryChar(text: string): number {
  let checksum = 0;
  for (let i = 0; i < text.length; i++) checksum = (checksum + text.charCodeAt(i)) | 0;
  return checksum;
}

/** Adversarial text: thousands of near-miss `eyJ` fragments, about `bytes` long. */
function nearMissText(bytes: number, token: string): string {
  const fragments = ['eyJ', 'eyJhbGciOiJIUzI1NiJ9', 'eyJ.eyJ.eyJ.eyJ.eyJ', 'eyJ'.repeat(50)];
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const piece = `${fragments[i % fragments.length]} ${i % 7 === 0 ? 'x'.repeat(200) : ''}`;
    parts.push(piece);
    size += piece.length;
  }
  parts.push(` ${token}`);
  return parts.join('');
}

/** A JSON response body of about `bytes` with `tokens` JWS leaves among ordinary records. */
function jsonBody(bytes: number, token: string): string {
  const records: unknown[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const record = {
      id: i,
      name: `record ${i}`,
      note: 'y'.repeat(100),
      token: i % 500 === 0 ? token : null,
    };
    records.push(record);
    size += 160;
  }
  return JSON.stringify({ items: records });
}

function exchangeWith(body: string): CapturedExchange {
  return {
    id: 'bench',
    time: 0,
    method: 'GET',
    url: 'https://app.example/api/items?x=1',
    status: 200,
    requestHeaders: [{ name: 'Accept', value: 'application/json' }],
    responseHeaders: [{ name: 'Content-Type', value: 'application/json' }],
    responseBody: body,
    responseMimeType: 'application/json',
    source: 'network',
  };
}

const { privateKey } = await generateKeyPair('RS256');
const token = await new SignJWT({ data: { documents: [] } })
  .setProtectedHeader({ alg: 'RS256', kid: '0123456789abcdef0123456789abcdef' })
  .setJti('7b5d1c1e-2f0a-4a57-9a37-3c9f5f0d3e11')
  .sign(privateKey);

const rows: string[][] = [['case', 'input', 'work ms', 'baseline ms', 'ratio']];
const row = (name: string, input: string, work: number, baseline: number) =>
  rows.push([name, input, work.toFixed(1), baseline.toFixed(1), (work / baseline).toFixed(1)]);

for (const mb of [1, 5]) {
  const text = nearMissText(mb * 1024 * 1024, token);
  row(
    'findTokens, near-miss eyJ text',
    `${mb} MB`,
    best(() => findTokens(text)),
    best(() => touchEveryChar(text)),
  );
}
for (const mb of [1, 8]) {
  const body = jsonBody(mb * 1024 * 1024, token);
  const exchange = exchangeWith(body);
  row(
    'extractSightings, JSON body',
    `${mb} MB`,
    best(() => extractSightings(exchange)),
    best(() => JSON.parse(body)),
  );
}
const plain = exchangeWith('x'.repeat(1024 * 1024));
row(
  'extractSightings, no token candidate',
  '1 MB',
  best(() => extractSightings(plain)),
  best(() => touchEveryChar(plain.responseBody ?? '')),
);

const width = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
for (const r of rows)
  process.stdout.write(`${r.map((cell, c) => cell.padEnd(width[c]!)).join('  ')}\n`);
process.stdout.write(
  'ratio = work / baseline in the same run (baselines: a pass over every char, or JSON.parse).\n',
);
