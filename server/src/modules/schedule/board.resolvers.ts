import type { Resolvers } from '../../../../schema/generated/server.ts';
import { requirePlant } from '../auth/permissions.ts';
import { apiHours } from '../../shared/units.ts';
import { loadBoard } from './board.service.ts';
import { bucketsOf, jobsOf, ordersOf } from './board.view.ts';
import { plantCalendar } from './plant-calendar.ts';

export const boardResolvers: Resolvers = {
  Query: {
    board: (_, { plantId, from, to }, ctx) => {
      requirePlant(ctx.actor, plantId);
      return loadBoard(ctx.em, ctx.services.boards, ctx.services.clock, plantId, from, to);
    },
  },
  // the plant's calendar is cut from the same work-center calendars as the board
  Plant: {
    calendar: (plant, { from, to }, ctx) => plantCalendar(ctx.em, plant, from, to),
  },
  WorkCenterDay: {
    capacityHours: (d) => apiHours(d.capacityMinutes),
    overtimeHours: (d) => apiHours(d.overtimeMinutes),
  },
  Board: {
    buckets: (b) => bucketsOf(b.view()),
    jobs: (b) => jobsOf(b.view()),
    orders: (b) => ordersOf(b.view()),
    packed: (b) => b.packed(),
  },
  Bucket: {
    capacityHours: (b) => apiHours(b.capacityMinutes),
    overtimeHours: (b) => apiHours(b.overtimeMinutes),
    loadHours: (b) => apiHours(b.loadMinutes),
    utilization: (b) => (b.capacityMinutes > 0 ? Math.round((b.loadMinutes / b.capacityMinutes) * 10_000) / 10_000 : 0),
  },
};
