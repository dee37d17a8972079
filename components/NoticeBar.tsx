// NoticeBar: messages above the list — import results, unreadable bodies, dropped captures — each dismissible.
import { useState } from 'preact/hooks';
import type { Notice, UnavailableBodies } from '../lib/store';

export interface NoticeBarProps {
  notices: readonly Notice[];
  unavailableBodies: UnavailableBodies | undefined;
  /** Captures dropped to stay within the memory caps. */
  dropped: number;
  onDismiss: (id: number) => void;
}

/**
 * The panel's notices; renders nothing when there is nothing to say. The unavailable-bodies and
 * dropped-captures notices are counts: dismissed, they stay hidden until the count grows.
 */
export function NoticeBar({ notices, unavailableBodies, dropped, onDismiss }: NoticeBarProps) {
  const [hidden, setHidden] = useState({ unavailable: 0, dropped: 0 });
  const showUnavailable =
    unavailableBodies !== undefined && unavailableBodies.count > hidden.unavailable;
  const showDropped = dropped > hidden.dropped;
  if (notices.length === 0 && !showUnavailable && !showDropped) return null;
  return (
    <div class="notice-bar">
      {showUnavailable && (
        <p class="notice notice-warning" data-testid="notice-unavailable">
          <span class="notice-text">
            {unavailableBodies.count === 1
              ? '1 body was not available to DevTools'
              : `${unavailableBodies.count} bodies were not available to DevTools`}{' '}
            (last: <span class="notice-url">{unavailableBodies.lastUrl}</span> —{' '}
            {unavailableBodies.lastNote}). Tokens in them cannot be checked. Reload the page with
            DevTools open; if the page reads the body as a Blob or a service worker answers, the
            body never reaches DevTools — export a HAR from the Network panel or paste the token
            instead.
          </span>
          <DismissButton
            onClick={() => setHidden({ ...hidden, unavailable: unavailableBodies.count })}
          />
        </p>
      )}
      {showDropped && (
        <p class="notice notice-info" data-testid="notice-dropped">
          <span class="notice-text">
            {dropped === 1 ? '1 older capture was' : `${dropped} older captures were`} dropped to
            keep memory bounded. Clear the list to start afresh.
          </span>
          <DismissButton onClick={() => setHidden({ ...hidden, dropped })} />
        </p>
      )}
      {notices.map((notice) => (
        <p key={notice.id} class={`notice notice-${notice.level}`}>
          <span class="notice-text">{notice.text}</span>
          <DismissButton onClick={() => onDismiss(notice.id)} />
        </p>
      ))}
    </div>
  );
}

function DismissButton({ onClick }: { onClick: () => void }) {
  return (
    <button
      type="button"
      class="notice-dismiss"
      aria-label="Dismiss"
      title="Dismiss"
      onClick={onClick}
    >
      ×
    </button>
  );
}
