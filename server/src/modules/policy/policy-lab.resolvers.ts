import type { Resolvers } from '../../../../schema/generated/server.ts';
import { requirePlant } from '../auth/permissions.ts';
import { policyPresent, policyReplay } from './policy-lab.service.ts';

export const policyLabResolvers: Resolvers = {
  Query: {
    policyReplay: (_, { plantId, draft, from, to }, ctx) => {
      requirePlant(ctx.actor, plantId);
      return policyReplay(ctx.em, ctx.services.clock, plantId, draft, { from, to });
    },
    policyPresent: (_, { plantId, draft }, ctx) => {
      requirePlant(ctx.actor, plantId);
      return policyPresent(ctx.em, ctx.services, plantId, draft);
    },
  },
};
