import type { Resolvers } from '../../../../schema/generated/server.ts';
import { fromDay, PLANT_SCOPE, type Allocation } from '../../engine/index.ts';
import { apiHours } from '../../shared/units.ts';
import { evaluateInput } from './preview.service.ts';

const utilization = (load: number, capacity: number) => (capacity > 0 ? Math.round((load / capacity) * 10_000) / 10_000 : 0);
const firstDay = (allocations: readonly Allocation[]) => (allocations.length ? fromDay(allocations[0]!.day) : null);
const lastDay = (allocations: readonly Allocation[]) => (allocations.length ? fromDay(allocations[allocations.length - 1]!.day) : null);

/** The engine's verdict as GraphQL: days become dates, minutes hours, cents Money. */
export const evaluationResolvers: Resolvers = {
  Query: {
    previewChangeOrder: async (_, { input }, ctx) => (await evaluateInput(ctx.em, ctx.services, ctx.actor!, input)).evaluation,
  },
  ChangeEvaluation: {
    today: (e) => fromDay(e.today),
    // Verdicts stored before these fields existed have neither.
    frozenJobs: (e) => [...(e.frozenJobs ?? [])],
    // Verdicts stored before scoped rules used the plant rule and knew no customer tier.
    customerTier: (e) => e.customerTier ?? null,
    tierScope: (e) => e.tierScope ?? PLANT_SCOPE,
  },
  RequiredApproval: {
    scope: (a) => a.scope ?? PLANT_SCOPE,
  },
  OrderTerms: {
    dueDate: (t) => fromDay(t.dueDate),
    unitPrice: (t) => t.unitPriceCents,
  },
  PlannedJob: {
    hours: (j) => apiHours(j.minutes),
    start: (j) => firstDay(j.allocations),
    end: (j) => lastDay(j.allocations),
    allocations: (j) => j.allocations.map((a) => ({ jobId: j.id, date: fromDay(a.day), minutes: a.minutes })),
  },
  Impact: {
    hoursDelta: (i) => apiHours(i.minutesDelta),
    overtimeHours: (i) => apiHours(i.overtimeMinutes),
    priceBefore: (i) => i.priceBeforeCents,
    priceAfter: (i) => i.priceAfterCents,
    priceDelta: (i) => i.priceDeltaCents,
    marginBefore: (i) => i.marginBeforeCents,
    marginAfter: (i) => i.marginAfterCents,
  },
  BucketImpact: {
    date: (b) => fromDay(b.day),
    capacityHours: (b) => apiHours(b.capacityMinutes),
    // The engine keeps the overtime alone (stored verdicts hold it so); the field is the ceiling with it.
    overtimeCapacityHours: (b) => apiHours(b.capacityMinutes + b.overtimeCapacityMinutes),
    loadBeforeHours: (b) => apiHours(b.loadBeforeMinutes),
    loadAfterHours: (b) => apiHours(b.loadAfterMinutes),
    utilizationBefore: (b) => utilization(b.loadBeforeMinutes, b.capacityMinutes),
    utilizationAfter: (b) => utilization(b.loadAfterMinutes, b.capacityMinutes),
  },
  CostBreakdown: {
    material: (c) => c.materialCents,
    labour: (c) => c.labourCents,
    setup: (c) => c.setupCents,
    overtimePremium: (c) => c.overtimePremiumCents,
    scrap: (c) => c.scrapCents,
    total: (c) => c.totalCents,
  },
  CtpAlternative: {
    dueDate: (a) => (a.dueDate === null ? null : fromDay(a.dueDate)),
    jobs: (a) => [...(a.jobs ?? [])],
  },
};
