// InspectionView: the detail view of one Inspection — verdict, findings, claims, Uqudo summary, JSON trees.
import { useMemo } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { verdictOf } from '../lib/jose/inspect';
import { isRecord } from '../lib/guards';
import type { Inspection, SignatureStatus } from '../lib/jose/inspect';
import { toTokenKind, type TokenKind } from '../lib/uqudo/classify';
import { summarizeUqudoResult } from '../lib/uqudo/summary';
import type { ImageRef, UqudoSummary } from '../lib/uqudo/summary';
import { CopyButton } from './CopyButton';
import { JsonTree } from './JsonTree';
import { TimeClaims } from './TimeClaims';
import { UntrustedText } from './UntrustedText';
import { UqudoSummaryView } from './UqudoSummaryView';
import { InspectionChecksHead } from './InspectionChecksHead';
import { VerdictBadge } from './VerdictBadge';

const KIND_WORDS: Record<TokenKind, string> = {
  'uqudo-result': 'Uqudo result',
  'uqudo-access-token': 'Uqudo access token',
  jwt: 'JWT',
  unknown: 'unknown kind',
};

/** The panel's words for each signature state (never taken from the token). */
const SIGNATURE_WORDS: Record<SignatureStatus, string> = {
  valid: 'signature valid',
  invalid: 'signature invalid',
  unverified: 'signature not checked',
  unsupported: 'signature not checkable',
};

/** Nested tokens deeper than this are not rendered (the engine caps nesting too). */
const MAX_RENDER_NESTING = 4;

/** Which part of an inspection to show: everything, or one detail tab's share. */
type InspectionPart = 'all' | 'checks' | 'uqudo' | 'json';

/** Props of {@link InspectionView}. */
export interface InspectionViewProps {
  /**
   * `checks`: verdict, findings, time claims; `uqudo`: the summary; `json`: header and payload
   * trees; `all` (default): everything. A decrypted JWE shows the same part of its inner token.
   */
  part?: InspectionPart;
  inspection: Inspection;
  /**
   * The Uqudo summary of the (innermost) result payload, if the caller already computed it;
   * otherwise it is computed here from the payload when the token is a Uqudo result.
   */
  summary?: UqudoSummary;
  /** Current time in ms (from `useNow()`), for the live expiry countdown. */
  now: number;
  /** Slot for per-image actions (replay), passed to UqudoSummaryView. */
  renderImageActions?: (ref: ImageRef) => ComponentChildren;
}

function headerText(header: Record<string, unknown> | null, name: string): string | undefined {
  const value = header?.[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Everything about one inspected token; a decrypted JWE shows its inner token recursively. */
export function InspectionView(props: InspectionViewProps) {
  return <InspectionDetail {...props} depth={0} />;
}

function InspectionDetail({
  inspection,
  summary,
  now,
  renderImageActions,
  depth,
  part = 'all',
}: InspectionViewProps & { depth: number }) {
  const checks = part === 'all' || part === 'checks';
  const json = part === 'all' || part === 'json';
  const { format, header, payload, inner, kind } = inspection;
  const isJwe = format === 'jwe';
  // A decrypted JWE whose plaintext is a nested JWS keeps that JWS (a string) as its payload.
  const hasOwnContent = format !== 'invalid' && !inner && payload !== null && payload !== undefined;
  const showsSummary = hasOwnContent && kind === 'uqudo-result' && isRecord(payload);
  const computed = useMemo(
    () => (showsSummary && !summary ? summarizeUqudoResult(payload) : undefined),
    [showsSummary, summary, payload],
  );
  const shownSummary = showsSummary ? (summary ?? computed) : undefined;
  const decryptFailed = inspection.findings.some((finding) => finding.code === 'decrypt-failed');

  // The parent re-renders every second for the countdown; reusing these elements lets Preact skip
  // diffing the (possibly large) trees and summary when only `now` changed.
  const contentViews = useMemo(
    () =>
      hasOwnContent ? (
        <PayloadViews
          part={part}
          summary={shownSummary}
          signature={inspection.signature}
          renderImageActions={renderImageActions}
          isJwe={isJwe}
          header={header}
          payload={payload}
        />
      ) : null,
    [
      part,
      hasOwnContent,
      shownSummary,
      renderImageActions,
      isJwe,
      header,
      payload,
      inspection.signature,
    ],
  );

  return (
    <article class={`inspection inspection-${format}`} data-depth={depth} data-part={part}>
      {checks && (
        <InspectionChecksHead
          verdict={<VerdictBadge verdict={verdictOf(inspection)} />}
          signature={format === 'jws' && <SignatureState status={inspection.signature} />}
          meta={<InspectionMeta inspection={inspection} />}
          findings={inspection.findings}
        />
      )}

      {json && isJwe && header && <HeaderTree header={header} label="Protected header" />}

      {checks && isJwe && !inner && !hasOwnContent && <JweStatus decryptFailed={decryptFailed} />}

      {hasOwnContent && (
        <>
          {checks && isRecord(payload) && <TimeClaimsSection payload={payload} now={now} />}
          {contentViews}
        </>
      )}

      {json && format === 'invalid' && header && (
        <HeaderTree header={header} label="Header (as decoded)" />
      )}

      {inner && (
        <InnerToken
          part={part}
          inspection={inspection}
          inner={inner}
          summary={summary}
          now={now}
          renderImageActions={renderImageActions}
          depth={depth}
        />
      )}
    </article>
  );
}

/** A header as a JSON tree in its own section (a JWE's protected header, a malformed token's). */
function HeaderTree({ header, label }: { header: Record<string, unknown>; label: string }) {
  return (
    <section
      class="inspection-section"
      aria-label={label === 'Protected header' ? 'Protected header' : 'Header'}
    >
      <JsonTree value={header} label={label} />
    </section>
  );
}

/** The payload's time claims with live relative times. */
function TimeClaimsSection({ payload, now }: { payload: Record<string, unknown>; now: number }) {
  return (
    <section class="inspection-section" aria-label="Time claims">
      <h3 class="section-title">Time claims</h3>
      <TimeClaims payload={payload} now={now} />
    </section>
  );
}

/** Why a JWE shows no content: not decrypted yet, or decryption failed. */
function JweStatus({ decryptFailed }: { decryptFailed: boolean }) {
  return (
    <p class={`jwe-status level-${decryptFailed ? 'bad' : 'info'}`}>
      {decryptFailed
        ? 'Could not decrypt with the configured private key — see the findings above.'
        : 'encrypted — add a private key in Settings to decrypt'}
    </p>
  );
}

/** The summary, header and payload trees of a token with content of its own. */
function PayloadViews({
  part,
  summary: shownSummary,
  signature,
  renderImageActions,
  isJwe,
  header,
  payload,
}: {
  part: InspectionPart;
  summary?: UqudoSummary;
  signature: SignatureStatus;
  renderImageActions?: (ref: ImageRef) => ComponentChildren;
  isJwe: boolean;
  header: Record<string, unknown> | null;
  payload: unknown;
}) {
  const json = part === 'all' || part === 'json';
  return (
    <>
      {shownSummary && (part === 'all' || part === 'uqudo') && (
        <ResultSummary
          summary={shownSummary}
          signature={signature}
          renderImageActions={renderImageActions}
        />
      )}
      {json && !isJwe && header && (
        <section class="inspection-section" aria-label="Header">
          <JsonTree value={header} label="Header" />
        </section>
      )}
      {json && (
        <section class="inspection-section" aria-label={isJwe ? 'Decrypted payload' : 'Payload'}>
          <JsonTree
            value={payload}
            label={isJwe ? 'Decrypted payload' : 'Payload'}
            defaultExpandDepth={2}
          />
        </section>
      )}
    </>
  );
}

/**
 * The Uqudo summary of a result. It describes the payload, and only a valid signature says who
 * wrote it: otherwise it sits under a banner and (by CSS) loses its green.
 */
function ResultSummary({
  summary,
  signature,
  renderImageActions,
}: {
  summary: UqudoSummary;
  signature: SignatureStatus;
  renderImageActions?: (ref: ImageRef) => ComponentChildren;
}) {
  const view = <UqudoSummaryView summary={summary} renderImageActions={renderImageActions} />;
  return (
    <section class="inspection-section" aria-label="Uqudo result">
      <h3 class="section-title">Uqudo result</h3>
      {signature === 'valid' ? (
        view
      ) : (
        <div class="summary-unverified" data-testid="summary-unverified">
          <p class="summary-unverified-banner" role="note">
            content not verified — may be forged (signature {signature})
          </p>
          {view}
        </div>
      )}
    </section>
  );
}

/** The decrypted nested token of a JWE, inspected recursively (up to a depth). */
function InnerToken({
  part,
  inspection,
  inner,
  summary,
  now,
  renderImageActions,
  depth,
}: InspectionViewProps & { inner: Inspection; depth: number }) {
  const { payload } = inspection;
  const nested = (
    <InspectionDetail
      part={part}
      inspection={inner}
      summary={summary}
      now={now}
      renderImageActions={renderImageActions}
      depth={depth + 1}
    />
  );
  // The Uqudo tab shows the result's summary alone, without the envelope's headings.
  if (part === 'uqudo') return depth + 1 < MAX_RENDER_NESTING ? nested : null;
  return (
    <section class="inspection-section inspection-inner" aria-label="Decrypted content">
      <h3 class="section-title">
        Decrypted content: a nested {inner.format === 'jws' ? 'JWS' : 'token'}{' '}
        {typeof payload === 'string' && (
          <CopyButton text={payload} label="Copy inner token" title="Copy the nested token" />
        )}
      </h3>
      {depth + 1 < MAX_RENDER_NESTING ? (
        nested
      ) : (
        <p class="level-warn">Nested too deeply to show.</p>
      )}
    </section>
  );
}

/** The signature state in the panel's own words and styling, from the inspection only. */
function SignatureState({ status }: { status: SignatureStatus }) {
  const level = status === 'valid' ? 'good' : status === 'invalid' ? 'bad' : 'warn';
  return (
    <span class={`signature-state level-${level}`} data-signature={status}>
      {SIGNATURE_WORDS[status]}
    </span>
  );
}

/** Format and kind in the panel's words; alg, enc and kid from the header shown as data. */
function InspectionMeta({ inspection }: { inspection: Inspection }) {
  const { format, header, kind } = inspection;
  const values = (['alg', 'enc', 'kid'] as const).flatMap((name) => {
    const value = headerText(header, name);
    return value === undefined ? [] : [[name, value] as const];
  });
  return (
    <span class="inspection-meta">
      {format === 'invalid'
        ? 'not a token'
        : `${format.toUpperCase()} · ${KIND_WORDS[toTokenKind(kind)]}`}
      {values.map(([name, value]) => (
        <span key={name} class="inspection-meta-item">
          {' · '}
          {name} <UntrustedText text={value} />
        </span>
      ))}
    </span>
  );
}
