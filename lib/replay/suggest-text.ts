// Wording of the replay suggestions: where a suggested API base or a captured token's origin comes from.
import type { OriginSuggestion } from './suggest';

/** Why an origin is suggested, and that it is an assumption where Uqudo does not document it. */
export function describeSuggestionSource(suggestion: OriginSuggestion): string {
  switch (suggestion.from) {
    case 'iss':
      return "from its iss — an assumption: Uqudo does not document that the Info API lives at the issuer's origin (seen for https://id.uqudo.io)";
    case 'request':
      return 'the origin of the request it was captured on';
    case 'token-endpoint':
      return "the API of the token endpoint that issued it (an assumption for hosts other than Uqudo's own)";
  }
}

/** The suggestion line shown above the API base field. */
export function describeBaseSuggestion(suggestion: OriginSuggestion): string {
  return `Suggested API base ${suggestion.origin} (${describeSuggestionSource(suggestion)}).`;
}

/** The "Use this access token" button's label. */
export function describeUseTokenLabel(origin: string): string {
  return `Use this access token for ${origin}`;
}
