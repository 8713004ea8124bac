import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';
import { Plant } from '../plant/plant.entity.ts';

/** One version of a plant's rules; rows are never updated (a trigger refuses it). */
export const PolicyVersion = defineEntity({
  name: 'PolicyVersion',
  tableName: 'policy',
  properties: {
    plant: () => p.manyToOne(Plant).primary(),
    version: p.integer().primary(),
    autoApproveMaxUtilizationBp: p.integer(),
    managerMaxUtilizationBp: p.integer(),
    overtimeAllowed: p.boolean(),
    freezeWindowWorkingDays: p.integer(),
    costIncreaseLimitCents: p.bigint('number'),
    minMarginBp: p.integer(),
    approvalSlaHours: p.integer(),
    authorId: p.uuid().nullable(),
    reason: p.text(),
    createdAt: p.datetime().defaultRaw('now()'),
  },
});
export type PolicyVersion = InferEntity<typeof PolicyVersion>;
