// Local mock of Uqudo's Authorisation and Info APIs plus the demo integration page, on 127.0.0.1 only.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadAssets } from './assets';
import {
  createAuth,
  DEMO_CREDENTIALS,
  SCAN_ONLY_CREDENTIALS,
  type ClientCredentials,
} from './auth';
import { createDemoBackend } from './backend';
import { createCorsPolicy, type CorsMode } from './cors';
import { BodyTooLargeError, sendError } from './http';
import {
  issueSession,
  parseSessionRequest,
  type CreatedSession,
  type SessionRequest,
} from './issue';
import { buildJwks, createSandboxKeys } from './keys';
import { createRouter } from './routes';
import { createSessionStore } from './sessions';

export { DEMO_CREDENTIALS } from './auth';

/** Options of startSandbox. */
export interface SandboxOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** PKCS#8 PEM or private RSA JWK file to sign with instead of a fresh key. */
  signingKeyPath?: string;
  /** Only loopback is supported. */
  host?: '127.0.0.1';
  /** Clock in ms (default Date.now); lets tests move time instead of sleeping. */
  now?: () => number;
  /** `lenient` (default): extension and loopback pages may read answers; `strict`: Uqudo's whitelist. */
  cors?: CorsMode;
}

/** A running sandbox. */
export interface Sandbox {
  url: string;
  port: number;
  credentials: ClientCredentials;
  scanOnlyCredentials: ClientCredentials;
  cors: CorsMode;
  close(): Promise<void>;
  createSession(body: SessionRequest | Record<string, unknown>): Promise<CreatedSession>;
}

/** Starts the sandbox on 127.0.0.1 and resolves once it listens. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const now = options.now ?? Date.now;
  const signingKeyText =
    options.signingKeyPath === undefined
      ? undefined
      : await readFile(options.signingKeyPath, 'utf8');
  const [keys, assets] = await Promise.all([createSandboxKeys(signingKeyText), loadAssets()]);
  const jwks = buildJwks(keys);
  const store = createSessionStore(now);
  let origin = '';
  const cors = createCorsPolicy(options.cors ?? 'lenient', () => origin);
  const createSession = (request: SessionRequest, sourceIp: string) =>
    issueSession({
      request,
      sourceIp,
      keys,
      store,
      origin,
      now,
      nfcPhotoBase64: assets.nfcPhotoBase64,
    });
  const auth = createAuth({ signing: keys.signing, jwks, origin: () => origin, now });
  const decryptionJwk = keys.encryption.privateJwk;
  const route = createRouter({
    auth,
    cors,
    backend: createDemoBackend({ auth, jwks, decryptionJwk, now }),
    store,
    assets,
    jwks,
    decryptionJwk,
    createSession,
  });

  const server = createServer((req, res) => {
    Promise.resolve(route(req, res)).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
      } else if (error instanceof BodyTooLargeError) {
        sendError(res, 413, 'payload_too_large', error.message, { Connection: 'close' });
      } else {
        sendError(res, 500, 'internal_error', 'the sandbox failed to handle this request');
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: origin,
    port,
    credentials: { ...DEMO_CREDENTIALS },
    scanOnlyCredentials: { ...SCAN_ONLY_CREDENTIALS },
    cors: cors.mode,
    close() {
      return new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
    createSession(body) {
      const parsed = parseSessionRequest(body);
      if (!parsed.ok) return Promise.reject(new Error(parsed.message));
      return createSession(parsed.request, '127.0.0.1');
    },
  };
}
