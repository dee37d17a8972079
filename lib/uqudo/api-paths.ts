// Uqudo's API paths (Authorisation, Info, web SDK, JWKS): the one place that knows them by shape.

/** Path of Uqudo's Authorisation API token endpoint. */
export const TOKEN_ENDPOINT_PATH = '/api/oauth/token';

/** True for Uqudo's API paths (token endpoint, Info, web SDK, JWKS), on any host (the sandbox too). */
export function isUqudoApiPath(path: string): boolean {
  return (
    path === TOKEN_ENDPOINT_PATH ||
    path === '/api/v1/info' ||
    path.startsWith('/api/v1/info/') ||
    path.startsWith('/api/v2/') ||
    path === '/api/.well-known/jwks.json'
  );
}
