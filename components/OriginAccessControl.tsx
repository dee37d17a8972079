// OriginAccessControl: "Grant access to <origin>" — fetching a JWKS from the panel needs host permission.
import { useEffect, useState } from 'preact/hooks';
import type { OriginAccess } from '../lib/settings/access';
import { originOf } from '../lib/settings/settings';

export interface OriginAccessControlProps {
  url: string;
  access: OriginAccess;
  onGranted: () => void;
  /** Test id of the button (two of these can be on screen: key line and Settings). */
  testId?: string;
}

/** "Grant access to <origin>": fetching a JWKS from the panel needs host permission in Chrome. */
export function OriginAccessControl({
  url,
  access,
  onGranted,
  testId = 'grant-access',
}: OriginAccessControlProps) {
  const origin = originOf(url);
  const [state, setState] = useState<'unknown' | 'granted' | 'missing' | 'refused'>('unknown');

  useEffect(() => {
    if (!origin) return;
    let current = true;
    setState('unknown');
    access.contains(origin).then(
      (granted) => current && setState(granted ? 'granted' : 'missing'),
      () => current && setState('missing'),
    );
    return () => {
      current = false;
    };
  }, [origin, access]);

  if (!origin) return null;
  if (state === 'granted') {
    return <p class="muted">The panel may fetch keys from {origin}.</p>;
  }
  return (
    <div class="origin-access">
      <button
        type="button"
        data-testid={testId}
        onClick={() => {
          // permissions.request must run inside the click's user gesture: no await before it.
          access.request(origin).then(
            (granted) => {
              setState(granted ? 'granted' : 'refused');
              if (granted) onGranted();
            },
            () => setState('refused'),
          );
        }}
      >
        Grant access to {origin}
      </button>
      <span class="muted">
        {state === 'refused'
          ? ` Access was refused: keys cannot be fetched from ${origin}, so signatures stay unverified. Grant it, or paste the JWKS instead.`
          : ` Chrome lets the panel fetch ${origin} only with your permission.`}
      </span>
    </div>
  );
}
