import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';
import { Plant } from '../../modules/plant/plant.entity.ts';
import { User } from '../../modules/auth/user.entity.ts';

export const PRESENCE_KINDS = ['BOARD', 'ORDER', 'CHANGE_ORDER', 'PROPOSING'] as const;
export type PresenceKind = (typeof PRESENCE_KINDS)[number];

/**
 * Someone's browser looking at a plant (docs/realtime.md, "Presence"): one row per plant, user and
 * session, kept alive by heartbeats of the process holding its subscription; a row whose
 * heartbeat is older than the TTL is gone (ignored at once, deleted by the sweeper).
 */
export const Presence = defineEntity({
  name: 'Presence',
  properties: {
    plant: () => p.manyToOne(Plant).primary(),
    user: () => p.manyToOne(User).primary().deleteRule('cascade'),
    sessionKey: p.string().length(64).primary(),
    viewingKind: p.enum(PRESENCE_KINDS).default('BOARD'),
    viewingId: p.uuid().nullable(),
    since: p.datetime().defaultRaw('now()'),
    heartbeatAt: p.datetime().defaultRaw('now()'),
  },
  indexes: [{ properties: ['heartbeatAt'] }],
});
export type Presence = InferEntity<typeof Presence>;
