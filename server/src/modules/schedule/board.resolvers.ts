import type { Resolvers } from '../../../../schema/generated/server.ts';
import { requirePlant } from '../auth/permissions.ts';
import { apiHours } from '../shared/units.ts';
import { loadBoard } from './board.service.ts';

export const boardResolvers: Resolvers = {
  Query: {
    board: (_, { plantId, from, to }, ctx) => {
      requirePlant(ctx.actor, plantId);
      return loadBoard(ctx.em, ctx.services.clock, plantId, from, to);
    },
  },
  Bucket: {
    capacityHours: (b) => apiHours(b.capacityMinutes),
    overtimeHours: (b) => apiHours(b.overtimeMinutes),
    loadHours: (b) => apiHours(b.loadMinutes),
    utilization: (b) => (b.capacityMinutes > 0 ? Math.round((b.loadMinutes / b.capacityMinutes) * 10_000) / 10_000 : 0),
  },
};
