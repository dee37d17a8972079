// Recorded Uqudo inspections (classification, claim rules, expectations) of the engine's verdict cases: any change to a verdict or finding fails.
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import {
  VERDICT_NOW,
  buildVerdictCases,
  recordInspection,
  type VerdictCase,
} from '../jose/testing/verdict-cases';
import { inspectUqudoToken } from './inspect';

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

it('inspects every recorded case with the Uqudo profile exactly as recorded', async () => {
  const recorded = [];
  for (const [index, verdictCase] of cases.entries()) {
    // Every other case is seen as a Bearer credential, and all carry an integrator's expectations.
    const inspection = await inspectUqudoToken(verdictCase.token, {
      ...verdictCase.options,
      ...(index % 2 === 1 ? { seenAs: 'bearer' as const } : {}),
      url: 'https://id.uqudo.io/api/v2/info',
      expectations: { iss: 'https://id.uqudo.io', aud: 'another-client', nonce: 'nonce-123' },
    });
    recorded.push({ name: verdictCase.name, ...recordInspection(inspection, verdictCase.content) });
  }
  expect(recorded.length).toBeGreaterThan(80);
  await expect(`${JSON.stringify(recorded, null, 2)}\n`).toMatchFileSnapshot(
    './verdicts.uqudo.json',
  );
});
