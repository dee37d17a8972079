// Tests that the committed WebAssembly bytes are what scripts/build-json-prefix-wasm.mjs builds from its text.
import { describe, expect, it } from 'vitest';
import { JSON_PREFIX_WASM } from '../lib/capture/json-prefix-wasm-bytes';
import { buildJsonPrefixWasm, bytesModule } from './build-json-prefix-wasm.mjs';

describe('the JSON prefix reader module', () => {
  it('is built from the generator as committed (run `npm run build:wasm` after changing it)', async () => {
    const bytes = await buildJsonPrefixWasm();
    expect(Buffer.from(bytes).toString('base64')).toBe(JSON_PREFIX_WASM);
    expect(bytesModule(bytes)).toContain(JSON_PREFIX_WASM);
  });

  it('compiles, and exports its memory, scratchBytes and scan', async () => {
    const module = await WebAssembly.compile(Buffer.from(JSON_PREFIX_WASM, 'base64'));
    expect(
      WebAssembly.Module.exports(module)
        .map((e) => e.name)
        .sort(),
    ).toEqual(['memory', 'scan', 'scratchBytes']);
  });
});
