// What the JWKS URL's host-access control says, by access state.
import type { AccessState } from './access';

/** The line under "Grant access to <origin>" for a JWKS origin. */
export function describeKeyAccess(state: AccessState | undefined, origin: string): string {
  if (state === 'granted') return `The panel may fetch keys from ${origin}.`;
  if (state === 'refused') {
    return ` Access was refused: keys cannot be fetched from ${origin}, so signatures stay unverified. Grant it, or paste the JWKS instead.`;
  }
  return ` Chrome lets the panel fetch ${origin} only with your permission.`;
}
