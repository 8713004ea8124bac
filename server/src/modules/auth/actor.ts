import type { Role } from './roles.ts';

/**
 * Who performs an operation. A human user has a role; `onBehalfOf` is set when a delegate acts
 * for someone (the audit trail records both). Display and API tokens are non-human actors.
 */
export interface Actor {
  kind: 'user' | 'display' | 'api';
  userId: string | null;
  role: Role | null;
  plantId: string;
  name: string;
  onBehalfOf?: string | null;
  /** For token actors: the scopes granted. */
  scopes?: readonly string[];
  /** For token actors: the token's id (an integration's change orders name their token). */
  tokenId?: string;
}
