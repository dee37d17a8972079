// NoticeBar: messages above the list — import results, unreadable bodies, dropped captures.
import type { Notice, UnavailableBodies } from '../lib/store';

export interface NoticeBarProps {
  notices: readonly Notice[];
  unavailableBodies: UnavailableBodies | undefined;
  /** Captures dropped to stay within the memory caps. */
  dropped: number;
  onDismiss: (id: number) => void;
}

/** The panel's notices; renders nothing when there is nothing to say. */
export function NoticeBar({ notices, unavailableBodies, dropped, onDismiss }: NoticeBarProps) {
  if (notices.length === 0 && !unavailableBodies && dropped === 0) return null;
  return (
    <div class="notice-bar">
      {unavailableBodies && (
        <p class="notice notice-warning" data-testid="notice-unavailable">
          {unavailableBodies.count === 1
            ? '1 body was not available to DevTools'
            : `${unavailableBodies.count} bodies were not available to DevTools`}{' '}
          (last: <span class="notice-url">{unavailableBodies.lastUrl}</span> —{' '}
          {unavailableBodies.lastNote}). Tokens in them cannot be checked. Reload the page with
          DevTools open; if the page reads the body as a Blob or a service worker answers, the body
          never reaches DevTools — export a HAR from the Network panel or paste the token instead.
        </p>
      )}
      {dropped > 0 && (
        <p class="notice notice-info" data-testid="notice-dropped">
          {dropped === 1 ? '1 older capture was' : `${dropped} older captures were`} dropped to keep
          memory bounded. Clear the list to start afresh.
        </p>
      )}
      {notices.map((notice) => (
        <p key={notice.id} class={`notice notice-${notice.level}`}>
          <span>{notice.text}</span>
          <button
            type="button"
            class="notice-dismiss"
            aria-label="Dismiss"
            title="Dismiss"
            onClick={() => onDismiss(notice.id)}
          >
            ×
          </button>
        </p>
      ))}
    </div>
  );
}
