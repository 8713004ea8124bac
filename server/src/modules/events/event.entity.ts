import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';
import { Plant } from '../plant/plant.entity.ts';

/**
 * One entry of a plant's board stream. `seq` is gap-free per plant because it is assigned under
 * the plant's row lock and committed in lock order (see write-path.ts).
 */
export const BoardEvent = defineEntity({
  name: 'BoardEvent',
  properties: {
    plant: () => p.manyToOne(Plant).primary(),
    seq: p.bigint('number').primary(),
    type: p.string(),
    payload: p.json<Record<string, unknown>>(),
    createdAt: p.datetime().defaultRaw('now()'),
  },
});
export type BoardEvent = InferEntity<typeof BoardEvent>;

/** The append-only audit trail; a database trigger refuses UPDATE and DELETE. */
export const AuditEvent = defineEntity({
  name: 'AuditEvent',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    plant: () => p.manyToOne(Plant),
    actorId: p.uuid().nullable(),
    delegateId: p.uuid().nullable(),
    action: p.string(),
    entityType: p.string(),
    entityId: p.string(),
    fromStatus: p.string().nullable(),
    toStatus: p.string().nullable(),
    comment: p.text().nullable(),
    policyVersion: p.integer().nullable(),
    data: p.json<Record<string, unknown>>().nullable(),
    createdAt: p.datetime().defaultRaw('now()'),
  },
  indexes: [{ properties: ['plant', 'entityType', 'entityId'] }],
});
export type AuditEvent = InferEntity<typeof AuditEvent>;
