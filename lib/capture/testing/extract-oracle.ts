// The reference extraction for JSON response bodies (parse, walk, raw leftovers): what extractSightings did before reading paths from offsets.
import { findTokens, findTokensInJson } from '../../jose/find';

/** A response-body sighting as the tests compare them: token and, when attributed, its JSON path. */
export interface BodySighting {
  path?: string;
  token: string;
}

/**
 * The response-body sightings the parse-and-walk extraction reports for a JSON body: the tokens in
 * every string value of JSON.parse(body) by path, in document order, then the raw tokens the walk
 * did not report, without a path; raw tokens only when the body does not parse. The same token at
 * the same path is reported once.
 */
export function oracleResponseBody(body: string): BodySighting[] {
  if (!body.includes('eyJ')) return [];
  const raw = findTokens(body).map((found): BodySighting => ({ token: found.token }));
  let found = raw;
  let value: unknown;
  let parsed = true;
  try {
    value = JSON.parse(body);
  } catch {
    parsed = false;
  }
  if (parsed) {
    const structured = findTokensInJson(value).map(({ path, token }): BodySighting => ({
      path,
      token,
    }));
    const attributed = new Set(structured.map((hit) => hit.token));
    found = [...structured, ...raw.filter((hit) => !attributed.has(hit.token))];
  }
  const seen = new Set<string>();
  return found.filter((hit) => {
    const key = `${hit.path ?? ''}\u0000${hit.token}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
