// The hostile corpus through the CLI (in-process runner): verdict, findings and exit status per case, --strict, linear output, scan isolation.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildHar, buildHarEntry } from '../../tests/fixtures/har/build';
import { verdictOf, type Inspection } from '../jose/inspect';
import {
  HOSTILE_CASE_NAMES,
  buildHostileCorpus,
  type HostileCase,
  type HostileCorpus,
} from '../jose/testing/hostile';
import { runCli, type CliIo } from './run';

let corpus: HostileCorpus;

beforeAll(async () => {
  corpus = await buildHostileCorpus();
}, 60_000);

/** Runs the CLI in-process with the case's key files (keys.json, decrypt.jwk) and any extra files. */
async function cli(argv: string[], hostile: HostileCase, extraFiles: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const files: Record<string, string> = {
    'keys.json': hostile.keys.keys,
    'decrypt.jwk': hostile.keys.decryptKey,
    ...extraFiles,
  };
  const io: CliIo = {
    writeStdout: (text) => (stdout += text),
    writeStderr: (text) => (stderr += text),
    readStdin: () => Promise.resolve(''),
    readTextFile: async (file) => {
      const text = files[file];
      if (text === undefined) throw new Error(`ENOENT: ${file}`);
      return text;
    },
    stdinIsTTY: false,
    color: false,
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

const KEY_ARGS = ['--keys', 'keys.json', '--decrypt-key', 'decrypt.jwk'];

function allCodes(inspection: Inspection): string[] {
  const codes: string[] = [];
  for (let current: Inspection | undefined = inspection; current; current = current.inner)
    codes.push(...current.findings.map((finding) => finding.code));
  return codes;
}

/** Cases whose key file holds a key the hygiene rules refuse on reading, and that key's kid. */
const REFUSED_ON_READ: Record<string, string> = {
  'jwk key_ops ["encrypt"] is not used to verify': 'encrypt-only',
  'jwk use "enc" is not used to verify': 'use-enc',
  'RSA public exponent 1 (any signature verifies) is refused': 'exponent-one',
  'RSA public exponent even is refused': 'even-exponent',
  'RSA 1024-bit key is refused': 'rsa-1024',
};

function caseNamed(name: string): HostileCase {
  const found = corpus.cases.find((hostile) => hostile.name === name);
  if (!found) throw new Error(`no hostile case "${name}"`);
  return found;
}

describe('hostile corpus through `inspect`', () => {
  it.each(HOSTILE_CASE_NAMES)('%s', async (name) => {
    const hostile = caseNamed(name);
    const result = await cli(['inspect', ...KEY_ARGS, '--json', hostile.token], hostile);
    expect(result.code).toBe(hostile.exit);
    if (hostile.exit === 2) {
      // An unusable key file: said on stderr, nothing on stdout.
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(
        /^error: no usable (decryption )?key in "(keys\.json|decrypt\.jwk)"/,
      );
      return;
    }
    const inspection = JSON.parse(result.stdout) as Inspection;
    expect(verdictOf(inspection)).toBe(hostile.verdict);
    if (REFUSED_ON_READ[name]) {
      // A key refused while reading the key file is said on stderr, the run goes on.
      expect(result.stderr).toContain(
        `warning: "keys.json": key "${REFUSED_ON_READ[name]}": refused`,
      );
    }
    expect(allCodes(inspection)).toEqual(expect.arrayContaining(hostile.codes));
  });

  it('--strict exits 1 for every case that is not valid and 0 for the valid ones', async () => {
    for (const hostile of corpus.cases.filter((c) => c.exit !== 2)) {
      const result = await cli(['inspect', ...KEY_ARGS, '--strict', hostile.token], hostile);
      expect({ name: hostile.name, code: result.code }).toEqual({
        name: hostile.name,
        code: hostile.verdict === 'valid' ? 0 : 1,
      });
    }
  });
});

describe('output stays linear in the input', () => {
  it.each([
    ['nested arrays, 45 KB token', 4],
    ['nested arrays, 21 KB token', 4],
    ['nested arrays, 100,000 levels', 4],
  ])('%s: --json and the readable report within %i× the token', async (name, factor) => {
    const hostile = caseNamed(name);
    const json = await cli(['inspect', ...KEY_ARGS, '--json', hostile.token], hostile);
    const readable = await cli(['inspect', ...KEY_ARGS, hostile.token], hostile);
    expect(json.code).toBe(0);
    expect(readable.code).toBe(0);
    expect(json.stdout.length).toBeLessThan(factor * hostile.token.length);
    expect(readable.stdout.length).toBeLessThan(factor * hostile.token.length);
    expect(readable.stdout).toMatch(/^Verdict: signature valid/);
  });
});

describe('hostile corpus through `scan`', () => {
  it('keeps every result of a HAR: no token takes another one down', async () => {
    const valid = await corpus.mintValid();
    const main = corpus.cases.filter((c) => c.keys.name === 'main');
    const entries = main.flatMap((hostile, index) => [
      buildHarEntry({
        url: `https://app.test/hostile/${index}`,
        method: 'POST',
        requestBody: { mimeType: 'application/jwt', text: hostile.token },
      }),
      buildHarEntry({
        url: `https://app.test/valid/${index}`,
        method: 'POST',
        requestBody: { mimeType: 'application/jwt', text: valid },
      }),
    ]);
    const har = JSON.stringify(buildHar(entries));
    const result = await cli(['scan', 'flow.har', ...KEY_ARGS, '--json'], corpus.cases[0]!, {
      'flow.har': har,
      'keys.json': corpus.mainKeys.keys,
      'decrypt.jwk': corpus.mainKeys.decryptKey,
    });
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.stdout) as { url: string; inspection: Inspection }[];
    const validRows = rows.filter((row) => row.url.includes('/valid/'));
    expect(validRows).toHaveLength(main.length);
    expect(validRows.every((row) => verdictOf(row.inspection) === 'valid')).toBe(true);
    // Every hostile token the finder sees in a body is reported, with the verdict `inspect` gives.
    for (const [index, hostile] of main.entries()) {
      const row = rows.find((r) => r.url === `https://app.test/hostile/${index}`);
      if (row)
        expect({ name: hostile.name, verdict: verdictOf(row.inspection) }).toEqual({
          name: hostile.name,
          verdict: hostile.verdict,
        });
    }
    expect(rows.filter((r) => r.url.includes('/hostile/')).length).toBeGreaterThan(main.length - 6);

    const strict = await cli(['scan', 'flow.har', ...KEY_ARGS, '--strict'], corpus.cases[0]!, {
      'flow.har': har,
      'keys.json': corpus.mainKeys.keys,
      'decrypt.jwk': corpus.mainKeys.decryptKey,
    });
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/^strict: \d+ of \d+ token sightings are not "valid"/);
  });

  it('--strict passes a HAR whose tokens are all valid and fails one with none', async () => {
    const valid = await corpus.mintValid();
    const files = {
      'ok.har': JSON.stringify(
        buildHar([
          buildHarEntry({
            url: 'https://app.test/ok',
            method: 'POST',
            requestBody: { mimeType: 'application/jwt', text: valid },
          }),
        ]),
      ),
      'none.har': JSON.stringify(buildHar([buildHarEntry({ url: 'https://app.test/none' })])),
      'keys.json': corpus.mainKeys.keys,
    };
    const hostile = corpus.cases[0]!;
    expect(
      (await cli(['scan', 'ok.har', '--keys', 'keys.json', '--strict'], hostile, files)).code,
    ).toBe(0);
    expect((await cli(['scan', 'ok.har', '--strict'], hostile, files)).code).toBe(1);
    const none = await cli(['scan', 'none.har', '--strict'], hostile, files);
    expect(none.code).toBe(1);
    expect(none.stderr).toBe('strict: no token found in the HAR\n');
    expect((await cli(['scan', 'none.har'], hostile, files)).code).toBe(0);
  });
});
