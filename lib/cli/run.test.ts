// In-process tests of runCli (same code as the process, with injected I/O): the finer cases.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_IAT } from '../../tests/fixtures/har/build';
import {
  buildJwks,
  encryptToken,
  generateTestKeyPair,
  generateTestKeys,
  mintToken,
  type TestKeyPair,
  type TestKeys,
} from '../jose/testing/tokens';
import { runCli, type CliIo } from './run';
import { AUD, EXP, IAT, ISS, JTI, NONCE, buildSamplePayload } from './testing/sample';

let keys: TestKeys;
let valid: string;
let ecToken: string;
let encryption: TestKeyPair;
let files: Record<string, string>;

beforeAll(async () => {
  keys = await generateTestKeys();
  encryption = await generateTestKeyPair('RSA-OAEP-256', 'enc-1');
  const payload = buildSamplePayload();
  valid = await mintToken(payload, { key: keys.rsa });
  ecToken = await mintToken(payload, { key: keys.ec });
  files = {
    'jwks.json': buildJwks(keys.rsa, keys.ec),
    'rsa.pem': keys.rsa.publicPem,
    'garbage.txt': 'this is not a key\n',
    'public.jwks.json': buildJwks(encryption),
    'private.jwk.json': JSON.stringify(encryption.privateJwk),
  };
});

/** Runs the CLI in-process; files come from `files`, or the repository for tests/fixtures paths. */
async function cli(
  argv: string[],
  options: { stdin?: string; stdinIsTTY?: boolean; color?: boolean } = {},
) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    writeStdout: (text) => (stdout += text),
    writeStderr: (text) => (stderr += text),
    readStdin: () => Promise.resolve(options.stdin ?? ''),
    readTextFile: async (file) => {
      if (file.startsWith('tests/'))
        return readFile(new URL(`../../${file}`, import.meta.url), 'utf8');
      const text = files[file];
      if (text === undefined) throw new Error(`ENOENT: no such file or directory, open '${file}'`);
      return text;
    },
    stdinIsTTY: options.stdinIsTTY ?? false,
    color: options.color ?? false,
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

/** A fresh copy of one of lib/uqudo's SDK result fixtures. */
function uqudoFixture(name: string): Record<string, any> {
  return JSON.parse(
    readFileSync(new URL(`../uqudo/fixtures/${name}.json`, import.meta.url), 'utf8'),
  ) as Record<string, any>;
}

function findingCodes(stdout: string): string[] {
  return (JSON.parse(stdout) as { findings: { code: string }[] }).findings.map((f) => f.code);
}

describe('runCli inspect', () => {
  it('takes the token as an argument, "-" or piped stdin, trimming and dropping Bearer', async () => {
    const args = ['inspect', '--keys', 'jwks.json', '--now', String(IAT + 1), '--json'];
    for (const [extra, stdin] of [
      [[valid], undefined],
      [['-'], `\n${valid}\n`],
      [[], `bearer   ${valid}`],
      [[`  Bearer ${valid}  `], undefined],
    ] as const) {
      const result = await cli([...args, ...extra], stdin === undefined ? {} : { stdin });
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ signature: 'valid' });
    }
  });

  it('reads --now as Unix seconds or ISO 8601 (expired from exp on; leeway extends it)', async () => {
    const at = async (now: string, ...extra: string[]) =>
      cli(['inspect', '--keys', 'jwks.json', '--now', now, ...extra, '--json', valid]);
    expect((await at(String(EXP - 1))).code).toBe(0);
    expect(findingCodes((await at(String(EXP + 1))).stdout)).toContain('expired');
    expect((await at('2026-01-01T00:29:59Z')).code).toBe(0);
    expect((await at('2026-01-01T04:30:01+04:00')).code).toBe(1);
    expect((await at(String(EXP), '--leeway', '0')).code).toBe(1);
    expect((await at(String(EXP + 9), '--leeway', '10')).code).toBe(0);
    expect((await at(String(EXP + 10), '--leeway', '10')).code).toBe(1);
    // iat later than now (beyond the leeway) is an error: the clocks disagree or the token is forged.
    expect((await at(String(IAT - 100))).code).toBe(1);
    expect(findingCodes((await at(String(IAT - 100))).stdout)).toContain('issued-in-future');
    expect((await at(String(IAT - 100), '--leeway', '100')).code).toBe(0);
  });

  it('passes each expectation when it matches and fails each one that does not', async () => {
    const base = ['inspect', '--keys', 'jwks.json', '--now', String(IAT + 1), '--json'];
    const all = [
      ['--expect-iss', ISS, 'iss-mismatch'],
      ['--expect-aud', AUD, 'aud-mismatch'],
      ['--expect-jti', JTI, 'jti-mismatch'],
      ['--expect-nonce', NONCE, 'nonce-mismatch'],
    ] as const;
    const matching = await cli([
      ...base,
      ...all.flatMap(([option, value]) => [option, value]),
      valid,
    ]);
    expect(matching.code).toBe(0);
    for (const [option, , code] of all) {
      const result = await cli([...base, option, 'something-else', valid]);
      expect(result.code).toBe(1);
      expect(findingCodes(result.stdout)).toEqual(expect.arrayContaining([code]));
    }
  });

  it('accepts a PEM key file and repeated or comma-separated --allow-alg', async () => {
    const now = ['--now', String(IAT + 1), '--json'];
    expect((await cli(['inspect', '--keys', 'rsa.pem', ...now, valid])).code).toBe(0);
    const rsOnly = await cli([
      'inspect',
      '--keys',
      'jwks.json',
      '--allow-alg',
      'RS256',
      ...now,
      ecToken,
    ]);
    expect(findingCodes(rsOnly.stdout)).toContain('alg-not-allowed');
    const repeated = ['--allow-alg', 'RS256', '--allow-alg', 'ES256'];
    expect((await cli(['inspect', '--keys', 'jwks.json', ...repeated, ...now, ecToken])).code).toBe(
      0,
    );
    const comma = ['--allow-alg=RS256,ES256'];
    expect((await cli(['inspect', '--keys', 'jwks.json', ...comma, ...now, ecToken])).code).toBe(0);
  });

  it('reports a malformed input as a finding (exit 1), not a usage error', async () => {
    const result = await cli(['inspect', '--json', 'not.a.token']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({
      format: 'invalid',
      header: null,
      payload: null,
    });
    expect(findingCodes(result.stdout)).toContain('malformed');
  });

  it('colours the report only when asked to (a terminal)', async () => {
    const plain = await cli(['inspect', '--keys', 'jwks.json', '--now', String(EXP + 5), valid]);
    expect(plain.code).toBe(1);
    expect(plain.stdout).toMatch(/^Verdict: invalid — 1 error/);
    expect(plain.stdout).toMatch(/✖ error +expired: /);
    expect(plain.stdout).not.toContain('\u001b[');
    const coloured = await cli(
      ['inspect', '--keys', 'jwks.json', '--now', String(EXP + 5), valid],
      {
        color: true,
      },
    );
    expect(coloured.stdout).toContain('\u001b[31m');
  });

  it('shortens long strings in the readable report but keeps them whole in --json', async () => {
    const photo = 'A'.repeat(300_000);
    const payload = uqudoFixture('passport');
    payload.data.documents[0].reading.data.photo = photo;
    const token = await mintToken(payload, { key: keys.rsa });
    const args = ['inspect', '--keys', 'jwks.json', '--now', String(payload.iat + 1)];
    const readable = await cli([...args, token]);
    expect(readable.code).toBe(0);
    expect(readable.stdout).toContain(`"photo": "${'A'.repeat(60)}…" (300000 chars),`);
    expect(readable.stdout).not.toContain('A'.repeat(61));
    expect(readable.stdout.length).toBeLessThan(40_000);
    const json = await cli([...args, '--json', token]);
    expect(json.code).toBe(0);
    const printed = JSON.parse(json.stdout) as { payload: typeof payload };
    expect(printed.payload.data.documents[0].reading.data.photo).toBe(photo);
    expect(json.stdout).not.toContain('Uqudo summary');
  });

  it('adds a Uqudo summary for an SDK result, judging document expiry by --now', async () => {
    const payload = uqudoFixture('uae-id');
    const token = await mintToken(payload, { key: keys.rsa });
    const report = async (now: string) =>
      (await cli(['inspect', '--keys', 'jwks.json', '--now', now, token])).stdout;
    const after = await report(String(payload.iat + 1));
    expect(after).toMatch(/^Verdict: signature valid\nSession: 8c1d2e3f-[^\n]+\n\nUqudo summary: /);
    expect(after).toContain('  Document 1 of 1: UAE_ID\n');
    expect(after).toContain('    Expiry:      2024-06-30 EXPIRED\n');
    expect(after).toContain('      ✖ Screen detection: 61.2 / 100\n');
    expect(after).not.toMatch(/approved/i);
    // Before the document expired (the token is then issued in the future: a warning, exit 0).
    const before = await report('2024-06-01T00:00:00Z');
    expect(before).toContain('    Expiry:      2024-06-30\n');
    expect(before).not.toContain('EXPIRED');
    const jwt = await mintToken({ sub: 'someone', iat: IAT }, { key: keys.rsa });
    const plain = await cli(['inspect', '--keys', 'jwks.json', '--now', String(IAT), jwt]);
    expect(plain.stdout).toMatch(/Kind: jwt/);
    expect(plain.stdout).not.toContain('Uqudo summary');
  });

  it('summarizes the inner result of a decrypted nested JWE, and nothing without the key', async () => {
    const inner = await mintToken(uqudoFixture('face-session'), { key: keys.rsa });
    const jwe = await encryptToken(inner, {
      key: encryption,
      alg: 'RSA-OAEP-256',
      enc: 'A256GCM',
      cty: 'JWT',
    });
    const args = ['inspect', '--keys', 'jwks.json', '--now', String(IAT + 1)];
    const decrypted = await cli([...args, '--decrypt-key', 'private.jwk.json', jwe]);
    expect(decrypted.code).toBe(0);
    expect(decrypted.stdout).toContain('Uqudo summary:\n  Session-wide\n    Session\n');
    expect(decrypted.stdout).toContain('      ✔ Match level: 5 of 5\n');
    expect(decrypted.stdout.indexOf('Uqudo summary:')).toBeLessThan(
      decrypted.stdout.indexOf('Inner token (decrypted):'),
    );
    const encrypted = await cli([...args, jwe]);
    expect(encrypted.stdout).toMatch(/^Verdict: encrypted/);
    expect(encrypted.stdout).not.toContain('Uqudo summary');
  });

  it('exits 2 on usage errors and unusable files, writing only to stderr', async () => {
    const cases: [string[], RegExp, { stdin?: string; stdinIsTTY?: boolean }?][] = [
      [['inspect', '--keys', 'garbage.txt', valid], /no usable key in "garbage.txt"/],
      [['inspect', '--decrypt-key', 'public.jwks.json', valid], /no usable decryption key/],
      [['inspect', '--decrypt-key', 'missing.pem', valid], /cannot read decryption key file/],
      [['inspect', '--now', 'yesterday', valid], /--now must be Unix seconds or an ISO 8601 date/],
      [['inspect', '--leeway', '-5', valid], /--leeway must be a number of seconds/],
      [['inspect', '--keys'], /--keys needs a value/],
      [['inspect', '--now', '1', '--now', '2', valid], /--now given more than once/],
      [['inspect', valid, 'extra'], /unexpected argument "extra"/],
      [['inspect', '--json'], /no token given \(the input is empty\)/, { stdin: '  \n' }],
      [['inspect'], /no token given: pass it as an argument/, { stdinIsTTY: true }],
      [['verify', valid], /unknown command "verify"/],
      [[], /missing command/],
      [['scan', '--json'], /scan needs a HAR file/],
      [['scan', 'missing.har'], /cannot read HAR file "missing.har"/],
      [['scan', 'tests/fixtures/har/not-a-har.json'], /is not a readable HAR/],
    ];
    for (const [argv, message, options] of cases) {
      const result = await cli(argv, options);
      expect({ argv, code: result.code, stdout: result.stdout }).toEqual({
        argv,
        code: 2,
        stdout: '',
      });
      expect(result.stderr).toMatch(message);
    }
  });

  it('prints usage with --help', async () => {
    const result = await cli(['inspect', '--help']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^Usage:/);
    expect(result.stdout).toContain('--decrypt-key FILE');
  });
});

describe('runCli scan', () => {
  it('prints a readable table with notes about bodies it could not read', async () => {
    const result = await cli([
      'scan',
      'tests/fixtures/har/uqudo-flow.har',
      '--keys',
      'tests/fixtures/har/uqudo-flow.jwks.json',
      '--now',
      String(FIXTURE_IAT + 100),
    ]);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^ENTRY +LOCATION +PATH +VERDICT +KIND +JTI +FINDINGS +URL$/);
    expect(lines[3]).toMatch(
      /^3 +response\.body +valid +uqudo-result +5b0e1f2a… +https:\/\/id\.uqudo\.io\/api\/v2\/info$/,
    );
    expect(lines[1]).toMatch(
      /^2 +response\.body +\$\.access_token +invalid +uqudo-access-token +9c8b7a6d… +key-not-found /,
    );
    expect(result.stdout).toContain('9 token sightings in 11 HAR entries.');
    expect(result.stdout).toContain('entry 7 (https://shop.example/logo.png): binary body skipped');
    expect(result.stdout).not.toMatch(/approved/i);
  });

  it('exits 0 with an empty array or a plain sentence when there is nothing to report', async () => {
    expect(await cli(['scan', 'tests/fixtures/har/empty.har', '--json'])).toEqual({
      code: 0,
      stdout: '[]\n',
      stderr: '',
    });
    const malformed = await cli(['scan', 'tests/fixtures/har/malformed-entries.har']);
    expect(malformed.code).toBe(0);
    expect(malformed.stdout).toContain('2 token sightings in 8 HAR entries.');
    expect(malformed.stdout).toContain('body is not valid base64');
  });
});
