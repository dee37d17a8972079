// The reference extraction for JSON response bodies: the recursive-descent paths, the raw leftovers, parse and walk for deep nesting.
import { findTokens, findTokensInJson } from '../../jose/find';
import { oracleJsonPaths } from './prefix-oracle';

/** A response-body sighting as the tests compare them: token and, when attributed, its JSON path. */
export interface BodySighting {
  path?: string;
  token: string;
}

/** JSON.parse and a walk of every string value, or undefined when the body does not parse. */
function parseAndWalk(body: string): BodySighting[] | undefined {
  try {
    return findTokensInJson(JSON.parse(body)).map(({ path, token }) => ({ path, token }));
  } catch {
    return undefined;
  }
}

/**
 * The response-body sightings expected of a JSON body: the tokens in its string values by path
 * (oracleJsonPaths; JSON.parse and a walk when it nests too deep), in document order, then the raw
 * tokens not reported that way, without a path; raw tokens only when the body does not read as
 * JSON up to its last token; nothing for a body without `eyJ` (extractSightings' prefilter). The
 * same token at the same path is reported once.
 */
export function oracleResponseBody(body: string): BodySighting[] {
  if (!body.includes('eyJ')) return [];
  const hits = findTokens(body);
  const raw = hits.map((found): BodySighting => ({ token: found.token }));
  const answer = oracleJsonPaths(body, hits);
  const structured =
    answer === 'not-json'
      ? undefined
      : answer === 'unsupported'
        ? parseAndWalk(body)
        : answer.tokens;
  let found = raw;
  if (structured) {
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
