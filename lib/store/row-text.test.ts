// Tests for describeRow: the flat list's words of a capture, before and after its inspection.
import { describe, expect, it } from 'vitest';
import type { Inspection } from '../jose/inspect';
import { applyInspection, createCaptures } from './capture';
import { describeRow } from './row-text';

const INSPECTION: Inspection = {
  format: 'jws',
  header: { alg: 'RS256' },
  payload: { jti: '7b5d1c1e-2f0a-4a57-9a37-000000000001' },
  signature: 'unverified',
  kind: 'uqudo-result',
  findings: [],
};

function capture() {
  let seq = 0;
  const [made] = createCaptures(
    {
      id: 'net-1',
      time: Date.UTC(2026, 0, 1, 10, 0, 7),
      method: 'POST',
      url: 'https://app.example:8443/api/result?x=1',
      status: 200,
      requestHeaders: [],
      responseHeaders: [],
      source: 'network',
    },
    [{ location: 'request.body', path: '$.jwsResult', token: 'a.b.c' }],
    () => (seq += 1),
  );
  return made!;
}

describe('describeRow', () => {
  it('gives the row’s words', () => {
    const pending = capture();
    const text = describeRow(pending);
    expect(text).toMatchObject({
      host: 'app.example:8443',
      request: 'POST /api/result?x=1',
      where: 'request body $.jwsResult',
      kind: '',
      jti: '',
    });
    expect(text.time).toMatch(/\d\d:\d\d:07/);
  });

  it('follows the inspection: kind and a shortened jti', () => {
    const pending = capture();
    const before = describeRow(pending);
    const after = describeRow(applyInspection(pending, INSPECTION));
    expect(after).toMatchObject({ kind: 'Uqudo result', jti: '7b5d1c1e…', host: before.host });
  });
});
