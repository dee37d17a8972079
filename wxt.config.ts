// WXT build configuration for the Uqudo Inspector extension.
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

const OPTIONAL_HOSTS = ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'];

export default defineConfig({
  imports: false,
  webExt: { disabled: true },
  vite: () => ({
    plugins: [preact()],
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
