import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';
import { Plant } from '../plant/plant.entity.ts';

/** A customer that places orders. */
export const Customer = defineEntity({
  name: 'Customer',
  properties: {
    id: p.uuid().primary().defaultRaw('gen_random_uuid()'),
    plant: () => p.manyToOne(Plant),
    name: p.string(),
    tier: p.enum(['STRATEGIC', 'STANDARD'] as const).default('STANDARD'),
    contact: p.string().default(''),
  },
});
export type Customer = InferEntity<typeof Customer>;
