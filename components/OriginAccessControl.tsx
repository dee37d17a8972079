// OriginAccessControl: "Grant access to <origin>" — fetching a JWKS from the panel needs host permission.
import { useEffect, useMemo } from 'preact/hooks';
import { useStoreSlice } from './useStoreSlice';
import type { OriginAccess } from '../lib/permissions/access';
import { describeKeyAccess } from '../lib/permissions/key-access-text';
import { createOriginAccessStore, type OriginAccessHost } from '../lib/permissions/store';
import { readOrigin } from '../lib/permissions/origin-policy';

export interface OriginAccessControlProps {
  url: string;
  access: OriginAccess;
  /**
   * The shared host-access store; without it the control keeps its own (a store built over
   * `access`), so two controls for one origin agree only when the panel passes one in.
   */
  accessStore?: OriginAccessHost;
  onGranted: () => void;
  /** Test id of the button (two of these can be on screen: key line and Settings). */
  testId?: string;
}

/** "Grant access to <origin>": fetching a JWKS from the panel needs host permission in Chrome. */
export function OriginAccessControl({
  url,
  access,
  accessStore,
  onGranted,
  testId = 'grant-access',
}: OriginAccessControlProps) {
  const origin = readOrigin(url);
  const ownStore = useMemo(() => createOriginAccessStore(access), [access]);
  const store = accessStore ?? ownStore;
  const state = useStoreSlice(store, (s) => (origin ? s.originAccess.byOrigin[origin] : undefined));
  // Reading the permission needs no click: the control knows up front whether to offer a grant.
  useEffect(() => {
    if (origin) void store.originAccess.check(origin);
  }, [origin, store]);

  if (!origin) return null;
  if (state === 'granted') return <p class="muted">{describeKeyAccess(state, origin)}</p>;
  return (
    <div class="origin-access">
      <button
        type="button"
        data-testid={testId}
        onClick={() => {
          // permissions.request must run inside the click's user gesture: request() asks first.
          void store.originAccess.request(origin).then((answer) => {
            if (answer === 'granted') onGranted();
          });
        }}
      >
        Grant access to {origin}
      </button>
      <span class="muted">{describeKeyAccess(state, origin)}</span>
    </div>
  );
}
