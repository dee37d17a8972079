// Tests of the sandbox CLI argument parser.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PORT, parseSandboxArgs } from './args';

describe('parseSandboxArgs', () => {
  it('defaults to port 8321', () => {
    expect(parseSandboxArgs([])).toEqual({ ok: true, args: { port: DEFAULT_PORT } });
    expect(DEFAULT_PORT).toBe(8321);
  });

  it('reads --port and --signing-key, spaced or with =', () => {
    expect(parseSandboxArgs(['--port', '9000', '--signing-key', 'k.pem'])).toEqual({
      ok: true,
      args: { port: 9000, signingKeyPath: 'k.pem' },
    });
    expect(parseSandboxArgs(['--port=0', '--signing-key=a=b.pem'])).toEqual({
      ok: true,
      args: { port: 0, signingKeyPath: 'a=b.pem' },
    });
  });

  it('reads --cors lenient|strict', () => {
    expect(parseSandboxArgs(['--cors', 'strict'])).toEqual({
      ok: true,
      args: { port: DEFAULT_PORT, cors: 'strict' },
    });
    expect(parseSandboxArgs(['--cors=lenient'])).toMatchObject({
      ok: true,
      args: { cors: 'lenient' },
    });
    expect(parseSandboxArgs(['--cors', 'open'])).toMatchObject({ ok: false });
    expect(parseSandboxArgs(['--cors'])).toMatchObject({ ok: false });
  });

  it('rejects bad ports, missing values and unknown flags', () => {
    for (const argv of [
      ['--port', 'x'],
      ['--port', '70000'],
      ['--port'],
      ['--signing-key'],
      ['--verbose'],
    ]) {
      const result = parseSandboxArgs(argv);
      expect(result.ok).toBe(false);
    }
  });
});
