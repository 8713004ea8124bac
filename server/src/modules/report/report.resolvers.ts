import type { Resolvers } from '../../../../schema/generated/server.ts';
import { requirePlant } from '../auth/permissions.ts';
import { apiHours } from '../../shared/units.ts';
import { capacityReport, changeOrderReport } from './report.service.ts';
import { changeOrderOutcomes } from './outcomes.ts';
import { currentPolicy } from '../policy/policy.service.ts';

export const reportResolvers: Resolvers = {
  Query: {
    capacityReport: (_, { plantId, from, to, granularity, workCenterIds }, ctx) => {
      requirePlant(ctx.actor, plantId);
      return capacityReport(ctx.em, plantId, from, to, granularity, workCenterIds);
    },
    changeOrderReport: (_, { plantId, from, to }, ctx) => {
      requirePlant(ctx.actor, plantId);
      return changeOrderReport(ctx.em, plantId, from, to);
    },
  },
  CapacityReportRow: {
    capacityHours: (r) => apiHours(r.capacityMinutes),
    overtimeHours: (r) => apiHours(r.overtimeMinutes),
    loadHours: (r) => apiHours(r.loadMinutes),
    overtimeUsedHours: (r) => apiHours(r.overtimeUsedMinutes),
    utilization: (r) => (r.capacityMinutes > 0 ? Math.round((r.loadMinutes / r.capacityMinutes) * 10_000) / 10_000 : 0),
  },
  ChangeOrderReport: {
    costDelta: (r) => r.costDeltaCents,
    revenueDelta: (r) => r.revenueDeltaCents,
    ruleCounts: (r) => r.ruleCounts as never,
    decisionsByApprover: (r) => r.decisionsByApprover,
    outcomes: async (r, _, ctx) => changeOrderOutcomes(ctx.em, r.plantId, r.from, r.to, await currentPolicy(ctx.em, r.plantId)),
  },

  ApproverDecisions: {
    approver: async (d, _, ctx) => (await ctx.loaders.userById.load(d.approverId))!,
  },
};
