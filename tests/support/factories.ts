import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { hashPassword } from '../../server/src/modules/auth/password.ts';
import { suiteToday } from './suite-clock.ts';

/** Plant-local (UTC) today on the suite's clock, and weekday arithmetic for factory plants (Mon–Fri working days). */
export const todayUtc = suiteToday;
export function workingDay(from: string, n: number): string {
  const d = new Date(`${from}T00:00:00Z`);
  for (let left = n; left > 0; ) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) left--;
  }
  return d.toISOString().slice(0, 10);
}

export const ROLES = ['SALES_REP', 'SALES_REP_2', 'PLANNER', 'OPS_MANAGER', 'PLANT_MANAGER', 'ACCOUNTING', 'QUALITY', 'ADMIN', 'OPERATOR'] as const;
export type FactoryRole = (typeof ROLES)[number];

export interface FactoryPlant {
  plantId: string;
  workCenterId: string;
  productId: string;
  standardOptionId: string;
  reviewOptionId: string;
  customerId: string;
  /** Email of the user for each role (password "demo"). */
  users: Record<FactoryRole, string>;
  /** Name of the user for each role, as notifications and screens show them. */
  names: Record<FactoryRole, string>;
  userIds: Record<FactoryRole, string>;
  /** Orders by name with their job id. */
  orders: Record<string, { id: string; jobId: string }>;
}

let demoHash: Promise<string> | null = null;

export interface PlantSpec {
  /** The plant's today (default: the suite's); filler and orders are placed relative to it. */
  today?: string;
  /** Minutes of other work already on every working day of the first `fillerDays` working days. */
  fillerMinutes?: number;
  fillerDays?: number;
  /** Orders to create: quantity (60 min per unit), due in N working days, price per unit in cents. */
  orders?: Record<string, { quantity: number; dueInWorkingDays: number; unitPriceCents?: number }>;
}

/**
 * Builds an isolated plant in its own rows (outline's factories: parents are made as needed), so
 * tests never share state: one work center CELL (8 h Mon–Fri, 2 h overtime, 60.00/h), one product
 * (60 min per unit, material 10.00, list price 100.00, lead 2 days, a standard option and one that
 * needs a quality review), one customer, one user per role, filler load, and orders placed on the
 * working day before their due date.
 */
export async function buildPlant(databaseUrl: string, spec: PlantSpec = {}): Promise<FactoryPlant> {
  demoHash ??= hashPassword('demo');
  const hash = await demoHash;
  const tag = randomBytes(4).toString('hex');
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const q = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) => (await client.query(text, params)).rows as T[];
  try {
    await client.query('begin');
    const [plant] = await q<{ id: string }>(`insert into plant (name, time_zone, ship_buffer_days) values ($1, 'UTC', 1) returning id`, [`Factory ${tag}`]);
    const plantId = plant!.id;
    await q(`insert into policy (plant_id, version, auto_approve_max_utilization_bp, manager_max_utilization_bp, overtime_allowed,
      freeze_window_working_days, cost_increase_limit_cents, min_margin_bp, approval_sla_hours, reason)
      values ($1, 1, 8000, 10000, true, 3, 500000, 1500, 8, 'Default rules')`, [plantId]);
    const [wc] = await q<{ id: string }>(`insert into work_center (plant_id, code, name, weekly_minutes, overtime_minutes_per_day, rate_cents_per_hour,
      overtime_premium_cents_per_hour) values ($1, 'CELL', 'Cell', '{0,480,480,480,480,480,0}', 120, 6000, 3000) returning id`, [plantId]);
    const [product] = await q<{ id: string }>(`insert into product (plant_id, sku, name, material_cost_cents, list_price_cents, min_lead_time_days)
      values ($1, 'P-1', 'Panel', 1000, 10000, 2) returning id`, [plantId]);
    await q(`insert into routing_step (product_id, seq, work_center_id, setup_minutes, minutes_per_unit) values ($1, 1, $2, 0, 60)`, [product!.id, wc!.id]);
    const [standard] = await q<{ id: string }>(`insert into product_option (product_id, attribute, value, add_cost_cents, review_required)
      values ($1, 'finish', 'Standard', 0, false) returning id`, [product!.id]);
    const [review] = await q<{ id: string }>(`insert into product_option (product_id, attribute, value, add_cost_cents, review_required)
      values ($1, 'finish', 'Food grade', 100, true) returning id`, [product!.id]);
    const [customer] = await q<{ id: string }>(`insert into customer (plant_id, code, name, tier) values ($1, 'ACME', 'Acme', 'STANDARD') returning id`, [plantId]);
    const users = {} as Record<FactoryRole, string>;
    const names = {} as Record<FactoryRole, string>;
    const userIds = {} as Record<FactoryRole, string>;
    for (const role of ROLES) {
      const email = `${role.toLowerCase()}.${tag}@factory.test`;
      const [u] = await q<{ id: string }>(`insert into app_user (plant_id, email, name, role, password_hash) values ($1, $2, $3, $4, $5) returning id`, [
        plantId, email, `${role} ${tag}`, role === 'SALES_REP_2' ? 'SALES_REP' : role, hash,
      ]);
      users[role] = email;
      names[role] = `${role} ${tag}`;
      userIds[role] = u!.id;
    }
    const today = spec.today ?? todayUtc();
    let number = 1;
    const addOrder = async (quantity: number, due: string, unitPriceCents: number, days: { date: string; minutes: number }[]) => {
      const orderId = randomUUID();
      const jobId = randomUUID();
      await q(`insert into sales_order (id, plant_id, number, customer_id, product_id, quantity, option_ids, due_date, unit_price_cents)
        values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, [orderId, plantId, `SO-${number++}`, customer!.id, product!.id, quantity, [standard!.id], due, unitPriceCents]);
      await q(`insert into job (id, order_id, plant_id, seq, work_center_id, minutes, start_date, end_date) values ($1, $2, $3, 1, $4, $5, $6, $7)`, [
        jobId, orderId, plantId, wc!.id, days.reduce((s, d) => s + d.minutes, 0), days[0]!.date, days[days.length - 1]!.date,
      ]);
      for (const d of days) {
        await q(`insert into allocation (job_id, date, work_center_id, plant_id, minutes) values ($1, $2, $3, $4, $5)`, [jobId, d.date, wc!.id, plantId, d.minutes]);
      }
      return { id: orderId, jobId };
    };
    if (spec.fillerMinutes && spec.fillerDays) {
      const days = Array.from({ length: spec.fillerDays }, (_, i) => ({ date: workingDay(today, i + 1), minutes: spec.fillerMinutes! }));
      await addOrder(1, workingDay(today, spec.fillerDays + 30), 10_000_000, days);
    }
    const orders: FactoryPlant['orders'] = {};
    for (const [name, o] of Object.entries(spec.orders ?? {})) {
      const due = workingDay(today, o.dueInWorkingDays);
      orders[name] = await addOrder(o.quantity, due, o.unitPriceCents ?? 10_000, [{ date: workingDay(today, o.dueInWorkingDays - 1), minutes: o.quantity * 60 }]);
    }
    await client.query('commit');
    return { plantId, workCenterId: wc!.id, productId: product!.id, standardOptionId: standard!.id, reviewOptionId: review!.id, customerId: customer!.id, users, names, userIds, orders };
  } catch (err) {
    await client.query('rollback');
    throw err;
  } finally {
    await client.end();
  }
}
