// Re-export of the OriginAccess port, whose home is lib/permissions/access.ts (kept for importers not yet moved).
export type { OriginAccess } from '../permissions/access';
