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
    // Host access is asked for one origin at a time from a click (JWKS URL, replay API base).
    ...(manifestVersion === 3
      ? { optional_host_permissions: OPTIONAL_HOSTS }
      : { optional_permissions: OPTIONAL_HOSTS }),
  }),
});
