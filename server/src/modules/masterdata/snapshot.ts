import type { EntityManager } from '@mikro-orm/postgresql';
import type {
  CalendarExceptionRecord, CustomerRecord, ProductRecord, UserRecord, WorkCenterRecord,
} from './records.ts';
import { exceptionKey, normalizedProduct } from './records.ts';

/** A stored row: its record, its id and its optimistic-concurrency version. */
export interface Stored<R> {
  id: string;
  version: number;
  record: R;
}

/** A plant's master data as records by key, read in one snapshot (what an import is diffed against). */
export interface MasterData {
  workCenters: Map<string, Stored<WorkCenterRecord>>;
  exceptions: Map<string, Stored<CalendarExceptionRecord>>;
  products: Map<string, Stored<ProductRecord> & { optionIds: Map<string, string> }>;
  customers: Map<string, Stored<CustomerRecord>>;
  users: Map<string, Stored<UserRecord>>;
}

/** `attribute=value`: how an option is named in files and in an order's options. */
export const optionKey = (attribute: string, value: string): string => `${attribute}=${value}`;

export async function loadMasterData(em: EntityManager, plantId: string): Promise<MasterData> {
  const wcs = await em.execute<{ id: string; version: number; code: string; name: string; weekly: number[]; ot: number; rate: string; premium: string; active: boolean }[]>(
    `select id, version, code, name, weekly_minutes as weekly, overtime_minutes_per_day as ot, rate_cents_per_hour as rate,
            overtime_premium_cents_per_hour as premium, active from work_center where plant_id = ? order by sort, code`, [plantId]);
  const codeOf = new Map(wcs.map((w) => [w.id, w.code]));
  const exceptions = await em.execute<{ id: string; version: number; wc: string | null; from: string; to: string; minutes: number; reason: string; active: boolean }[]>(
    `select id, version, work_center_id as wc, date_from::text as "from", date_to::text as "to", minutes, reason, active
       from calendar_exception where plant_id = ? order by date_from, work_center_id nulls first`, [plantId]);
  const products = await em.execute<{ id: string; version: number; sku: string; name: string; material: string; price: string; lead: number; active: boolean }[]>(
    `select id, version, sku, name, material_cost_cents as material, list_price_cents as price, min_lead_time_days as lead, active
       from product where plant_id = ? order by sku`, [plantId]);
  const steps = await em.execute<{ productId: string; seq: number; wc: string; setup: number; perUnit: number }[]>(
    `select rs.product_id as "productId", rs.seq, rs.work_center_id as wc, rs.setup_minutes as setup, rs.minutes_per_unit as "perUnit"
       from routing_step rs join product p on p.id = rs.product_id where p.plant_id = ? order by rs.product_id, rs.seq`, [plantId]);
  const options = await em.execute<{ id: string; productId: string; attribute: string; value: string; cost: string; minutes: number; step: number | null; review: boolean }[]>(
    `select o.id, o.product_id as "productId", o.attribute, o.value, o.add_cost_cents as cost, o.add_minutes_per_unit as minutes,
            o.step_seq as step, o.review_required as review
       from product_option o join product p on p.id = o.product_id where p.plant_id = ? order by o.attribute, o.value`, [plantId]);
  const customers = await em.execute<{ id: string; version: number; code: string; name: string; tier: 'STRATEGIC' | 'STANDARD'; contact: string; active: boolean }[]>(
    'select id, version, code, name, tier, contact, active from customer where plant_id = ? order by code', [plantId]);
  const users = await em.execute<{ id: string; version: number; email: string; name: string; role: UserRecord['role']; active: boolean }[]>(
    'select id, version, email, name, role, active from app_user where plant_id = ? order by email', [plantId]);

  const data: MasterData = { workCenters: new Map(), exceptions: new Map(), products: new Map(), customers: new Map(), users: new Map() };
  for (const w of wcs) {
    data.workCenters.set(w.code, { id: w.id, version: w.version, record: {
      code: w.code, name: w.name, weeklyMinutes: w.weekly.map(Number), overtimeMinutesPerDay: w.ot,
      rateCentsPerHour: Number(w.rate), overtimePremiumCentsPerHour: Number(w.premium), active: w.active,
    } });
  }
  for (const e of exceptions) {
    const record = { workCenterCode: e.wc ? codeOf.get(e.wc)! : null, dateFrom: e.from, dateTo: e.to, minutes: e.minutes, reason: e.reason, active: e.active };
    data.exceptions.set(exceptionKey(record), { id: e.id, version: e.version, record });
  }
  const byId = new Map<string, ProductRecord & { optionIds: Map<string, string> }>();
  for (const p of products) {
    const record = { sku: p.sku, name: p.name, materialCostCents: Number(p.material), listPriceCents: Number(p.price), minLeadTimeDays: p.lead, active: p.active, routing: [], options: [], optionIds: new Map<string, string>() };
    byId.set(p.id, record);
  }
  for (const s of steps) byId.get(s.productId)?.routing.push({ seq: s.seq, workCenterCode: codeOf.get(s.wc)!, setupMinutes: s.setup, minutesPerUnit: Number(s.perUnit) });
  for (const o of options) {
    const p = byId.get(o.productId);
    if (!p) continue;
    p.options.push({ attribute: o.attribute, value: o.value, addCostCents: Number(o.cost), addMinutesPerUnit: Number(o.minutes), stepSeq: o.step, reviewRequired: o.review });
    p.optionIds.set(optionKey(o.attribute, o.value), o.id);
  }
  for (const p of products) {
    const { optionIds, ...record } = byId.get(p.id)!;
    data.products.set(p.sku, { id: p.id, version: p.version, record: normalizedProduct(record), optionIds });
  }
  for (const c of customers) data.customers.set(c.code, { id: c.id, version: c.version, record: { code: c.code, name: c.name, tier: c.tier, contact: c.contact, active: c.active } });
  for (const u of users) data.users.set(u.email, { id: u.id, version: u.version, record: { email: u.email, name: u.name, role: u.role, active: u.active } });
  return data;
}
