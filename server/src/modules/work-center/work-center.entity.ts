import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';
import { Plant } from '../plant/plant.entity.ts';

/** A line, cell or machine group. Durations are integer minutes, money integer cents. */
export const WorkCenter = defineEntity({
  name: 'WorkCenter',
  properties: {
    id: p.uuid().primary().defaultRaw('gen_random_uuid()'),
    plant: () => p.manyToOne(Plant),
    code: p.string().length(32),
    name: p.string(),
    /** Regular minutes per weekday, Sunday first. */
    weeklyMinutes: p.array().columnType('integer[]'),
    overtimeMinutesPerDay: p.integer().default(0),
    rateCentsPerHour: p.bigint('number'),
    overtimePremiumCentsPerHour: p.bigint('number').default(0),
    sort: p.integer().default(0),
    active: p.boolean().default(true),
    version: p.integer().default(1),
  },
  uniques: [{ properties: ['plant', 'code'] }],
});
export type WorkCenter = InferEntity<typeof WorkCenter>;

/**
 * A calendar exception as the planner enters it: one work center or the whole plant (null), a date
 * or a range, the hours available each day. Expanded into WorkCenterException rows (masterdata/apply.ts).
 */
export const CalendarException = defineEntity({
  name: 'CalendarException',
  properties: {
    id: p.uuid().primary().defaultRaw('gen_random_uuid()'),
    plant: () => p.manyToOne(Plant),
    workCenter: () => p.manyToOne(WorkCenter).nullable(),
    dateFrom: p.string().columnType('date'),
    dateTo: p.string().columnType('date'),
    minutes: p.integer(),
    reason: p.string().default(''),
    active: p.boolean().default(true),
    version: p.integer().default(1),
    createdAt: p.datetime().defaultRaw('now()'),
  },
});
export type CalendarException = InferEntity<typeof CalendarException>;

/** A dated capacity override (holiday, maintenance): the minutes available that day, expanded from a CalendarException. */
export const WorkCenterException = defineEntity({
  name: 'WorkCenterException',
  properties: {
    id: p.uuid().primary().defaultRaw('gen_random_uuid()'),
    workCenter: () => p.manyToOne(WorkCenter),
    date: p.string().columnType('date'),
    minutes: p.integer(),
    reason: p.string().default(''),
    calendarException: () => p.manyToOne(CalendarException).nullable(),
  },
  uniques: [{ properties: ['workCenter', 'date'] }],
});
export type WorkCenterException = InferEntity<typeof WorkCenterException>;
