// WXT build configuration for the Uqudo Inspector extension.
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  webExt: { disabled: true },
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: {
    name: 'Uqudo Inspector',
    description:
      'Capture, verify and explain Uqudo SDK results (JWS/JWE) in DevTools; replay Uqudo Info API calls.',
    permissions: ['storage'],
    optional_host_permissions: ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'],
  },
});
