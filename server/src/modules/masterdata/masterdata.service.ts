import type { EntityManager } from '@mikro-orm/postgresql';
import type { Services } from '../../services.ts';
import type { Actor } from '../auth/actor.ts';
import { AppError, conflict, notFound } from '../../shared/errors.ts';
import { isUuid } from '../../shared/ids.ts';
import { withPlantWrite, type PlantWrite } from '../events/write-path.ts';
import { insertDefaultPolicy } from '../policy/policy.service.ts';
import { DEFAULT_CURRENCY, plantById, workCentersOf, type PlantDto } from '../plant/plant.service.ts';
import {
  materializeCalendar, newSetPasswordToken, saveCalendarException, saveCustomer, saveProduct, saveUser, saveWorkCenter, type SavedUser,
} from './apply.ts';
import { loadMasterData, type MasterData } from './snapshot.ts';
import type {
  CalendarExceptionRecord, CustomerRecord, ProductRecord, UserRecord, WorkCenterRecord,
} from './records.ts';
import {
  checkCalendarException, checkCustomer, checkProduct, checkUser, checkWorkCenter, isCurrency, isTimeZone, type Problem, type References,
} from './validate.ts';
import { openOrdersByProduct, routingShapeChanged } from './open-work.ts';

/**
 * The master-data commands of the API (schema/masterdata.graphql). Each runs in the plant's write
 * (write-path.ts) with an optimistic-concurrency check, writes through apply.ts, and emits a
 * BOARD_RESET when what open boards and the engine's schedule hold (calendars, work centers,
 * products, customers) changed: both caches reload the plant and every open board refetches, so
 * a capacity change is on every screen at once. Load that no longer fits stays where it is and
 * shows as overload; nothing is dropped.
 */

export interface CalendarExceptionDto {
  id: string;
  workCenterId: string | null;
  dateFrom: string;
  dateTo: string;
  minutes: number;
  reason: string;
  active: boolean;
  version: number;
}

export interface PlantSettings {
  name: string;
  timeZone: string;
  shipBufferDays: number;
  /** ISO 4217; left out, a new plant takes the default and a changed one keeps its own. */
  currency?: string;
}

/** BAD_USER_INPUT naming every problem; `field` is the first problem's. */
export function rejectProblems(what: string, problems: Problem[]): void {
  if (problems.length === 0) return;
  throw new AppError('BAD_USER_INPUT', `${what}: ${problems.map((p) => `${p.field} ${p.reason}`).join('; ')}.`, { field: problems[0]!.field });
}

function checkPlant(s: PlantSettings): void {
  const problems: Problem[] = [];
  if (s.name.trim() === '' || s.name.length > 255) problems.push({ field: 'name', reason: 'must have 1 to 255 characters' });
  if (!isTimeZone(s.timeZone)) problems.push({ field: 'timeZone', reason: 'must be an IANA time zone such as Europe/Berlin or America/Chicago' });
  if (!Number.isInteger(s.shipBufferDays) || s.shipBufferDays < 0 || s.shipBufferDays > 30) problems.push({ field: 'shipBufferDays', reason: 'must be a whole number from 0 to 30' });
  if (s.currency !== undefined && !isCurrency(s.currency)) problems.push({ field: 'currency', reason: 'must be an ISO 4217 currency code such as EUR or USD' });
  rejectProblems('The plant cannot be saved', problems);
}

/** Creates a plant with the default policy; its first board event is a BOARD_RESET. */
export async function createPlant(services: Services, actor: Actor | null, s: PlantSettings): Promise<PlantDto> {
  checkPlant(s);
  const [row] = await services.orm.em.fork().execute<{ id: string }[]>(
    'insert into plant (name, time_zone, ship_buffer_days, currency) values (?, ?, ?, coalesce(?, ?)) returning id',
    [s.name.trim(), s.timeZone, s.shipBufferDays, s.currency ?? null, DEFAULT_CURRENCY]);
  const plantId = row!.id;
  await withPlantWrite(services.orm, plantId, actor, async (w) => {
    await insertDefaultPolicy(w.em, plantId);
    w.emit({ type: 'BOARD_RESET', reason: 'plant created' });
    w.audit({ action: 'PLANT_CREATED', entityType: 'Plant', entityId: plantId, data: { ...s } });
  });
  return plantById(services.orm.em.fork(), services.clock, plantId);
}

export async function updatePlant(services: Services, actor: Actor | null, plantId: string, s: PlantSettings, expectedVersion: number): Promise<PlantDto> {
  checkPlant(s);
  await withPlantWrite(services.orm, plantId, actor, async (w) => {
    const [p] = await w.em.execute<{ version: number }[]>('select version from plant where id = ?', [plantId]);
    if (p!.version !== expectedVersion) throw conflict('The plant', p!.version);
    await w.em.execute('update plant set name = ?, time_zone = ?, ship_buffer_days = ?, currency = coalesce(?, currency), version = version + 1 where id = ?',
      [s.name.trim(), s.timeZone, s.shipBufferDays, s.currency ?? null, plantId]);
    w.emit({ type: 'BOARD_RESET', reason: 'plant settings changed' });
    w.audit({ action: 'PLANT_UPDATED', entityType: 'Plant', entityId: plantId, data: { ...s } });
  });
  return plantById(services.orm.em.fork(), services.clock, plantId);
}

/** The plant a row belongs to, from the actor's plant: NOT_FOUND for another plant's or an unknown id. */
async function rowOfPlant(em: EntityManager, table: string, what: string, id: string, plantId: string): Promise<void> {
  const [row] = isUuid(id) ? await em.execute<{ id: string }[]>(`select id from ${table} where id = ? and plant_id = ?`, [id, plantId]) : [];
  if (!row) throw notFound(what, id);
}

function expect(what: string, stored: { version: number }, expectedVersion: number | null): void {
  if (expectedVersion !== null && stored.version !== expectedVersion) throw conflict(what, stored.version);
}

const refsOf = (data: MasterData): References => ({
  workCenters: new Map([...data.workCenters].map(([code, w]) => [code, { active: w.record.active }])),
});

const capacityChanged = (w: PlantWrite, reason: string) => w.emit({ type: 'BOARD_RESET', reason });

/** Inserts or updates one work center (by code) and rebuilds the calendar rows plant-wide exceptions give it. */
export async function saveWorkCenterCommand(
  services: Services, actor: Actor, plantId: string, record: WorkCenterRecord, existingId: string | null, expectedVersion: number | null,
): Promise<string> {
  rejectProblems('The work center cannot be saved', checkWorkCenter(record));
  const { value } = await withPlantWrite(services.orm, plantId, actor, async (w) => {
    if (existingId) await rowOfPlant(w.em, 'work_center', 'Work center', existingId, plantId);
    const data = await loadMasterData(w.em, plantId);
    const stored = existingId ? [...data.workCenters.values()].find((x) => x.id === existingId) : undefined;
    if (existingId && stored) {
      expect(`Work center ${stored.record.code}`, stored, expectedVersion);
      record.code = stored.record.code;
    } else if (data.workCenters.has(record.code)) {
      throw new AppError('BAD_USER_INPUT', `A work center with the code ${record.code} already exists.`, { field: 'code' });
    }
    const id = await saveWorkCenter(w.em, plantId, record, stored);
    await materializeCalendar(w.em, plantId);
    capacityChanged(w, `work center ${record.code} ${stored ? 'changed' : 'added'}`);
    w.audit({ action: stored ? 'WORK_CENTER_UPDATED' : 'WORK_CENTER_CREATED', entityType: 'WorkCenter', entityId: id, data: { ...record } });
    return id;
  });
  return value;
}

export async function retireWorkCenterCommand(services: Services, actor: Actor, id: string, expectedVersion: number): Promise<string> {
  const plantId = actor.plantId;
  await withPlantWrite(services.orm, plantId, actor, async (w) => {
    await rowOfPlant(w.em, 'work_center', 'Work center', id, plantId);
    const stored = [...(await loadMasterData(w.em, plantId)).workCenters.values()].find((x) => x.id === id)!;
    expect(`Work center ${stored.record.code}`, stored, expectedVersion);
    await saveWorkCenter(w.em, plantId, { ...stored.record, active: false }, stored);
    capacityChanged(w, `work center ${stored.record.code} retired`);
    w.audit({ action: 'WORK_CENTER_RETIRED', entityType: 'WorkCenter', entityId: id });
  });
  return id;
}

/** Inserts, updates or retires a calendar exception and rebuilds the plant's per-date calendar. */
export async function saveCalendarExceptionCommand(
  services: Services, actor: Actor, plantId: string, input: Omit<CalendarExceptionRecord, 'workCenterCode'> & { workCenterId: string | null },
  existingId: string | null, expectedVersion: number | null,
): Promise<string> {
  const { value } = await withPlantWrite(services.orm, plantId, actor, async (w) => {
    if (existingId) await rowOfPlant(w.em, 'calendar_exception', 'Calendar exception', existingId, plantId);
    const data = await loadMasterData(w.em, plantId);
    let workCenterCode: string | null = null;
    if (input.workCenterId !== null) {
      const wc = [...data.workCenters.values()].find((x) => x.id === input.workCenterId);
      if (!wc) throw notFound('Work center', input.workCenterId);
      workCenterCode = wc.record.code;
    }
    const { workCenterId: _, ...rest } = input;
    const record: CalendarExceptionRecord = { ...rest, workCenterCode };
    rejectProblems('The calendar exception cannot be saved', checkCalendarException(record, refsOf(data)));
    const stored = existingId ? [...data.exceptions.values()].find((x) => x.id === existingId) : undefined;
    if (stored) expect('The calendar exception', stored, expectedVersion);
    const clash = [...data.exceptions.values()].find((x) => x.id !== existingId && x.record.active && record.active
      && x.record.workCenterCode === record.workCenterCode && x.record.dateFrom <= record.dateTo && record.dateFrom <= x.record.dateTo);
    if (clash) {
      throw new AppError('BAD_USER_INPUT', `It overlaps the exception ${clash.record.dateFrom}–${clash.record.dateTo} (${clash.record.reason || 'no reason'}) of the same ${record.workCenterCode ? 'work center' : 'plant'}; change that one instead.`, { field: 'dateFrom' });
    }
    const id = await saveCalendarException(w.em, plantId, record, input.workCenterId, stored);
    await materializeCalendar(w.em, plantId);
    capacityChanged(w, `calendar exception ${record.dateFrom}–${record.dateTo} ${stored ? (record.active ? 'changed' : 'retired') : 'added'}`);
    w.audit({ action: stored ? (record.active ? 'CALENDAR_EXCEPTION_UPDATED' : 'CALENDAR_EXCEPTION_RETIRED') : 'CALENDAR_EXCEPTION_CREATED', entityType: 'CalendarException', entityId: id, data: { ...record } });
    return id;
  });
  return value;
}

/**
 * The `retireCalendarException` command: the exception as stored, made inactive (its version is
 * checked under the lock; an unknown id is NOT_FOUND there).
 */
export async function retireCalendarExceptionCommand(services: Services, actor: Actor, id: string, expectedVersion: number): Promise<string> {
  const current = (await calendarExceptionsOf(services.orm.em.fork(), actor.plantId, null, null, true)).find((e) => e.id === id);
  const input = current ? { ...current, active: false } : { workCenterId: null, dateFrom: '2000-01-01', dateTo: '2000-01-01', minutes: 0, reason: '', active: false };
  return saveCalendarExceptionCommand(services, actor, actor.plantId, input, id, expectedVersion);
}

/**
 * The `createProduct` and `updateProduct` commands: the API names a routing's work centers by id,
 * the record by code; `record` is given the plant's code of an id (read here, before the lock).
 */
export async function saveProductInputCommand(
  services: Services, actor: Actor, plantId: string, record: (codeOf: ReadonlyMap<string, string>) => ProductRecord,
  existingId: string | null, expectedVersion: number | null,
): Promise<string> {
  const codeOf = new Map((await workCentersOf(services.orm.em.fork(), plantId)).map((w) => [w.id, w.code]));
  return saveProductCommand(services, actor, plantId, record(codeOf), existingId, expectedVersion);
}

/** Inserts, updates or retires a product (by SKU); its routing keeps its shape while orders are open. */
export async function saveProductCommand(
  services: Services, actor: Actor, plantId: string, record: ProductRecord | ((stored: ProductRecord) => ProductRecord),
  existingId: string | null, expectedVersion: number | null,
): Promise<string> {
  const { value } = await withPlantWrite(services.orm, plantId, actor, async (w) => {
    if (existingId) await rowOfPlant(w.em, 'product', 'Product', existingId, plantId);
    const data = await loadMasterData(w.em, plantId);
    const stored = existingId ? [...data.products.values()].find((x) => x.id === existingId) : undefined;
    const next = typeof record === 'function' ? record(stored!.record) : record;
    if (stored) {
      expect(`Product ${stored.record.sku}`, stored, expectedVersion);
      next.sku = stored.record.sku;
    } else if (data.products.has(next.sku)) {
      throw new AppError('BAD_USER_INPUT', `A product with the SKU ${next.sku} already exists.`, { field: 'sku' });
    }
    rejectProblems('The product cannot be saved', checkProduct(next, refsOf(data)));
    if (stored && routingShapeChanged(stored.record, next)) {
      const open = (await openOrdersByProduct(w.em, plantId)).get(next.sku) ?? 0;
      if (open > 0) throw new AppError('BAD_USER_INPUT', `${next.sku} has ${open} open order(s): its routing must keep its steps and work centers (times may change).`, { field: 'routing' });
    }
    const wcIds = new Map([...data.workCenters].map(([code, x]) => [code, x.id]));
    const id = await saveProduct(w.em, plantId, next, wcIds, stored);
    w.emit({ type: 'BOARD_RESET', reason: `product ${next.sku} ${stored ? 'changed' : 'added'}` });
    w.audit({ action: stored ? (next.active ? 'PRODUCT_UPDATED' : 'PRODUCT_RETIRED') : 'PRODUCT_CREATED', entityType: 'Product', entityId: id, data: { sku: next.sku } });
    return id;
  });
  return value;
}

/** Inserts, updates or retires a customer (by code). */
export async function saveCustomerCommand(
  services: Services, actor: Actor, plantId: string, record: CustomerRecord | ((stored: CustomerRecord) => CustomerRecord),
  existingId: string | null, expectedVersion: number | null,
): Promise<string> {
  const { value } = await withPlantWrite(services.orm, plantId, actor, async (w) => {
    if (existingId) await rowOfPlant(w.em, 'customer', 'Customer', existingId, plantId);
    const data = await loadMasterData(w.em, plantId);
    const stored = existingId ? [...data.customers.values()].find((x) => x.id === existingId) : undefined;
    const next = typeof record === 'function' ? record(stored!.record) : record;
    if (stored) {
      expect(`Customer ${stored.record.code}`, stored, expectedVersion);
      next.code = stored.record.code;
    } else if (data.customers.has(next.code)) {
      throw new AppError('BAD_USER_INPUT', `A customer with the code ${next.code} already exists.`, { field: 'code' });
    }
    rejectProblems('The customer cannot be saved', checkCustomer(next));
    const id = await saveCustomer(w.em, plantId, next, stored);
    w.emit({ type: 'BOARD_RESET', reason: `customer ${next.code} ${stored ? 'changed' : 'added'}` });
    w.audit({ action: stored ? (next.active ? 'CUSTOMER_UPDATED' : 'CUSTOMER_RETIRED') : 'CUSTOMER_CREATED', entityType: 'Customer', entityId: id, data: { code: next.code } });
    return id;
  });
  return value;
}

/** Inserts, updates or deactivates a user (by email); a new one comes with a set-password token. */
export async function saveUserCommand(
  services: Services, actor: Actor, plantId: string, record: UserRecord | ((stored: UserRecord) => UserRecord),
  existingId: string | null, expectedVersion: number | null,
): Promise<SavedUser> {
  const { value } = await withPlantWrite(services.orm, plantId, actor, async (w) => {
    if (existingId) await rowOfPlant(w.em, 'app_user', 'User', existingId, plantId);
    const data = await loadMasterData(w.em, plantId);
    const stored = existingId ? [...data.users.values()].find((x) => x.id === existingId) : undefined;
    const next = typeof record === 'function' ? record(stored!.record) : { ...record, email: record.email.trim().toLowerCase() };
    if (stored) {
      expect(`User ${stored.record.email}`, stored, expectedVersion);
      next.email = stored.record.email;
      if (stored.id === actor.userId && (!next.active || next.role !== 'ADMIN')) {
        throw new AppError('BAD_USER_INPUT', 'You cannot deactivate yourself or take away your own ADMIN role; ask another administrator.', { field: 'role' });
      }
    } else {
      const [taken] = await w.em.execute<{ id: string }[]>('select id from app_user where lower(email) = ?', [next.email]);
      if (taken) throw new AppError('BAD_USER_INPUT', `A user with the email ${next.email} already exists.`, { field: 'email' });
    }
    rejectProblems('The user cannot be saved', checkUser(next));
    const saved = await saveUser(w.em, plantId, next, services.clock.now(), stored);
    w.audit({ action: stored ? (next.active ? 'USER_UPDATED' : 'USER_DEACTIVATED') : 'USER_CREATED', entityType: 'User', entityId: saved.id, data: { email: next.email, role: next.role } });
    return saved;
  });
  return value;
}

/** A new one-time set-password token for a user of the actor's plant (audited; the token itself is not). */
export async function issueSetPasswordToken(services: Services, actor: Actor, userId: string): Promise<string> {
  const { value } = await withPlantWrite(services.orm, actor.plantId, actor, async (w) => {
    await rowOfPlant(w.em, 'app_user', 'User', userId, actor.plantId);
    w.audit({ action: 'SET_PASSWORD_TOKEN_ISSUED', entityType: 'User', entityId: userId });
    return newSetPasswordToken(w.em, userId, services.clock.now());
  });
  return value;
}

/** The plant's calendar exceptions overlapping a range, by first date. */
export async function calendarExceptionsOf(em: EntityManager, plantId: string, from: string | null, to: string | null, includeRetired: boolean): Promise<CalendarExceptionDto[]> {
  return em.execute<CalendarExceptionDto[]>(
    `select id, work_center_id as "workCenterId", date_from::text as "dateFrom", date_to::text as "dateTo", minutes, reason, active, version
       from calendar_exception where plant_id = ? and (?::date is null or date_to >= ?::date) and (?::date is null or date_from <= ?::date)
        and (active or ?) order by date_from, work_center_id nulls first`,
    [plantId, from, from, to, to, includeRetired]);
}

export async function calendarExceptionById(em: EntityManager, id: string): Promise<CalendarExceptionDto> {
  const [row] = await em.execute<CalendarExceptionDto[]>(
    `select id, work_center_id as "workCenterId", date_from::text as "dateFrom", date_to::text as "dateTo", minutes, reason, active, version
       from calendar_exception where id = ?`, [id]);
  return row!;
}
