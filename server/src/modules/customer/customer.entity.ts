import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';
import { Plant } from '../plant/plant.entity.ts';

/** A customer that places orders. */
export const Customer = defineEntity({
  name: 'Customer',
  properties: {
    id: p.uuid().primary().defaultRaw('gen_random_uuid()'),
    plant: () => p.manyToOne(Plant),
    /** The customer's key in files and integrations, unique per plant (generated when none is given). */
    code: p.string().length(64).defaultRaw(`('CUST-' || upper(substr(md5(gen_random_uuid()::text), 1, 8)))`),
    name: p.string(),
    tier: p.enum(['STRATEGIC', 'STANDARD'] as const).default('STANDARD'),
    contact: p.string().default(''),
    active: p.boolean().default(true),
    version: p.integer().default(1),
  },
  uniques: [{ properties: ['plant', 'code'] }],
});
export type Customer = InferEntity<typeof Customer>;
