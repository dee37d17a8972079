// ReplayResultView: one replay — status, duration, explanation, headers, body, Copy as cURL, Cancel while pending.
import { formatElapsedMs } from '../lib/format/duration';
import { readOrigin } from '../lib/permissions/origin-policy';
import { useState } from 'preact/hooks';
import { explainReplay, type Explanation } from '../lib/replay/explain';
import type { ReplayEntry } from '../lib/replay/slice';
import type { ReplayResponse } from '../lib/replay/send';
import { formatBytes } from '../lib/uqudo/summary';
import { CopyButton } from './CopyButton';
import { ReplayCurlFooter } from './ReplayCurlFooter';
import { ExplanationBasisNote } from './ExplanationBasisNote';
import { VisibleText } from './UntrustedText';

/** Characters of a body shown at once; the rest is behind "Show all" (and always in Copy body). */
const SHOWN_BODY_CHARS = 20_000;

/** Props of {@link ReplayResultView}. */
export interface ReplayResultViewProps {
  entry: ReplayEntry;
  /** The access token, used only when the user ticks "include token" for Copy as cURL. */
  token: string;
  /** The origin the token is bound to: it is never written into a command for another origin. */
  tokenOrigin: string | undefined;
  /** Current time in ms, for the elapsed time of a pending request. */
  now: number;
  onCancel: (replayId: string) => void;
}

/** Everything about one replay. */
export function ReplayResultView({
  entry,
  token,
  tokenOrigin,
  now,
  onCancel,
}: ReplayResultViewProps) {
  const { request, result } = entry;
  const origin = readOrigin(request.url);
  const isTokenRequest = request.purpose === 'token';
  const tokenUsable = token !== '' && tokenOrigin !== undefined && tokenOrigin === origin;

  const status = describeStatus(entry, now);
  const explanation = explanationOf(entry);
  const level = levelOf(entry);

  return (
    <article
      class={`replay-result level-${level}`}
      data-testid="replay-result"
      data-status={
        result?.kind === 'response' ? String(result.status) : (result?.kind ?? 'pending')
      }
      data-purpose={request.purpose}
    >
      <header class="replay-result-head">
        <span class="replay-result-label">{entry.label}</span>
        <span class="replay-result-status" data-testid="replay-status">
          {status}
        </span>
        {entry.status === 'pending' && (
          <button
            type="button"
            onClick={() => onCancel(entry.id)}
            data-testid="replay-cancel"
            title="Cancel this request"
          >
            Cancel
          </button>
        )}
      </header>
      <p class="replay-result-url">
        <code>
          {request.method} <VisibleText text={request.url} />
        </code>
      </p>
      {result?.kind === 'response' && (
        <p class="muted">
          {result.authorized ? 'Sent with the access token' : 'Sent without a token'} ·{' '}
          {formatElapsedMs(result.durationMs)} ·{' '}
          {result.contentType ? <VisibleText text={result.contentType} /> : 'no content type'} ·{' '}
          {formatBytes(result.bodySize)}
          {result.truncated ? ' (cut: too large)' : ''}
        </p>
      )}
      {explanation && (
        <div class="replay-explanation" data-testid="replay-explanation">
          <p>
            <strong>{explanation.title}</strong> — {explanation.detail}
          </p>
          <p class="replay-action">{explanation.action}</p>
          {explanation.basis && <ExplanationBasisNote basis={explanation.basis} />}
        </div>
      )}
      {result?.kind === 'refused' && (
        <p class="replay-explanation" data-testid="replay-explanation">
          <strong>Not sent.</strong> {result.reason}
        </p>
      )}
      {entry.captured && (
        <p class="muted">The result was added to the list as a replay capture, with its checks.</p>
      )}
      {result?.kind === 'response' && <ResponseDetails response={result} />}
      <ReplayCurlFooter
        request={request}
        token={token}
        tokenUsable={tokenUsable}
        isTokenRequest={isTokenRequest}
      />
    </article>
  );
}

function describeStatus(entry: ReplayEntry, now: number): string {
  const { result } = entry;
  if (entry.status === 'pending' || !result) {
    const elapsed = Math.max(0, Math.floor((now - entry.startedAt) / 1000));
    return `Sending… ${elapsed} s (times out after ${Math.round(entry.timeoutMs / 1000)} s)`;
  }
  switch (result.kind) {
    case 'response':
      return `${result.status}${result.statusText ? ` ${result.statusText}` : ''} in ${formatElapsedMs(result.durationMs)}`;
    case 'timeout':
      return `Timed out after ${formatElapsedMs(result.durationMs)}`;
    case 'network-error':
      return `Failed after ${formatElapsedMs(result.durationMs)}`;
    case 'aborted':
      return `Cancelled after ${formatElapsedMs(result.durationMs)}`;
    case 'refused':
      return 'Not sent';
  }
}

function explanationOf(entry: ReplayEntry): Explanation | undefined {
  const { result } = entry;
  if (!result) return undefined;
  if (result.kind === 'response') {
    if (result.explanation) return result.explanation;
    // A 2xx DELETE deserves a word: Uqudo answers 204 even for ids it does not know.
    return entry.request.purpose === 'delete' ? explainReplay('delete', result.status) : undefined;
  }
  if (result.kind === 'network-error' || result.kind === 'timeout') return result.explanation;
  return undefined;
}

function levelOf(entry: ReplayEntry): 'good' | 'warn' | 'bad' | 'info' {
  const { result } = entry;
  if (!result) return 'info';
  if (result.kind === 'response') return result.ok ? 'good' : 'bad';
  return result.kind === 'aborted' ? 'warn' : 'bad';
}

/** The response's headers and body, untrusted text shown through VisibleText. */
function ResponseDetails({ response }: { response: ReplayResponse }) {
  const [showAll, setShowAll] = useState(false);
  return (
    <>
      <details class="replay-headers">
        <summary>Response headers ({response.headers.length})</summary>
        <dl>
          {response.headers.map((header, index) => (
            <div key={`${header.name}-${index}`}>
              <dt>
                <VisibleText text={header.name} />
              </dt>
              <dd>
                <VisibleText text={header.value} />
              </dd>
            </div>
          ))}
        </dl>
      </details>
      {typeof response.bodyText === 'string' && response.bodyText !== '' && (
        <details class="replay-body" open={!response.ok}>
          <summary>Body ({response.bodyText.length.toLocaleString()} characters)</summary>
          <CopyButton text={response.bodyText} label="Copy body" title="Copy the response body" />
          <pre>
            <VisibleText
              text={showAll ? response.bodyText : response.bodyText.slice(0, SHOWN_BODY_CHARS)}
              keepLayout
            />
          </pre>
          {!showAll && response.bodyText.length > SHOWN_BODY_CHARS && (
            <button type="button" class="link-button" onClick={() => setShowAll(true)}>
              Show all {response.bodyText.length.toLocaleString()} characters
            </button>
          )}
        </details>
      )}
    </>
  );
}
