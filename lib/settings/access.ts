// OriginAccess: what the panel needs from browser.permissions (implemented in the composition root).

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
