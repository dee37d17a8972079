// Tests that the WebAssembly JSON prefix reader answers exactly as readJsonPrefix on any text and probes.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { propertyParameters } from '../../tests/fast-check';
import { findTokens } from '../jose/find';
import { readJsonPrefix, type PrefixReader, type PrefixReading } from './json-prefix';
import { createWasmPrefixReader } from './json-prefix-wasm';
import { JSON_PREFIX_WASM } from './json-prefix-wasm-bytes';
import { applyChanges, change, doc, token } from './testing/json-arbitraries';

let wasm: PrefixReader;

beforeAll(async () => {
  const bytes = Uint8Array.from(atob(JSON_PREFIX_WASM), (char) => char.charCodeAt(0));
  // minLength 0: every text goes to the module, however short.
  wasm = createWasmPrefixReader(await WebAssembly.compile(bytes), 0);
});

/** A reading as plain data: the status and the records up to their end mark. */
function plain(reading: PrefixReading): { status: number; records: number[] } {
  const records: number[] = [];
  if (reading.status === 1) {
    for (let i = 0; reading.records[i] !== -1; i++) records.push(reading.records[i] as number);
  }
  return { status: reading.status, records };
}

function both(text: string, len: number, probes: number[]) {
  return { js: plain(readJsonPrefix(text, len, probes)), wasm: plain(wasm(text, len, probes)) };
}

/** Increasing offsets below len: positions picked at random, and the tokens' starts. */
function probesFrom(picks: readonly number[], starts: readonly number[], len: number): number[] {
  if (len === 0) return [];
  const all = [...picks.map((p) => p % len), ...starts.filter((s) => s < len)];
  return [...new Set(all)].sort((a, b) => a - b);
}

/** Both readers on `body` cut after 1 + cut % length characters, probed at picks and the tokens. */
function expectSameReading(body: string, cut: number, picks: readonly number[]): void {
  const len = body.length === 0 ? 0 : 1 + (cut % body.length);
  const starts = findTokens(body).map((f) => f.start);
  const { js, wasm: got } = both(body, len, probesFrom(picks, starts, len));
  expect(got).toEqual(js);
}

describe('the WebAssembly JSON prefix reader', () => {
  it('reads what readJsonPrefix reads, record for record, on hand-picked texts', () => {
    const t = token(1);
    const texts = [
      `{"a":[1,{"b":"x ${t}"}],"c":"q"}`,
      `{"a":"${t}","a":"${t}"}`,
      `[${'"\\\\",'.repeat(40)}"${t}"]`,
      `{"k\\"ey":"${'\\u0041'.repeat(30)}${t}"}`,
      `${'['.repeat(1000)}"${t}"`,
      `${'['.repeat(1001)}"${t}"`,
      `{"a":"${t}\n"}`,
      `{"a" 1}`,
      `[1 2,"${t}"]`,
      `[]"${t}"`,
      `{x:"${t}"}`,
      `"${t}`,
      `"${t}\\`,
      `"${t}\\u00`,
      ` \t\r\n[ "${t}" ]`,
      `{"a":${'-'.repeat(200)},"b":"${t}"}`,
    ];
    for (const text of texts) {
      const probes = findTokens(text).map((f) => f.start);
      const { js, wasm: got } = both(text, text.length, probes);
      expect(got, text.slice(0, 60)).toEqual(js);
    }
  });

  it('answers as readJsonPrefix on generated, escaped, cut and broken JSON with any probes (property)', () => {
    fc.assert(
      fc.property(
        doc,
        fc.array(change, { maxLength: 4 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.nat(),
        fc.constantFrom('', ' ', '\n  ', 'x'.repeat(61)),
        (text, changes, picks, cut, pad) => {
          // Padding moves every character across the module's 64-byte blocks.
          const body = pad + applyChanges(text, changes).replaceAll(',', `,${pad}`);
          expectSameReading(body, cut, picks);
        },
      ),
      propertyParameters(),
    );
    // 10,000 CPU-bound runs: a machine shared with other work needs more than the default 20 s.
  }, 60_000);

  it('reads text with other than ASCII characters itself (as UTF-8), with readJsonPrefix’s answer', () => {
    const t = token(2);
    const texts = [
      `{"name":"\u0645\u062d\u0645\u062f","t":"${t}"}`,
      `{"\u0627\u0633\u0645":{"😀":["é","${t}"]},"x":"${t}"}`,
      `["\ud800",{"a\udc00":"${t}"}]`,
      `{"a":"${'محمد '.repeat(40)}${t}"}`,
      `{"a":محمد,"b":"${t}"}`,
      `{"a":"\u0001محمد","b":"${t}"}`,
    ];
    for (const text of texts) {
      const probes = findTokens(text).map((f) => f.start);
      const { js, wasm: got } = both(text, text.length, probes);
      expect(got, text.slice(0, 40)).toEqual(js);
      // The module's records are a view of its memory; readJsonPrefix's an array.
      expect(wasm(text, text.length, probes).records).toBeInstanceOf(Int32Array);
    }
  });

  it('answers as readJsonPrefix with other than ASCII characters anywhere, cut anywhere (property)', () => {
    fc.assert(
      fc.property(
        doc,
        fc.array(
          fc.tuple(
            fc.nat(),
            fc.constantFrom('é', 'محمد', '😀', '\ud800', '\udc00', '€ß', '\u0001'),
          ),
          { minLength: 1, maxLength: 4 },
        ),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.nat(),
        (text, inserts, picks, cut) => {
          let body = text;
          for (const [at, wide] of inserts) {
            const i = body.length === 0 ? 0 : at % (body.length + 1);
            body = body.slice(0, i) + wide + body.slice(i);
          }
          expectSameReading(body, cut, picks);
        },
      ),
      propertyParameters(),
    );
  }, 60_000);
});
