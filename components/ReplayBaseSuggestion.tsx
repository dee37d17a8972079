// ReplayBaseSuggestion: the API base the selected result suggests (its iss, or its request), applied only on a click.
import { selectOrigin } from '../lib/replay/api-base';
import type { ReplayActions, ReplayState } from '../lib/replay/slice';
import type { OriginSuggestion } from '../lib/replay/suggest';
import { describeBaseSuggestion } from '../lib/replay/suggest-text';

/** Props of {@link ReplayBaseSuggestion}. */
export interface ReplayBaseSuggestionProps {
  suggestion: OriginSuggestion | undefined;
  replay: ReplayState;
  actions: ReplayActions;
}

/** The suggestion and "Use it"; nothing when there is none or it is already the selected base. */
export function ReplayBaseSuggestion({ suggestion, replay, actions }: ReplayBaseSuggestionProps) {
  if (!suggestion || suggestion.origin === replay.apiOrigin) return null;
  return (
    <p class="replay-suggestion level-info" data-testid="replay-base-suggestion">
      <span>{describeBaseSuggestion(suggestion)}</span>{' '}
      <button
        type="button"
        data-testid="replay-base-suggestion-use"
        onClick={() =>
          actions.selectApiBase(selectOrigin(suggestion.origin, replay.apiBase.custom))
        }
      >
        Use {suggestion.origin}
      </button>
    </p>
  );
}
