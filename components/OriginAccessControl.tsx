// OriginAccessControl: "Grant access to <origin>" — fetching a JWKS from the panel needs host permission.
import type { AccessState } from '../lib/permissions/access';
import { describeKeyAccess } from '../lib/permissions/key-access-text';

export interface OriginAccessControlProps {
  /** The JWKS origin (selectKeyAccess). */
  origin: string;
  /** Its access state as the store knows it (selectKeyAccess). */
  state: AccessState | undefined;
  /**
   * Asks for access (store.keyAccess.request): called straight from the click, so Chrome sees the
   * user gesture; the store reloads the keys on a grant.
   */
  onRequest: () => void;
  /** Test id of the button (two of these can be on screen: key line and Settings). */
  testId?: string;
}

/** "Grant access to <origin>": fetching a JWKS from the panel needs host permission in Chrome. */
export function OriginAccessControl({
  origin,
  state,
  onRequest,
  testId = 'grant-access',
}: OriginAccessControlProps) {
  if (state === 'granted') return <p class="muted">{describeKeyAccess(state, origin)}</p>;
  return (
    <div class="origin-access">
      <button type="button" data-testid={testId} onClick={onRequest}>
        Grant access to {origin}
      </button>
      <span class="muted">{describeKeyAccess(state, origin)}</span>
    </div>
  );
}
