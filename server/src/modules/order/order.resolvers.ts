import type { Resolvers } from '../../../../schema/generated/server.ts';
import { apiHours } from '../shared/units.ts';
import { orderById } from './order.service.ts';

export const orderResolvers: Resolvers = {
  Query: {
    order: (_, { id }, ctx) => orderById(ctx.em, ctx.actor!.plantId, id),
  },
  Order: {
    unitPrice: (o) => o.unitPriceCents,
    options: (o) => o.product.options.filter((opt) => o.optionIds.includes(opt.id)),
    jobs: (o, _, ctx) => ctx.loaders.jobsByOrder.load(o.id),
  },
  Job: {
    hours: (j) => apiHours(j.minutes),
    allocations: (j, _, ctx) => ctx.loaders.allocationsByJob.load(j.id),
  },
  Allocation: {
    hours: (a) => apiHours(a.minutes),
  },
  Product: {
    materialCostPerUnit: (p) => p.materialCostCents,
    listPrice: (p) => p.listPriceCents,
  },
  RoutingStep: {
    setupHours: (s) => apiHours(s.setupMinutes),
    hoursPerUnit: (s) => Math.round((s.minutesPerUnit / 60) * 1e6) / 1e6,
  },
  ProductOption: {
    addCostPerUnit: (o) => o.addCostCents,
    addHoursPerUnit: (o) => Math.round((o.addMinutesPerUnit / 60) * 1e6) / 1e6,
  },
};
