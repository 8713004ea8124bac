import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';

/** A factory with its own calendar, rules and board-event sequence. */
export const Plant = defineEntity({
  name: 'Plant',
  properties: {
    id: p.uuid().primary().defaultRaw('gen_random_uuid()'),
    name: p.string(),
    timeZone: p.string().default('UTC'),
    shipBufferDays: p.integer().default(1),
    /** Last board-event sequence number; bumped only under the plant's write lock (see write-path.ts). */
    eventSeq: p.bigint('number').default(0),
    /** Version of the plant's settings (name, time zone, ship buffer). */
    version: p.integer().default(1),
    createdAt: p.datetime().defaultRaw('now()'),
  },
});
export type Plant = InferEntity<typeof Plant>;
