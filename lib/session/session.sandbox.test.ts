// The session core on real sandbox traffic: the demo flow and each of its integration mistakes, end to end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { extractSightings } from '../capture/extract';
import { inspectUqudoToken } from '../uqudo/inspect';
import { createStaticKeyResolver, parseKeys, type KeyResolver } from '../jose/keys';
import { extractSessionEvidence } from './evidence';
import type { SessionFindingCode } from './findings';
import { groupSessions } from './group';
import type { SessionItem } from './state';
import { Recorder, runDemoFlow, type DemoRun } from './testing/demo-flow';

let sandbox: Sandbox;
let keys: KeyResolver;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  const parsed = await parseKeys(
    await (await fetch(`${sandbox.url}/api/.well-known/jwks.json`)).text(),
  );
  if (!parsed.ok) throw new Error(parsed.error);
  keys = createStaticKeyResolver(parsed.keys);
});

afterAll(async () => {
  await sandbox.close();
});

/** Captured exchanges → session items, through the same extraction and inspection as the panel. */
async function toItems(recorder: Recorder): Promise<SessionItem[]> {
  return Promise.all(
    recorder.exchanges.map(async (exchange) => ({
      evidence: extractSessionEvidence(exchange),
      sightings: await Promise.all(
        extractSightings(exchange).map(async (sighting) => ({
          ...sighting,
          inspection: await inspectUqudoToken(sighting.token, {
            keys,
            url: exchange.url,
            ...(sighting.seenAs && { seenAs: sighting.seenAs }),
          }),
        })),
      ),
    })),
  );
}

async function runAndGroup(run: DemoRun = {}) {
  const recorder = new Recorder(sandbox.url);
  const token = await runDemoFlow(recorder, run);
  const sessions = groupSessions(await toItems(recorder));
  return { sessions, token, recorder };
}

function codes(session: { findings: { code: SessionFindingCode }[] }): SessionFindingCode[] {
  return session.findings.map((f) => f.code);
}

describe('the normal demo flow', () => {
  it('one enrolment is one session with its timeline and no findings', async () => {
    const { sessions, token } = await runAndGroup();
    expect(sessions).toHaveLength(1);
    const session = sessions[0]!;
    expect(session.verdict).toBe('valid');
    expect(session.documentType).toBe('PASSPORT');
    expect(session.resultToken).toBe(token);
    expect(session.findings).toEqual([]);
    expect(session.audClient.status).toBe('match');
    expect(session.timeline.map((e) => [e.method, e.path, e.role])).toEqual([
      ['POST', '/demo/backend/session', 'access-token'],
      ['POST', '/sandbox/sessions', 'result-returned'],
      ['GET', '/api/v2/info', 'result-returned'],
      ['POST', '/demo/backend/result', 'result-posted'],
    ]);
    expect(session.requests).toBe(4);
    expect(session.backendPostId).toBe('4');
  });

  it('a face session is keyed by data.sessionId and has no findings', async () => {
    const { sessions } = await runAndGroup({ scenario: 'face-session' });
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.face).toBe(true);
    expect(sessions[0]!.faceMatchLevel).toBe(3);
    expect(sessions[0]!.findings).toEqual([]);
  });

  it('with the naive backend the normal flow has no findings either', async () => {
    const { sessions } = await runAndGroup({ mode: 'naive' });
    expect(sessions.map(codes)).toEqual([[]]);
  });
});

describe('each demo mistake fires its finding', () => {
  const cases: [string, DemoRun, SessionFindingCode[]][] = [
    ['wrong nonce', { variant: { wrongNonce: true } }, ['nonce-mismatch']],
    ['wrong session id', { variant: { otherJti: true } }, ['session-id-mismatch']],
    ['altered copy', { variant: { altered: true } }, ['result-altered']],
    ['secret in the browser', { variant: { browserSecret: true } }, ['secret-in-browser']],
    ['every scope', { variant: { scope: 'all' } }, ['excess-scope-in-browser']],
    ['another client', { variant: { client: 'scan-only' } }, ['aud-client-mismatch']],
    ['posted twice', { variant: { twice: true } }, ['result-posted-twice']],
    ['in the URL', { scenario: 'face-session', variant: { inUrl: true } }, ['result-in-url']],
    ['no nonce', { variant: { noNonce: true } }, ['no-nonce']],
    ['expired result', { scenario: 'expired' }, ['expired-result-posted']],
  ];
  for (const [name, run, expected] of cases) {
    it(`${name} → ${expected.join(', ')} (strict backend)`, async () => {
      const { sessions } = await runAndGroup(run);
      expect(sessions).toHaveLength(1);
      expect(codes(sessions[0]!)).toEqual(expected);
    });
  }

  it('the naive backend accepting a wrong-nonce, altered, replayed or expired result is backend-accepted-invalid', async () => {
    const runs: DemoRun[] = [
      { variant: { wrongNonce: true } },
      { variant: { altered: true } },
      { variant: { twice: true } },
      { scenario: 'expired' },
      { scenario: 'tampered' },
    ];
    for (const run of runs) {
      const { sessions } = await runAndGroup({ ...run, mode: 'naive' });
      expect(codes(sessions[0]!)).toContain('backend-accepted-invalid');
    }
  });

  it('a valid result the strict backend refuses (already used) is not backend-rejected-valid but replay is named', async () => {
    const { sessions } = await runAndGroup({ variant: { twice: true } });
    // The second post is a replay: the 409 is right, so no backend finding at all.
    expect(codes(sessions[0]!)).toEqual(['result-posted-twice']);
  });
});
