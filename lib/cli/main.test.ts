// Runs the real CLI process (through `npm run` and through tsx) once per case and checks the contract.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_IAT, RESULT_JTI } from '../../tests/fixtures/har/build';
import {
  buildJwks,
  encryptToken,
  generateTestKeyPair,
  generateTestKeys,
  mintToken,
  mintUnsignedToken,
  tamperSegment,
} from '../jose/testing/tokens';
import { AUD, EXP, IAT, ISS, JTI, buildSamplePayload } from './testing/sample';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Run the CLI with `args` (starting with the command). `viaNpm` uses the package scripts exactly as
 * documented (`npm run --silent inspect -- …`); otherwise the same entry is run with tsx's loader
 * directly, which saves npm's start-up time.
 */
function run(args: string[], options: { stdin?: string; viaNpm?: boolean } = {}): Promise<Run> {
  const [command, ...rest] = args;
  const [file, argv] = options.viaNpm
    ? ['npm', ['run', '--silent', command!, '--', ...rest]]
    : [process.execPath, ['--import', 'tsx', 'lib/cli/main.ts', ...args]];
  return new Promise((resolve, reject) => {
    const child = spawn(file, argv, { cwd: root, env: { ...process.env, NO_COLOR: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}

function json(result: Run | undefined): Record<string, any> {
  return JSON.parse(result?.stdout ?? '') as Record<string, any>;
}

function codes(inspection: Record<string, any>): string[] {
  return (inspection.findings as { code: string }[]).map((finding) => finding.code);
}

let dir: string;
/** Every process run once, up front; the tests below read the outcomes. */
const runs: Record<string, Run> = {};

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'uqudo-cli-'));
  const keys = await generateTestKeys();
  const encryption = await generateTestKeyPair('RSA-OAEP-256', 'enc-1');
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  const jwks = write('jwks.json', buildJwks(keys.rsa, keys.ec));
  const otherJwks = write('other.jwks.json', buildJwks(keys.rsaOther));
  const decrypt = write('decrypt.pem', encryption.privatePem);
  const notHar = write('not-a-har.json', '{"hello":"world"}');

  const payload = buildSamplePayload();
  const valid = await mintToken(payload, { key: keys.rsa });
  const jwe = await encryptToken(await mintToken(payload, { key: keys.rsaOther }), {
    key: encryption,
    alg: 'RSA-OAEP-256',
    enc: 'A256GCM',
    cty: 'JWT',
  });
  const keyed = ['--keys', jwks, '--now', String(IAT + 60)];
  const har = 'tests/fixtures/har/uqudo-flow.har';
  const harOptions = [
    '--keys',
    'tests/fixtures/har/uqudo-flow.jwks.json',
    '--now',
    String(FIXTURE_IAT + 100),
  ];

  const cases: Record<string, [string[], { stdin?: string; viaNpm?: boolean }?]> = {
    validJson: [['inspect', ...keyed, '--json', valid], { viaNpm: true }],
    validReport: [['inspect', ...keyed, valid]],
    expiredUnix: [['inspect', '--keys', jwks, '--now', String(EXP + 95), '--json', valid]],
    tampered: [['inspect', ...keyed, '--json', tamperSegment(valid, 1)]],
    wrongKid: [
      ['inspect', ...keyed, '--json', await mintToken(payload, { key: keys.rsa, kid: 'nope' })],
    ],
    algNone: [['inspect', ...keyed, '--json', mintUnsignedToken(payload)]],
    stdinBearer: [['inspect', ...keyed, '--json'], { stdin: `  Bearer ${valid}\n` }],
    isoWithLeeway: [
      [
        'inspect',
        '--keys',
        jwks,
        '--now',
        new Date((EXP + 30) * 1000).toISOString(),
        '--leeway',
        '60',
        '--json',
        valid,
      ],
    ],
    expectMismatch: [
      [
        'inspect',
        ...keyed,
        '--expect-iss',
        'https://evil.example',
        '--expect-aud',
        'other-client',
        '--expect-jti',
        RESULT_JTI,
        '--expect-nonce',
        'other-nonce',
        '--json',
        valid,
      ],
    ],
    allowAlg: [['inspect', ...keyed, '--allow-alg', 'ES256', '--json', valid]],
    jweDecrypted: [
      ['inspect', ...keyed, '--keys', otherJwks, '--decrypt-key', decrypt, '--json', jwe],
    ],
    missingKeyFile: [['inspect', '--keys', path.join(dir, 'missing.json'), '--json', valid]],
    unknownOption: [['inspect', '--frobnicate', '--json', valid]],
    scanJson: [['scan', har, ...harOptions, '--json'], { viaNpm: true }],
    scanNotHar: [['scan', notHar, '--json']],
  };
  // A few processes at a time: enough to overlap start-up, without a memory spike on small CI runners.
  const queue = Object.entries(cases);
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [name, [args, options]] = next;
      runs[name] = await run(args, options);
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
}, 180_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('inspect (real process)', () => {
  it('verifies a valid token with a JWKS file: exactly the contract JSON, exit 0', () => {
    const result = runs.validJson!;
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const inspection = json(result);
    expect(Object.keys(inspection)).toEqual([
      'format',
      'header',
      'payload',
      'signature',
      'kind',
      'findings',
    ]);
    expect(inspection).toMatchObject({
      format: 'jws',
      header: { alg: 'RS256', kid: 'rsa-main' },
      payload: { jti: JTI, iss: ISS, aud: AUD },
      signature: 'valid',
      kind: 'uqudo-result',
    });
    for (const finding of inspection.findings as Record<string, unknown>[]) {
      expect(Object.keys(finding)).toEqual(['severity', 'code', 'message']);
      expect(finding.severity).not.toBe('error');
    }
  });

  it('prints a readable report without --json (no colours into a pipe, never "approved")', () => {
    const result = runs.validReport!;
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Verdict: signature valid/);
    expect(result.stdout).toMatch(/Header:\n +\{\n +"alg": "RS256"/);
    expect(result.stdout).toContain(`"jti": "${JTI}"`);
    expect(result.stdout).toMatch(/ℹ info +verified-with-key/);
    expect(result.stdout).not.toMatch(/approved/i);
    expect(result.stdout).not.toContain('\u001b[');
  });

  it('fails expired (--now as Unix seconds), tampered, wrong-kid and alg-none tokens with exit 1', () => {
    expect(runs.expiredUnix!.code).toBe(1);
    // An expired Uqudo JWS still verifies: the signature is valid, the verdict is not.
    expect(json(runs.expiredUnix)).toMatchObject({ signature: 'valid' });
    expect(json(runs.expiredUnix).findings).toContainEqual(
      expect.objectContaining({ code: 'expired', severity: 'error' }),
    );
    expect(runs.tampered!.code).toBe(1);
    expect(json(runs.tampered)).toMatchObject({ signature: 'invalid' });
    expect(codes(json(runs.tampered))).toContain('signature-invalid');
    expect(runs.wrongKid!.code).toBe(1);
    expect(codes(json(runs.wrongKid))).toContain('key-not-found');
    expect(runs.algNone!.code).toBe(1);
    expect(codes(json(runs.algNone))).toContain('alg-none');
  });

  it('reads the token from stdin with a Bearer prefix; --now ISO 8601 with --leeway', () => {
    expect(runs.stdinBearer!.code).toBe(0);
    expect(json(runs.stdinBearer)).toMatchObject({ signature: 'valid', payload: { jti: JTI } });
    // 30 s past exp, within a 60 s leeway.
    expect(runs.isoWithLeeway!.code).toBe(0);
    expect(codes(json(runs.isoWithLeeway))).not.toContain('expired');
  });

  it('reports every --expect-* mismatch, and --allow-alg narrows the accepted algorithms', () => {
    expect(runs.expectMismatch!.code).toBe(1);
    expect(codes(json(runs.expectMismatch))).toEqual(
      expect.arrayContaining(['iss-mismatch', 'aud-mismatch', 'jti-mismatch', 'nonce-mismatch']),
    );
    expect(runs.allowAlg!.code).toBe(1);
    expect(codes(json(runs.allowAlg))).toContain('alg-not-allowed');
  });

  it('decrypts a JWE with --decrypt-key and verifies the inner JWS with keys merged from two files', () => {
    expect(runs.jweDecrypted).toMatchObject({ code: 0, stderr: '' });
    const outer = json(runs.jweDecrypted);
    expect(Object.keys(outer)).toEqual([
      'format',
      'header',
      'payload',
      'signature',
      'kind',
      'inner',
      'findings',
    ]);
    expect(outer).toMatchObject({ format: 'jwe', header: { alg: 'RSA-OAEP-256', enc: 'A256GCM' } });
    expect(outer.inner).toMatchObject({
      format: 'jws',
      header: { kid: 'rsa-other' },
      signature: 'valid',
      kind: 'uqudo-result',
      payload: { jti: JTI },
    });
  });

  it('exits 2 with a message on stderr and nothing on stdout', () => {
    expect(runs.missingKeyFile).toMatchObject({ code: 2, stdout: '' });
    expect(runs.missingKeyFile!.stderr).toMatch(/cannot read key file .*missing\.json/);
    expect(runs.unknownOption).toMatchObject({ code: 2, stdout: '' });
    expect(runs.unknownOption!.stderr).toMatch(/unknown option --frobnicate/);
  });
});

describe('scan (real process)', () => {
  it('prints one element per token: entry, url, location, path, inspection', () => {
    expect(runs.scanJson).toMatchObject({ code: 0, stderr: '' });
    const results = JSON.parse(runs.scanJson!.stdout) as Record<string, any>[];
    expect(results.map((r) => [r.entry, r.location, r.path ?? null])).toEqual([
      [2, 'response.body', '$.access_token'],
      [3, 'request.header', 'Authorization'],
      [3, 'response.body', null],
      [4, 'request.body', '$.jwsResult'],
      [5, 'request.header', 'Authorization'],
      [6, 'request.query', 'id_token'],
      [6, 'request.query', 'next'],
      [9, 'request.body', null],
      [10, 'response.header', 'X-Refreshed-Token'],
    ]);
    for (const result of results) {
      expect(Object.keys(result)).toEqual(
        result.path === undefined
          ? ['entry', 'url', 'location', 'inspection']
          : ['entry', 'url', 'location', 'path', 'inspection'],
      );
    }
    // The application/jwt body was base64 in the HAR: decoded, it is the verified result.
    expect(results[2]).toMatchObject({
      url: 'https://id.uqudo.io/api/v2/info',
      inspection: {
        format: 'jws',
        signature: 'valid',
        kind: 'uqudo-result',
        payload: { jti: RESULT_JTI },
      },
    });
    expect(results[3]!.inspection).toEqual(results[2]!.inspection);
    expect(results[1]!.inspection.kind).toBe('uqudo-access-token');
    expect(codes(results[1]!.inspection)).toContain('key-not-found');
    expect(results[7]!.inspection).toMatchObject({ format: 'jwe' });
    expect(codes(results[7]!.inspection)).toContain('encrypted');
  });

  it('exits 2 for a file that is not a HAR', () => {
    expect(runs.scanNotHar).toMatchObject({ code: 2, stdout: '' });
    expect(runs.scanNotHar!.stderr).toMatch(/is not a readable HAR: not a HAR file/);
  });
});
