// Which JSON prefix reader extraction uses: the WebAssembly one once loaded, readJsonPrefix until then.
import { readJsonPrefix, type PrefixReader } from './json-prefix';

let wasmReader: PrefixReader | undefined;
let loading: Promise<boolean> | undefined;

/** The reader extractSightings uses now (both answer the same; the wasm one is faster on big bodies). */
export function currentPrefixReader(): PrefixReader {
  return wasmReader ?? readJsonPrefix;
}

/**
 * Compiles the WebAssembly reader once (later calls share the first's promise): true when it is
 * in use from now on, false when this environment cannot run it (a CSP without
 * 'wasm-unsafe-eval', an engine without SIMD): extraction then stays in JavaScript.
 */
export function loadJsonPrefixWasm(): Promise<boolean> {
  // The module and its reader are a chunk of their own, loaded after the panel's first render.
  loading ??= import('./json-prefix-wasm')
    .then((wasm) => wasm.compileWasmPrefixReader())
    .then(
      (reader) => {
        wasmReader = reader;
        return true;
      },
      () => false,
    );
  return loading;
}
