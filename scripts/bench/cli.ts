// Bench rows: `npm run inspect` and `npm run scan` (start to exit, and peak RSS) against their floors.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { buildHar, buildHarEntry, isoAfterEpoch2026 } from '../../tests/fixtures/har/build';
import { spreadOf, valueRow, type BenchRow } from './measure';

const ROOT = join(import.meta.dirname, '../..');
/** Start-up is the user's wait: the CLI within 1.5× of npm + node verifying the same token. */
const INSPECT_BUDGET = 1.5;
/** A scan within 1.5× of parse + regex + verify in one process… */
const SCAN_BUDGET = 1.5;
/** …holding at most 1.2× that floor's memory (entries processed one at a time). */
const SCAN_RSS_BUDGET = 1.2;
const NOW = 1_767_225_600;
const KID = '0123456789abcdef0123456789abcdef';

interface Run {
  ms: number;
  rssKb: number;
}

/** Runs a command under GNU time: wall time (ms) and the peak RSS of its largest process. */
function run(command: string, args: string[], cwd: string): Run {
  const rssFile = join(tmpdir(), `uqi-bench-rss-${process.pid}`);
  const start = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', '%M', '-o', rssFile, command, ...args], {
    cwd,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  const ms = performance.now() - start;
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr.toString()}`);
  }
  const rssKb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop());
  rmSync(rssFile, { force: true });
  return { ms, rssKb };
}

/** Interleaved runs of subject and floor; ratios per pair. */
function compareRuns(subject: () => Run, floor: () => Run, runs: number) {
  subject();
  floor();
  const time: number[] = [];
  const rss: number[] = [];
  const times = { subject: [] as number[], floor: [] as number[] };
  for (let i = 0; i < runs; i++) {
    let s: Run;
    let f: Run;
    if (i % 2 === 0) {
      s = subject();
      f = floor();
    } else {
      f = floor();
      s = subject();
    }
    time.push(s.ms / f.ms);
    rss.push(s.rssKb / f.rssKb);
    times.subject.push(s.ms);
    times.floor.push(f.ms);
  }
  return {
    time: spreadOf(time),
    rss: spreadOf(rss),
    subjectMs: spreadOf(times.subject).median,
    floorMs: spreadOf(times.floor).median,
  };
}

async function signToken(privateKey: CryptoKey, n: number): Promise<string> {
  return new SignJWT({ data: { documents: [{ type: 'ID' }] } })
    .setProtectedHeader({ alg: 'RS256', kid: KID })
    .setJti(`7b5d1c1e-2f0a-4a57-9a37-${String(n).padStart(12, '0')}`)
    .setIssuedAt(NOW)
    .setExpirationTime(NOW + 1800)
    .sign(privateKey);
}

/** A HAR of `entries` entries and about `chars` characters; every tenth response carries a token. */
async function writeHar(
  file: string,
  entries: number,
  chars: number,
  key: CryptoKey,
): Promise<number> {
  const entryOf = (i: number, note: string, token: string | undefined) =>
    buildHarEntry({
      url: `https://app.example/api/items/${i}?page=${i % 7}`,
      startedDateTime: isoAfterEpoch2026(i),
      requestHeaders: { Accept: 'application/json' },
      responseHeaders: { 'Content-Type': 'application/json' },
      responseBody: {
        mimeType: 'application/json',
        text: JSON.stringify({ id: i, note, result: token ?? null }),
      },
    });
  const overhead = JSON.stringify(entryOf(entries, '', undefined)).length + 70;
  const filler = 'x'.repeat(Math.max(0, Math.round(chars / entries) - overhead));
  const list: unknown[] = [];
  let tokens = 0;
  for (let i = 0; i < entries; i++) {
    const token = i % 10 === 0 ? await signToken(key, i) : undefined;
    if (token) tokens++;
    list.push(entryOf(i, filler, token));
  }
  writeFileSync(file, JSON.stringify(buildHar(list)));
  return tokens;
}

/** CLI rows. `npm run build:cli` has to have run, or the npm scripts build it first. */
export async function benchCli(runs: number): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'uqi-bench-cli-'));
  try {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const jwksFile = join(dir, 'jwks.json');
    const jwk = { ...(await exportJWK(publicKey)), kid: KID, alg: 'RS256', use: 'sig' };
    writeFileSync(jwksFile, JSON.stringify({ keys: [jwk] }));
    const token = await signToken(privateKey, 1);
    const harFile = join(dir, 'bench.har');
    const tokens = await writeHar(harFile, 10_000, 50 * 1024 * 1024, privateKey);
    // The floors run through npm too, from a package whose scripts are just `node floor-*.mjs`.
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({
        name: 'uqi-bench-floor',
        private: true,
        scripts: {
          inspect: `node ${join(import.meta.dirname, 'floor-inspect.mjs')}`,
          scan: `node ${join(import.meta.dirname, 'floor-scan.mjs')}`,
        },
      }),
    );
    const keysArgs = ['--keys', jwksFile, '--now', String(NOW)];
    const inspect = compareRuns(
      () => run('npm', ['run', '-s', 'inspect', '--', token, ...keysArgs], ROOT),
      () => run('npm', ['run', '-s', 'inspect', '--', token, jwksFile], dir),
      runs,
    );
    const scan = compareRuns(
      () => run('npm', ['run', '-s', 'scan', '--', harFile, ...keysArgs], ROOT),
      () => run('npm', ['run', '-s', 'scan', '--', harFile, jwksFile], dir),
      Math.max(5, Math.ceil(runs / 2)),
    );
    const harMb = (statSync(harFile).size / 1048576).toFixed(0);
    const harInput = `${harMb} MB HAR, 10,000 entries, ${tokens} tokens`;
    return [
      valueRow({
        group: 'cli',
        name: 'npm run inspect, start to exit',
        input: 'one RS256 JWS, --keys JWKS',
        unit: '×',
        value: inspect.time,
        budget: INSPECT_BUDGET,
        baseline: `npm run + node jose compactVerify (${inspect.subjectMs.toFixed(0)} vs ${inspect.floorMs.toFixed(0)} ms)`,
      }),
      valueRow({
        group: 'cli',
        name: 'npm run scan, start to exit',
        input: harInput,
        unit: '×',
        value: scan.time,
        budget: SCAN_BUDGET,
        baseline: `npm run + JSON.parse + regex + compactVerify (${scan.subjectMs.toFixed(0)} vs ${scan.floorMs.toFixed(0)} ms)`,
      }),
      valueRow({
        group: 'cli',
        name: 'npm run scan, peak RSS',
        input: harInput,
        unit: '×',
        value: scan.rss,
        budget: SCAN_RSS_BUDGET,
        baseline: 'the same floor’s peak RSS',
      }),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
