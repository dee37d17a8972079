// Host access to an origin as a pure state machine, and the OriginAccess port (browser.permissions in the panel).

/**
 * Host access for the origins the panel fetches from (a JWKS URL, the replay API base). Chrome lifts
 * CORS for extension pages that hold host permission for an origin.
 */
export interface OriginAccess {
  /** Whether the extension may already fetch from `origin`. */
  contains(origin: string): Promise<boolean>;
  /**
   * Asks the user for access to `origin` (and `alsoOrigins`, in the same prompt). Must be called
   * synchronously from a click. Resolves to the answer.
   */
  request(origin: string, ...alsoOrigins: string[]): Promise<boolean>;
}

/** Host access for one origin, as far as the panel knows. */
export type AccessState =
  'checking' | 'asking' | 'granted' | 'not-granted' | 'refused' | 'unavailable';

/** The access state of one origin. */
export interface AccessStatus {
  origin: string;
  state: AccessState;
}

/** What can happen to an origin's access. */
export type AccessEvent =
  | { type: 'check' }
  | { type: 'checked'; granted: boolean }
  | { type: 'ask' }
  | { type: 'answered'; granted: boolean }
  | { type: 'no-port' };

/**
 * The state `event` leads to. Reading the permission gives granted / not-granted; the user's answer
 * to the prompt gives granted / refused (a refusal is shown until the next check or request).
 */
export function advanceAccess(event: AccessEvent): AccessState {
  switch (event.type) {
    case 'check':
      return 'checking';
    case 'checked':
      return event.granted ? 'granted' : 'not-granted';
    case 'ask':
      return 'asking';
    case 'answered':
      return event.granted ? 'granted' : 'refused';
    case 'no-port':
      return 'unavailable';
  }
}

/** The origins one permission prompt asks for: `origin` first, then the others, each once. */
export function listRequestOrigins(origin: string, others: readonly string[] = []): string[] {
  return [...new Set([origin, ...others])];
}
