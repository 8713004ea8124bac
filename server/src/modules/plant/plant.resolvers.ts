import type { Resolvers } from '../../../../schema/generated/server.ts';
import { apiHours } from '../../shared/units.ts';
import { plantById } from './plant.service.ts';

export const plantResolvers: Resolvers = {
  Query: {
    plants: async (_, __, ctx) => [await plantById(ctx.em, ctx.services.clock, ctx.actor!.plantId)],
  },
  WorkCenter: {
    weeklyHours: (wc) => wc.weeklyMinutes.map(apiHours),
    // Sunday first is how the engine indexes days (getUTCDay); inputs and files are Monday first
    weeklyHoursMondayFirst: (wc) => [...wc.weeklyMinutes.slice(1), wc.weeklyMinutes[0]!].map(apiHours),
    overtimeHoursPerDay: (wc) => apiHours(wc.overtimeMinutesPerDay),
    ratePerHour: (wc) => wc.rateCentsPerHour,
    overtimePremiumPerHour: (wc) => wc.overtimePremiumCentsPerHour,
  },
};
