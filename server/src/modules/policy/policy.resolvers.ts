import type { Resolvers } from '../../../../schema/generated/server.ts';
import { requirePlant } from '../auth/permissions.ts';
import { withPlantWrite } from '../events/write-path.ts';
import { currentPolicy, policyHistory, updatePolicy } from './policy.service.ts';

export const policyResolvers: Resolvers = {
  Query: {
    policy: (_, { plantId }, ctx) => {
      requirePlant(ctx.actor, plantId);
      return currentPolicy(ctx.em, plantId);
    },
    policyHistory: (_, { plantId }, ctx) => {
      requirePlant(ctx.actor, plantId);
      return policyHistory(ctx.em, plantId);
    },
  },
  Mutation: {
    updatePolicy: async (_, { plantId, expectedVersion, changes, reason }, ctx) => {
      requirePlant(ctx.actor, plantId);
      const { value } = await withPlantWrite(ctx.services.orm, plantId, ctx.actor, (w) => updatePolicy(w, { expectedVersion, changes, reason }));
      return value;
    },
  },
  Policy: {
    autoApproveMaxUtilization: (p) => p.autoApproveMaxUtilizationBp / 10_000,
    managerMaxUtilization: (p) => p.managerMaxUtilizationBp / 10_000,
    costIncreaseLimit: (p) => p.costIncreaseLimitCents,
    minMarginPct: (p) => p.minMarginBp / 100,
    author: (p, _, ctx) => (p.authorId ? ctx.services.auth.user(ctx.em, p.authorId) : null),
  },
};
