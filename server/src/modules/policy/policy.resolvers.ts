import type { Resolvers } from '../../../../schema/generated/server.ts';
import { scopeLabel } from '../../engine/index.ts';
import { requirePlant } from '../auth/permissions.ts';
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
    updatePolicy: (_, { plantId, expectedVersion, changes, reason }, ctx) => {
      requirePlant(ctx.actor, plantId);
      return updatePolicy(ctx.services.orm, ctx.services.clock, ctx.actor, plantId, { expectedVersion, changes, reason });
    },
  },
  Policy: {
    autoApproveMaxUtilization: (p) => p.autoApproveMaxUtilizationBp / 10_000,
    managerMaxUtilization: (p) => p.managerMaxUtilizationBp / 10_000,
    costIncreaseLimit: (p) => p.costIncreaseLimitCents,
    minMarginPct: (p) => p.minMarginBp / 100,
    author: (p, _, ctx) => (p.authorId ? ctx.services.auth.user(ctx.em, p.authorId) : null),
    scopedRules: (p) => [...p.scopedRules],
  },
  ScopedRule: {
    autoApproveMaxUtilization: (r) => r.autoApproveMaxUtilizationBp / 10_000,
    managerMaxUtilization: (r) => r.managerMaxUtilizationBp / 10_000,
  },
  RuleScope: {
    workCenterCode: (s, _, ctx) => (s.workCenterId === null ? null : ctx.loaders.workCenterCodeById.load(s.workCenterId)),
    label: async (s, _, ctx) => scopeLabel(s, s.workCenterId === null ? null : await ctx.loaders.workCenterCodeById.load(s.workCenterId)),
  },
};
