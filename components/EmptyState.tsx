// EmptyState: what to do when there is nothing to list (no captures yet, or the filter hides all).
export interface EmptyStateProps {
  /** True when captures exist but the filter hides them all. */
  filtered: boolean;
  onClearFilter?: () => void;
}

/** Explains why the list is empty and what to do about it. */
export function EmptyState({ filtered, onClearFilter }: EmptyStateProps) {
  if (filtered) {
    return (
      <div class="empty-state">
        <p>No captured token matches the filter.</p>
        {onClearFilter && (
          <button type="button" onClick={onClearFilter}>
            Clear filter
          </button>
        )}
      </div>
    );
  }
  return (
    <div class="empty-state">
      <h2>No tokens captured yet</h2>
      <p>
        The panel checks the traffic of the inspected page while DevTools is open: JWS and JWE
        tokens in request and response headers, bodies and URLs show up here.
      </p>
      <p>
        Requests made before DevTools was opened are not recorded. <strong>Reload the page</strong>{' '}
        (with DevTools open) to capture them, or run the flow again.
      </p>
      <p class="muted">
        You can also paste a token (e.g. from mobile logs) or import a HAR file — drop it anywhere
        on this panel.
      </p>
    </div>
  );
}
