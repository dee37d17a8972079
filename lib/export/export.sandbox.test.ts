// The default export of every sandbox scenario (and the demo's mistakes) leaks no personal value, token or image.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../sandbox/scenarios';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { createStaticKeyResolver, parseKeys, type KeyResolver } from '../jose/keys';
import { Recorder, runDemoFlow, type DemoRun } from '../session/testing/demo-flow';
import { buildHarSubset } from './har';
import { buildEvidenceReport } from './report';
import { captureExchanges, toExportInput } from './testing/capture-run';
import { collectPersonalValuesOfTokens, findLeaks } from './testing/personal-values';

let sandbox: Sandbox;
let keys: KeyResolver;
let images: string[];

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  const parsed = await parseKeys(
    await (await fetch(`${sandbox.url}/api/.well-known/jwks.json`)).text(),
  );
  if (!parsed.ok) throw new Error(parsed.error);
  keys = createStaticKeyResolver(parsed.keys);
  const files = ['back', 'frame', 'front', 'nfc-photo', 'portrait', 'selfie'];
  images = await Promise.all(
    files.map(async (name) =>
      (await readFile(new URL(`../../sandbox/images/${name}.jpg`, import.meta.url))).toString(
        'base64',
      ),
    ),
  );
});

afterAll(async () => {
  await sandbox.close();
});

/** Runs one demo flow, captures it like the panel, and lists what must not leak. */
async function runAndCapture(run: DemoRun) {
  const recorder = new Recorder(sandbox.url);
  await runDemoFlow(recorder, run);
  const captured = await captureExchanges(recorder.exchanges, keys);
  const tokens = captured.captures.map((c) => c.sighting.token);
  const host = new URL(sandbox.url).hostname;
  const personal = [...collectPersonalValuesOfTokens(tokens)].filter((v) => v !== host);
  const signatures = tokens.flatMap((t) => t.split('.').slice(2)).filter((s) => s.length >= 16);
  const secrets = [sandbox.credentials.clientSecret, sandbox.scanOnlyCredentials.clientSecret];
  return { captured, forbidden: { personal, signatures, images, secrets } };
}

const RUNS: [string, DemoRun][] = [
  ...SCENARIOS.map((scenario): [string, DemoRun] => [scenario, { scenario }]),
  ['secret sent from the browser', { variant: { browserSecret: true } }],
  ['result in the URL', { scenario: 'uae-id', variant: { inUrl: true } }],
  ['altered copy posted', { scenario: 'sau-id', variant: { altered: true } }],
];

describe('the default export of every sandbox scenario', () => {
  for (const [name, run] of RUNS) {
    it(`${name}: the report and the HAR carry none of its personal values, tokens or images`, async () => {
      const { captured, forbidden } = await runAndCapture(run);
      // The oracle found something to look for: names, numbers, dates (none for broken tokens).
      if (run.scenario !== 'alg-none' && run.scenario !== 'face-session') {
        expect(forbidden.personal.length).toBeGreaterThan(10);
      }
      const input = toExportInput(captured);
      const choice = { includePersonal: false, includeSecrets: false };
      const report = await buildEvidenceReport(input, choice);
      const har = await buildHarSubset(input, choice);
      expect(report.sessions).toHaveLength(1);
      expect(report.captures.length).toBe(captured.captures.length);
      expect(report.captures.every((c) => c.token.sha256?.length === 64)).toBe(true);
      expect(findLeaks(JSON.stringify(report), forbidden)).toEqual([]);
      expect(findLeaks(JSON.stringify(har), forbidden)).toEqual([]);
      expect(har.log.entries.length).toBe(report.requests.length);
    });
  }

  it('with personal data included, the names and the chip photo are there but tokens and secrets are not', async () => {
    const { captured, forbidden } = await runAndCapture({ variant: { browserSecret: true } });
    const report = JSON.stringify(
      await buildEvidenceReport(toExportInput(captured), {
        includePersonal: true,
        includeSecrets: false,
      }),
    );
    const leaks = findLeaks(report, forbidden);
    expect(leaks).toContain('personal "SAMPLE"');
    expect(leaks).toContain('image bytes (base64)');
    expect(leaks.filter((l) => !l.startsWith('personal') && !l.startsWith('image'))).toEqual([]);
    const har = JSON.stringify(
      await buildHarSubset(toExportInput(captured), {
        includePersonal: true,
        includeSecrets: false,
      }),
    );
    expect(har).not.toContain(forbidden.secrets[0]!);
    expect(har).not.toMatch(/eyJ[A-Za-z0-9_-]{4}/);
  });

  it('secrets need personal data too; with both the tokens and the client secret are verbatim', async () => {
    const { captured, forbidden } = await runAndCapture({ variant: { browserSecret: true } });
    const input = toExportInput(captured);
    const secretsOnly = JSON.stringify(
      await buildHarSubset(input, { includePersonal: false, includeSecrets: true }),
    );
    expect(findLeaks(secretsOnly, forbidden)).toEqual([]);
    const everything = JSON.stringify(
      await buildHarSubset(input, { includePersonal: true, includeSecrets: true }),
    );
    expect(everything).toContain(forbidden.secrets[0]!);
    expect(everything).toMatch(/eyJ[A-Za-z0-9_-]{4}/);
  });
});
