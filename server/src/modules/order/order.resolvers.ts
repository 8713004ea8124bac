import type { Resolvers } from '../../../../schema/generated/server.ts';
import { apiHours } from '../../shared/units.ts';
import { requirePlant } from '../auth/permissions.ts';
import { loadCatalog } from '../product/product.service.ts';
import { customersOfPlant, listOrders, orderById } from './order.service.ts';
import type { AllocationDto } from './order.dto.ts';

export const orderResolvers: Resolvers = {
  Query: {
    order: (_, { id }, ctx) => orderById(ctx.em, ctx.actor!.plantId, id),
    orders: (_, { plantId, filter, first, after }, ctx) => {
      requirePlant(ctx.actor, plantId);
      return listOrders(ctx.em, plantId, filter, first, after);
    },
    products: async (_, { plantId, includeRetired }, ctx) => {
      requirePlant(ctx.actor, plantId);
      return [...(await loadCatalog(ctx.em, plantId)).values()].filter((p) => p.active || includeRetired);
    },
    customers: (_, { plantId, includeRetired }, ctx) => {
      requirePlant(ctx.actor, plantId);
      return customersOfPlant(ctx.em, plantId, includeRetired ?? false);
    },
  },
  Order: {
    unitPrice: (o) => o.unitPriceCents,
    options: (o) => o.product.options.filter((opt) => o.optionIds.includes(opt.id)),
    jobs: (o, _, ctx) => ctx.loaders.jobsByOrder.load(o.id),
  },
  Job: {
    hours: (j) => apiHours(j.minutes),
    // Board events stored by a release before the floor's progress (docs/product.md §12) carry no
    // progress fields; replayed to a client that asks for them, they read as no progress yet.
    completedQuantity: (j) => j.completedQuantity ?? 0,
    scrapQuantity: (j) => j.scrapQuantity ?? 0,
    paused: (j) => j.paused ?? false,
    actualHours: (j) => apiHours(j.actualMinutes ?? 0),
    // an open job's allocations are what remains of it (docs/product.md §12)
    remainingHours: (j) => (j.status === 'DONE' ? 0 : apiHours(j.minutes)),
    // board events carry a job's allocations as of the event (and fan out without a query)
    allocations: (j, _, ctx) => (j as { allocations?: AllocationDto[] }).allocations ?? ctx.loaders.allocationsByJob.load(j.id),
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
    step: (o) => o.stepSeq,
  },
};
