import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray } from '../../db/sql.ts';
import { hashPassword } from '../auth/password.ts';
import { sha256 } from '../auth/auth.service.ts';
import { AppError } from '../../shared/errors.ts';
import type { Stored } from './snapshot.ts';
import type {
  CalendarExceptionRecord, CustomerRecord, ProductRecord, UserRecord, WorkCenterRecord,
} from './records.ts';

/**
 * Writes master-data records by key: an insert when there is no stored row, else an update that
 * bumps the row's version. Callers run these inside the plant's write (write-path.ts) and decide
 * what changed; these only write. Hand-written SQL like the rest of the write path
 * (docs/adr/0008-master-data-with-the-orm.md).
 */

export async function saveWorkCenter(em: EntityManager, plantId: string, r: WorkCenterRecord, stored?: Stored<WorkCenterRecord>): Promise<string> {
  const values = [r.name, pgArray(r.weeklyMinutes), r.overtimeMinutesPerDay, r.rateCentsPerHour, r.overtimePremiumCentsPerHour, r.active];
  if (stored) {
    await em.execute(
      `update work_center set name = ?, weekly_minutes = ?::integer[], overtime_minutes_per_day = ?, rate_cents_per_hour = ?,
              overtime_premium_cents_per_hour = ?, active = ?, version = version + 1 where id = ?`, [...values, stored.id]);
    return stored.id;
  }
  const [row] = await em.execute<{ id: string }[]>(
    `insert into work_center (plant_id, code, name, weekly_minutes, overtime_minutes_per_day, rate_cents_per_hour,
       overtime_premium_cents_per_hour, active, sort)
     values (?, ?, ?, ?::integer[], ?, ?, ?, ?, (select coalesce(max(sort) + 1, 0) from work_center where plant_id = ?)) returning id`,
    [plantId, r.code, ...values, plantId]);
  return row!.id;
}

export async function saveCalendarException(
  em: EntityManager, plantId: string, r: CalendarExceptionRecord, workCenterId: string | null, stored?: Stored<CalendarExceptionRecord>,
): Promise<string> {
  if (stored) {
    await em.execute(
      'update calendar_exception set work_center_id = ?, date_from = ?, date_to = ?, minutes = ?, reason = ?, active = ?, version = version + 1 where id = ?',
      [workCenterId, r.dateFrom, r.dateTo, r.minutes, r.reason, r.active, stored.id]);
    return stored.id;
  }
  const [row] = await em.execute<{ id: string }[]>(
    'insert into calendar_exception (plant_id, work_center_id, date_from, date_to, minutes, reason, active) values (?, ?, ?, ?, ?, ?, ?) returning id',
    [plantId, workCenterId, r.dateFrom, r.dateTo, r.minutes, r.reason, r.active]);
  return row!.id;
}

/**
 * Expands the plant's active calendar exceptions into the per-date, per-work-center rows the
 * engine's calendar and the capacity queries read. A work center's own exception beats a
 * plant-wide one on the same date. One statement, so the whole plant's calendar is rebuilt at once
 * (a few hundred rows for a year of holidays on forty work centers).
 */
export async function materializeCalendar(em: EntityManager, plantId: string): Promise<void> {
  await em.execute(
    `delete from work_center_exception e using work_center w
      where w.id = e.work_center_id and w.plant_id = ? and e.calendar_exception_id is not null`, [plantId]);
  await em.execute(
    `insert into work_center_exception (work_center_id, date, minutes, reason, calendar_exception_id)
     select distinct on (w.id, d.day) w.id, d.day, ce.minutes, ce.reason, ce.id
       from calendar_exception ce
       join work_center w on w.plant_id = ce.plant_id and (ce.work_center_id is null or ce.work_center_id = w.id)
       cross join lateral (select g::date as day from generate_series(ce.date_from, ce.date_to, interval '1 day') g) d
      where ce.plant_id = ? and ce.active
      order by w.id, d.day, (ce.work_center_id is null), ce.date_from desc
     on conflict (work_center_id, date) do nothing`, [plantId]);
}

/**
 * Writes a product with its routing and options. Routing steps are replaced; options are kept by
 * (attribute, value) so orders that chose one keep pointing at it, and an option no longer offered
 * is removed only when no order chose it.
 */
export async function saveProduct(
  em: EntityManager, plantId: string, r: ProductRecord, workCenterIds: ReadonlyMap<string, string>, stored?: Stored<ProductRecord>,
): Promise<string> {
  let id: string;
  if (stored) {
    id = stored.id;
    await em.execute(
      `update product set name = ?, material_cost_cents = ?, list_price_cents = ?, min_lead_time_days = ?, active = ?, version = version + 1
        where id = ?`, [r.name, r.materialCostCents, r.listPriceCents, r.minLeadTimeDays, r.active, id]);
    await em.execute('delete from routing_step where product_id = ?', [id]);
  } else {
    const [row] = await em.execute<{ id: string }[]>(
      `insert into product (plant_id, sku, name, material_cost_cents, list_price_cents, min_lead_time_days, active)
       values (?, ?, ?, ?, ?, ?, ?) returning id`, [plantId, r.sku, r.name, r.materialCostCents, r.listPriceCents, r.minLeadTimeDays, r.active]);
    id = row!.id;
  }
  for (const s of r.routing) {
    await em.execute('insert into routing_step (product_id, seq, work_center_id, setup_minutes, minutes_per_unit) values (?, ?, ?, ?, ?)',
      [id, s.seq, workCenterIds.get(s.workCenterCode), s.setupMinutes, s.minutesPerUnit]);
  }
  const dropped = await em.execute<{ id: string; attribute: string; value: string }[]>(
    `select o.id, o.attribute, o.value from product_option o
      where o.product_id = ? and (o.attribute, o.value) not in (select k.a, k.v from unnest(?::text[], ?::text[]) as k(a, v))`,
    [id, pgArray(r.options.map((o) => o.attribute)), pgArray(r.options.map((o) => o.value))]);
  for (const o of dropped) {
    const [used] = await em.execute<{ n: number }[]>('select count(*)::int as n from sales_order where ? = any(option_ids)', [o.id]);
    if (used!.n > 0) {
      throw new AppError('BAD_USER_INPUT', `Option ${o.attribute}=${o.value} of ${r.sku} was chosen by ${used!.n} order(s) and cannot be removed.`, { field: 'options' });
    }
    await em.execute('delete from product_option where id = ?', [o.id]);
  }
  for (const o of r.options) {
    await em.execute(
      `insert into product_option (product_id, attribute, value, add_cost_cents, add_minutes_per_unit, step_seq, review_required)
       values (?, ?, ?, ?, ?, ?, ?)
       on conflict (product_id, attribute, value) do update set add_cost_cents = excluded.add_cost_cents,
         add_minutes_per_unit = excluded.add_minutes_per_unit, step_seq = excluded.step_seq, review_required = excluded.review_required`,
      [id, o.attribute, o.value, o.addCostCents, o.addMinutesPerUnit, o.stepSeq, o.reviewRequired]);
  }
  return id;
}

export async function saveCustomer(em: EntityManager, plantId: string, r: CustomerRecord, stored?: Stored<CustomerRecord>): Promise<string> {
  if (stored) {
    await em.execute('update customer set name = ?, tier = ?, contact = ?, active = ?, version = version + 1 where id = ?',
      [r.name, r.tier, r.contact, r.active, stored.id]);
    return stored.id;
  }
  const [row] = await em.execute<{ id: string }[]>(
    'insert into customer (plant_id, code, name, tier, contact, active) values (?, ?, ?, ?, ?, ?) returning id',
    [plantId, r.code, r.name, r.tier, r.contact, r.active]);
  return row!.id;
}

/** How long a set-password link stays valid. */
export const SET_PASSWORD_TTL_HOURS = 72;

/** A user with the one-time set-password token of a new user (null for an update). */
export interface SavedUser {
  id: string;
  setPasswordToken: string | null;
}

/**
 * Writes a user. A new user gets no usable password: a one-time set-password token (only its
 * SHA-256 is stored) that the admin hands over, since Takt sends no mail. A user made inactive
 * loses every session at once.
 */
export async function saveUser(em: EntityManager, plantId: string, r: UserRecord, now: Date, stored?: Stored<UserRecord>): Promise<SavedUser> {
  if (stored) {
    await em.execute('update app_user set name = ?, role = ?, active = ?, version = version + 1 where id = ?', [r.name, r.role, r.active, stored.id]);
    if (!r.active) await em.execute('delete from session where user_id = ?', [stored.id]);
    return { id: stored.id, setPasswordToken: null };
  }
  const [row] = await em.execute<{ id: string }[]>(
    'insert into app_user (plant_id, email, name, role, active, password_hash) values (?, ?, ?, ?, ?, ?) returning id',
    [plantId, r.email, r.name, r.role, r.active, await hashPassword(randomBytes(32).toString('base64url'))]);
  return { id: row!.id, setPasswordToken: await newSetPasswordToken(em, row!.id, now) };
}

/**
 * A fresh one-time set-password token for a user (only its SHA-256 is stored; an earlier one stops
 * working). It ends SET_PASSWORD_TTL_HOURS after `now`, the server's clock, which is what checks it.
 */
export async function newSetPasswordToken(em: EntityManager, userId: string, now: Date): Promise<string> {
  const token = randomBytes(24).toString('base64url');
  await em.execute('update app_user set set_password_hash = ?, set_password_expires_at = ? where id = ?',
    [sha256(token), new Date(now.getTime() + SET_PASSWORD_TTL_HOURS * 3_600_000), userId]);
  return token;
}
