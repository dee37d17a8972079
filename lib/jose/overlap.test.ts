// The signature check overlaps the rest of the inspection: jose has called WebCrypto before the payload is named and its claims checked.
import { afterEach, beforeAll, expect, it, vi } from 'vitest';
import { inspectToken } from './inspect';
import { createStaticKeyResolver, parseKeys, type KeyResolver } from './keys';
import { buildJwks, generateTestKeys, mintToken, type TestKeys } from './testing/tokens';

let keys: TestKeys;
let resolver: KeyResolver;

beforeAll(async () => {
  keys = await generateTestKeys();
  const parsed = await parseKeys(buildJwks(keys.rsa, keys.ec), 'jwks.json');
  if (!parsed.ok) throw new Error(parsed.error);
  resolver = createStaticKeyResolver(parsed.keys);
});

afterEach(() => {
  vi.restoreAllMocks();
});

it.each([
  ['RS256', () => keys.rsa],
  ['ES256', () => keys.ec],
])('%s: WebCrypto is verifying while the payload is classified', async (_alg, pair) => {
  const token = await mintToken({ sub: 'x' }, { key: pair() });
  // Once for the key import cache, so the measured call is the steady state.
  await inspectToken(token, { keys: resolver });
  const verify = vi.spyOn(crypto.subtle, 'verify');
  let verifiesWhenClassified = -1;
  const result = await inspectToken(token, {
    keys: resolver,
    profile: {
      classify: () => {
        verifiesWhenClassified = verify.mock.calls.length;
        return 'jwt';
      },
    },
  });
  expect(result.signature).toBe('valid');
  expect(verify).toHaveBeenCalledTimes(1);
  expect(verifiesWhenClassified).toBe(1);
});

it('classifies a token once, also when it is verified with a second candidate key', async () => {
  // No kid: both RSA-capable keys are candidates; the first (rsa) fails for a token of rsaOther.
  const other = await parseKeys(buildJwks(keys.rsa, keys.rsaOther), 'jwks.json');
  if (!other.ok) throw new Error(other.error);
  const token = await mintToken({ sub: 'x' }, { key: keys.rsaOther, kid: null });
  const classify = vi.fn(() => 'jwt');
  const result = await inspectToken(token, {
    keys: createStaticKeyResolver(other.keys),
    profile: { classify },
  });
  expect(result.signature).toBe('valid');
  expect(classify).toHaveBeenCalledTimes(1);
});
