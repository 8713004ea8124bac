import type { Resolvers } from '../../../../schema/generated/server.ts';
import { reportProgress } from './progress.service.ts';
import { shipOrder } from './ship.service.ts';
import { reportDowntime } from './downtime.service.ts';
import { promiseDatesNow } from './risk.ts';

export const floorResolvers: Resolvers = {
  Mutation: {
    reportProgress: (_, { input }, ctx) => reportProgress(ctx.services, ctx.actor!, input),
    shipOrder: (_, { orderId, expectedVersion }, ctx) => shipOrder(ctx.services, ctx.actor!, orderId, expectedVersion),
    reportDowntime: (_, args, ctx) => reportDowntime(ctx.services, ctx.actor!, args),
  },
  Order: {
    promiseDates: (o, _, ctx) => promiseDatesNow(ctx.em, ctx.services, o),
  },
};
