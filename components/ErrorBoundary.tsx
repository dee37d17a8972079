// ErrorBoundary: shows a diagnostic with a "Reload panel" button instead of a blank panel.
import { Component, type ComponentChildren } from 'preact';

export interface ErrorBoundaryProps {
  children?: ComponentChildren;
  /** Reloads the panel (default: reload the panel document). */
  onReload?: () => void;
}

interface ErrorBoundaryState {
  error: Error | undefined;
}

/** Catches render errors below it and explains what happened. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: undefined };

  static override getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const reload = this.props.onReload ?? (() => location.reload());
    return (
      <div class="error-boundary" role="alert">
        <h2>The Uqudo panel ran into a problem</h2>
        <p>
          Something in the panel failed while showing the captured data. Captures are lost when the
          panel reloads; reload the inspected page afterwards to capture its traffic again.
        </p>
        <pre class="error-boundary-message">{`${error.name}: ${error.message}`}</pre>
        <button type="button" onClick={reload}>
          Reload panel
        </button>
      </div>
    );
  }
}
