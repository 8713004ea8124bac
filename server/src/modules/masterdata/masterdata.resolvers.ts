import type { Resolvers, WorkCenterInput, ProductInput, CustomerInput, UserInput, CalendarExceptionInput } from '../../../../schema/generated/server.ts';
import { requirePlant } from '../auth/permissions.ts';
import type { Actor } from '../auth/actor.ts';
import { badInput } from '../../shared/errors.ts';
import { apiHours } from '../../shared/units.ts';
import { workCentersOf } from '../plant/plant.service.ts';
import { loadCatalog } from '../product/product.service.ts';
import {
  calendarExceptionById, calendarExceptionsOf, createPlant, retireCalendarExceptionCommand, retireWorkCenterCommand, saveCalendarExceptionCommand,
  saveCustomerCommand, saveProductCommand, saveProductInputCommand, saveUserCommand, saveWorkCenterCommand, updatePlant, issueSetPasswordToken,
} from './masterdata.service.ts';
import type { CustomerRecord, ProductRecord, UserRecord, WorkCenterRecord } from './records.ts';
import { isIsoDate } from '../../shared/dates.ts';
import type { GraphQLContext } from '../../graphql/context.ts';

/** Hours as the API gives them → whole minutes (Infinity for out-of-range input, refused by the checks). */
const minutes = (hours: number): number => (Number.isFinite(hours) && Math.abs(hours) < 1e6 ? Math.round(hours * 60) : Number.POSITIVE_INFINITY);
/** Hours per unit → minutes per unit, to the engine's 4 decimals. */
const minutesPerUnit = (hours: number): number => (Number.isFinite(hours) && Math.abs(hours) < 1e6 ? Math.round(hours * 60 * 10_000) / 10_000 : Number.POSITIVE_INFINITY);

function workCenterRecord(i: WorkCenterInput): WorkCenterRecord {
  if (i.weeklyHours.length !== 7) throw badInput('weeklyHours needs 7 values, Monday to Sunday.', 'weeklyHours');
  const monFirst = i.weeklyHours.map(minutes);
  return {
    code: i.code.trim(), name: i.name.trim(), weeklyMinutes: [monFirst[6]!, ...monFirst.slice(0, 6)],
    overtimeMinutesPerDay: minutes(i.overtimeHoursPerDay ?? 0), rateCentsPerHour: i.ratePerHour,
    overtimePremiumCentsPerHour: i.overtimePremiumPerHour ?? 0, active: true,
  };
}

function productRecord(i: ProductInput, codeOf: ReadonlyMap<string, string>): ProductRecord {
  return {
    sku: i.sku.trim(), name: i.name.trim(), materialCostCents: i.materialCostPerUnit, listPriceCents: i.listPrice,
    minLeadTimeDays: i.minLeadTimeDays, active: true,
    routing: i.routing.map((s) => ({ seq: s.seq, workCenterCode: codeOf.get(s.workCenterId) ?? `(unknown id ${s.workCenterId.slice(0, 40)})`, setupMinutes: minutes(s.setupHours), minutesPerUnit: minutesPerUnit(s.hoursPerUnit) })),
    options: (i.options ?? []).map((o) => ({
      attribute: o.attribute.trim(), value: o.value.trim(), addCostCents: o.addCostPerUnit ?? 0,
      addMinutesPerUnit: minutesPerUnit(o.addHoursPerUnit ?? 0), stepSeq: o.step ?? null, reviewRequired: o.reviewRequired ?? false,
    })),
  };
}

const customerRecord = (i: CustomerInput): CustomerRecord => ({ code: i.code.trim(), name: i.name.trim(), tier: i.tier ?? 'STANDARD', contact: (i.contact ?? '').trim(), active: true });
const userRecord = (i: UserInput): UserRecord => ({ email: i.email.trim().toLowerCase(), name: i.name.trim(), role: i.role, active: true });

function exceptionInput(i: CalendarExceptionInput) {
  return { workCenterId: i.workCenterId ?? null, dateFrom: i.dateFrom, dateTo: i.dateTo ?? i.dateFrom, minutes: minutes(i.hours), reason: (i.reason ?? '').trim(), active: true };
}

/** ADMIN administers every plant of the installation (a new plant has no users yet); others only their own. */
function requireAdminOrPlant(actor: Actor | null, plantId: string): void {
  if (actor?.role !== 'ADMIN') requirePlant(actor, plantId);
}

const me = (ctx: GraphQLContext): Actor => ctx.actor!;

async function workCenterById(ctx: GraphQLContext, id: string) {
  return (await workCentersOf(ctx.em, ctx.actor!.plantId)).find((w) => w.id === id)!;
}
async function productById(ctx: GraphQLContext, id: string) {
  return (await loadCatalog(ctx.em, ctx.actor!.plantId)).get(id)!;
}
async function customerById(ctx: GraphQLContext, id: string) {
  const [row] = await ctx.em.execute<{ id: string; code: string; name: string; tier: 'STRATEGIC' | 'STANDARD'; contact: string; active: boolean; version: number }[]>(
    'select id, code, name, tier, contact, active, version from customer where id = ?', [id]);
  return row!;
}

export const masterDataResolvers: Resolvers = {
  Query: {
    workCenters: async (_, { plantId, includeRetired }, ctx) => {
      requirePlant(ctx.actor, plantId);
      return (await workCentersOf(ctx.em, plantId)).filter((w) => w.active || includeRetired);
    },
    calendarExceptions: (_, { plantId, from, to, includeRetired }, ctx) => {
      requirePlant(ctx.actor, plantId);
      if (from && !isIsoDate(from)) throw badInput('from must be a date YYYY-MM-DD.', 'from');
      if (to && !isIsoDate(to)) throw badInput('to must be a date YYYY-MM-DD.', 'to');
      return calendarExceptionsOf(ctx.em, plantId, from ?? null, to ?? null, includeRetired ?? false);
    },
    users: async (_, { plantId, includeRetired }, ctx) => {
      requireAdminOrPlant(ctx.actor, plantId);
      return ctx.em.execute(
        'select id, email, name, role, plant_id as "plantId", active, version from app_user where plant_id = ? and (active or ?) order by email',
        [plantId, includeRetired ?? false]);
    },
  },
  Mutation: {
    createPlant: (_, { input }, ctx) => createPlant(ctx.services, me(ctx), { name: input.name, timeZone: input.timeZone, shipBufferDays: input.shipBufferDays ?? 1, currency: input.currency ?? undefined }),
    updatePlant: (_, { id, input, expectedVersion }, ctx) => {
      requirePlant(ctx.actor, id);
      return updatePlant(ctx.services, me(ctx), id, { name: input.name, timeZone: input.timeZone, shipBufferDays: input.shipBufferDays ?? 1, currency: input.currency ?? undefined }, expectedVersion);
    },
    createWorkCenter: async (_, { plantId, input }, ctx) => {
      requirePlant(ctx.actor, plantId);
      return workCenterById(ctx, await saveWorkCenterCommand(ctx.services, me(ctx), plantId, workCenterRecord(input), null, null));
    },
    updateWorkCenter: async (_, { id, input, expectedVersion }, ctx) => {
      const record = workCenterRecord(input);
      return workCenterById(ctx, await saveWorkCenterCommand(ctx.services, me(ctx), ctx.actor!.plantId, record, id, expectedVersion));
    },
    retireWorkCenter: async (_, { id, expectedVersion }, ctx) => workCenterById(ctx, await retireWorkCenterCommand(ctx.services, me(ctx), id, expectedVersion)),
    createCalendarException: async (_, { plantId, input }, ctx) => {
      requirePlant(ctx.actor, plantId);
      return calendarExceptionById(ctx.em, await saveCalendarExceptionCommand(ctx.services, me(ctx), plantId, exceptionInput(input), null, null));
    },
    updateCalendarException: async (_, { id, input, expectedVersion }, ctx) =>
      calendarExceptionById(ctx.em, await saveCalendarExceptionCommand(ctx.services, me(ctx), ctx.actor!.plantId, exceptionInput(input), id, expectedVersion)),
    retireCalendarException: async (_, { id, expectedVersion }, ctx) =>
      calendarExceptionById(ctx.em, await retireCalendarExceptionCommand(ctx.services, me(ctx), id, expectedVersion)),
    createProduct: async (_, { plantId, input }, ctx) => {
      requirePlant(ctx.actor, plantId);
      return productById(ctx, await saveProductInputCommand(ctx.services, me(ctx), plantId, (codeOf) => productRecord(input, codeOf), null, null));
    },
    updateProduct: async (_, { id, input, expectedVersion }, ctx) =>
      productById(ctx, await saveProductInputCommand(ctx.services, me(ctx), ctx.actor!.plantId, (codeOf) => productRecord(input, codeOf), id, expectedVersion)),
    retireProduct: async (_, { id, expectedVersion }, ctx) =>
      productById(ctx, await saveProductCommand(ctx.services, me(ctx), ctx.actor!.plantId, (p) => ({ ...p, active: false }), id, expectedVersion)),
    createCustomer: async (_, { plantId, input }, ctx) => {
      requirePlant(ctx.actor, plantId);
      return customerById(ctx, await saveCustomerCommand(ctx.services, me(ctx), plantId, customerRecord(input), null, null));
    },
    updateCustomer: async (_, { id, input, expectedVersion }, ctx) =>
      customerById(ctx, await saveCustomerCommand(ctx.services, me(ctx), ctx.actor!.plantId, customerRecord(input), id, expectedVersion)),
    retireCustomer: async (_, { id, expectedVersion }, ctx) =>
      customerById(ctx, await saveCustomerCommand(ctx.services, me(ctx), ctx.actor!.plantId, (c) => ({ ...c, active: false }), id, expectedVersion)),
    createUser: async (_, { plantId, input }, ctx) => {
      requireAdminOrPlant(ctx.actor, plantId);
      const saved = await saveUserCommand(ctx.services, me(ctx), plantId, userRecord(input), null, null);
      return { user: await ctx.services.auth.user(ctx.em, saved.id), setPasswordToken: saved.setPasswordToken! };
    },
    updateUser: async (_, { id, input, expectedVersion }, ctx) => {
      const saved = await saveUserCommand(ctx.services, me(ctx), ctx.actor!.plantId, (u) => ({ ...u, name: input.name.trim(), role: input.role, active: true }), id, expectedVersion);
      return ctx.services.auth.user(ctx.em, saved.id);
    },
    retireUser: async (_, { id, expectedVersion }, ctx) => {
      const saved = await saveUserCommand(ctx.services, me(ctx), ctx.actor!.plantId, (u) => ({ ...u, active: false }), id, expectedVersion);
      return ctx.services.auth.user(ctx.em, saved.id);
    },
    issueSetPasswordToken: (_, { userId }, ctx) => issueSetPasswordToken(ctx.services, me(ctx), userId),
    setPasswordWithToken: async (_, { token, newPassword }, ctx) => {
      await ctx.services.auth.setPasswordWithToken(ctx.em, token, newPassword);
      return true;
    },
  },
  CalendarException: {
    hours: (e) => apiHours(e.minutes),
  },
};
