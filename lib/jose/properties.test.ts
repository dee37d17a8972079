// Property tests (fast-check): the finder and inspectToken never throw, and every token embedded in random JSON is found.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { findTokens, findTokensInJson } from './find';
import { inspectToken } from './inspect';
import { encryptToken, generateTestKeyPair, mintToken, mintUnsignedToken } from './testing/tokens';

let tokens: Array<{ token: string; format: 'jws' | 'jwe' }> = [];

beforeAll(async () => {
  const ec = await generateTestKeyPair('ES256', 'prop');
  const ed = await generateTestKeyPair('Ed25519', 'prop-ed');
  const enc = await generateTestKeyPair('ECDH-ES', 'prop-enc');
  tokens = [
    { token: await mintToken({ sub: 'a', data: { nonce: 'n' } }, { key: ec }), format: 'jws' },
    { token: await mintToken('text payload', { key: ed }), format: 'jws' },
    { token: mintUnsignedToken({ sub: 'none' }), format: 'jws' },
    {
      token: await encryptToken('secret', { key: enc, alg: 'ECDH-ES', enc: 'A128GCM' }),
      format: 'jwe',
    },
  ];
});

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const renderStep = (step: string | number) =>
  typeof step === 'number'
    ? `[${step}]`
    : IDENTIFIER.test(step)
      ? `.${step}`
      : `[${JSON.stringify(step)}]`;

/** Random JSON noise (no tokens can arise from it: no string is a 3- or 5-segment JWS/JWE). */
const noise = fc.jsonValue({ maxDepth: 2 });
/** Path steps: object keys or array positions. */
const pathArb = fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.nat({ max: 3 })), {
  maxLength: 6,
});
/** Text around the token in the same string, separated from it by a space. */
const wrapArb = fc.tuple(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 }));

function embed(
  token: string,
  steps: Array<string | number>,
  [before, after]: [string, string],
  fillers: unknown[],
): unknown {
  let value: unknown = `${before} ${token} ${after}`;
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = steps[i] as string | number;
    const filler = fillers[i % Math.max(fillers.length, 1)] ?? null;
    if (typeof step === 'number') {
      const array: unknown[] = Array.from({ length: step }, () => filler);
      array.push(value);
      value = array;
    } else {
      // Insert the noise first so the token's key stays the one we wrote.
      value = { ...(step === 'noise' ? {} : { noise: filler }), [step]: value };
    }
  }
  return value;
}

describe('properties', () => {
  it('findTokens never throws and returns consistent offsets on arbitrary strings', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc.stringMatching(/^[A-Za-z0-9_.-]*$/),
        ),
        (text) => {
          for (const hit of findTokens(text)) {
            expect(text.slice(hit.start, hit.end)).toBe(hit.token);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('inspectToken never throws and never hits its internal-error safety net', async () => {
    const mutated = fc
      .tuple(fc.nat(), fc.nat(), fc.string({ minLength: 1, maxLength: 3 }))
      .map(([which, at, insert]) => {
        const { token } = tokens[which % tokens.length] as { token: string };
        const position = at % token.length;
        return token.slice(0, position) + insert + token.slice(position + 1);
      });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string(), fc.stringMatching(/^[A-Za-z0-9_.-]*$/), mutated),
        async (text) => {
          const result = await inspectToken(text);
          expect(['jws', 'jwe', 'invalid']).toContain(result.format);
          expect(result.findings.map((f) => f.code)).not.toContain('internal-error');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finds every token embedded in random JSON, in the text and in the parsed value', () => {
    fc.assert(
      fc.property(
        fc.nat(),
        pathArb,
        wrapArb,
        fc.array(noise, { maxLength: 3 }),
        (which, steps, wrap, fillers) => {
          const { token, format } = tokens[which % tokens.length] as {
            token: string;
            format: 'jws' | 'jwe';
          };
          const value = embed(token, steps, wrap, fillers);
          const text = JSON.stringify(value);
          expect(findTokens(text).map((t) => t.token)).toContain(token);
          const expectedPath = `$${steps.map(renderStep).join('')}`;
          expect(findTokensInJson(value)).toContainEqual({ path: expectedPath, token, format });
          expect(findTokensInJson(JSON.parse(text))).toContainEqual({
            path: expectedPath,
            token,
            format,
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
