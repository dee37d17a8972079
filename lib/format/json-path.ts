// JSON paths as the panel and CLI print them: `$.data.jwsResult`, `$.items[0]`, `$["odd key"]`.

/** The path of the document itself. */
export const ROOT_PATH = '$';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** The JSON path of `key` below `parent`: `.key` for identifiers, `["key"]` (JSON-quoted) otherwise. */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return IDENTIFIER.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}
