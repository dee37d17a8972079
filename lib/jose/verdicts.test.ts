// Recorded inspections of a spread of tokens (valid, forged, malformed, policy, claims, JWE, the hostile corpus): any change to a verdict or finding fails.
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { inspectToken } from './inspect';
import {
  VERDICT_NOW,
  buildVerdictCases,
  recordInspection,
  type VerdictCase,
} from './testing/verdict-cases';

let cases: VerdictCase[];

beforeAll(async () => {
  // The hostile corpus dates its claims from Date.now(): fixed, so the messages are too.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(VERDICT_NOW * 1000);
  cases = await buildVerdictCases();
}, 60_000);

afterAll(() => {
  vi.useRealTimers();
});

it('inspects every recorded case exactly as recorded', async () => {
  const recorded = [];
  for (const verdictCase of cases) {
    const inspection = await inspectToken(verdictCase.token, verdictCase.options);
    recorded.push({ name: verdictCase.name, ...recordInspection(inspection, verdictCase.content) });
  }
  expect(recorded.length).toBeGreaterThan(80);
  await expect(`${JSON.stringify(recorded, null, 2)}\n`).toMatchFileSnapshot(
    './testing/verdicts.generic.json',
  );
});
