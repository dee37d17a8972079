// SessionDetail: an expanded session — its id and client check, its timeline and its findings.
import { useLayoutEffect, useRef } from 'preact/hooks';
import { describeAudClient } from '../lib/session/detail-text';
import type { Session } from '../lib/store';
import { SessionFindingList } from './SessionFindingList';
import { SessionTimeline } from './SessionTimeline';
import { VisibleText } from './UntrustedText';

/** Props of {@link SessionDetail}. */
export interface SessionDetailProps {
  session: Session;
  selectedExchangeId: string | undefined;
  onSelectEntry: (exchangeId: string) => void;
  /** Reports the detail's rendered height (the virtualised list makes room for it). */
  onMeasure: (height: number) => void;
}

/** The detail below an expanded session row. */
export function SessionDetail({
  session,
  selectedExchangeId,
  onSelectEntry,
  onMeasure,
}: SessionDetailProps) {
  const element = useRef<HTMLDivElement>(null);
  const measure = useRef(onMeasure);
  measure.current = onMeasure;
  useLayoutEffect(() => {
    const node = element.current;
    if (!node) return;
    const report = () => measure.current(node.offsetHeight);
    report();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(report);
    observer.observe(node);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={element} class="session-detail" data-testid="session-detail">
      <div class="session-facts">
        <span>
          {session.face ? 'data.sessionId' : 'jti'} <VisibleText text={session.id} />
        </span>
        {session.nonce !== undefined && (
          <span>
            nonce <VisibleText text={session.nonce} />
          </span>
        )}
        <span>{describeAudClient(session.audClient)}</span>
      </div>
      <SessionTimeline
        timeline={session.timeline}
        selectedExchangeId={selectedExchangeId}
        onSelectEntry={onSelectEntry}
      />
      <SessionFindingList findings={session.findings} />
    </div>
  );
}
