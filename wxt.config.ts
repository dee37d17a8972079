// WXT build configuration for the Uqudo Inspector extension.
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

const OPTIONAL_HOSTS = ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'];

export default defineConfig({
  imports: false,
  webExt: { disabled: true },
  vite: () => ({
    plugins: [preact()],
    // Terser after the usual minify saves ~2 KB gzip in the panel's first load (two compress passes).
    build: { minify: 'terser', terserOptions: { module: true, compress: { passes: 2 } } },
  }),
  manifest: ({ manifestVersion }) => ({
    name: 'Uqudo Inspector',
    description:
      'Capture, verify and explain Uqudo SDK results (JWS/JWE) in DevTools; replay Uqudo Info API calls.',
    permissions: ['storage'],
    // 'wasm-unsafe-eval' lets the panel compile its own packaged WebAssembly (the JSON body reader,
    // lib/capture/json-prefix-wasm.ts); scripts still come only from the extension itself.
    content_security_policy:
      manifestVersion === 3
        ? { extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';" }
        : "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';",
    // Host access is asked for one origin at a time from a click (JWKS URL, replay API base).
    ...(manifestVersion === 3
      ? { optional_host_permissions: OPTIONAL_HOSTS }
      : { optional_permissions: OPTIONAL_HOSTS }),
  }),
});
