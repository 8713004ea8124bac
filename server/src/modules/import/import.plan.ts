import type {
  CalendarExceptionRecord, CustomerRecord, OrderRecord, ProductRecord, UserRecord, WorkCenterRecord,
} from '../masterdata/records.ts';
import { canonical, normalizedProduct, optionOrder } from '../masterdata/records.ts';
import { optionKey, type MasterData, type Stored } from '../masterdata/snapshot.ts';
import {
  checkCalendarException, checkCustomer, checkProduct, checkUser, checkWorkCenter, type Problem, type References,
} from '../masterdata/validate.ts';
import { routingShapeChanged } from '../masterdata/open-work.ts';
import { fileLabel, IMPORT_ENTITIES, type ImportEntity, type RowError } from './contract.ts';
import { WEEKDAY_COLUMNS, type Keyed, type ParsedImport } from './parse-rows.ts';

/** What an import does to one entity. */
export interface EntityCount {
  entity: ImportEntity;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  retired: number;
}

/** A record to write: new (no stored row) or changed. */
export interface Write<R> {
  record: R;
  stored?: Stored<R>;
}

/** Everything an import writes, in import order, once it has no rejected rows. */
export interface ImportPlan {
  workCenters: Write<WorkCenterRecord>[];
  exceptions: Write<CalendarExceptionRecord>[];
  products: Write<ProductRecord>[];
  customers: Write<CustomerRecord>[];
  users: Write<UserRecord>[];
  /** Orders to place at cut-over (the plant's first order import). */
  orders: Keyed<OrderRecord>[];
  /** Order rows that become change orders: the plant is live (docs/import.md, "After go-live"). */
  proposals: OrderProposal[];
  counts: EntityCount[];
}

/** An order row after go-live: a new order (`before` null) or a change to one, to propose. */
export interface OrderProposal {
  row: number;
  value: OrderRecord;
  before: OrderRecord | null;
}

/** What an order row asks for, as change orders made from rows remember it (a re-pushed row asks nothing new). */
export const orderTerms = (o: OrderRecord): string =>
  canonical({ number: o.number, customerCode: o.customerCode, sku: o.sku, quantity: o.quantity, options: o.options, dueDate: o.dueDate, unitPriceCents: o.unitPriceCents });

export interface PlanContext {
  data: MasterData;
  /** Open orders per SKU (their routing keeps its shape). */
  openOrders: ReadonlyMap<string, number>;
  /** Options (`attribute=value`) per SKU that orders chose: they cannot be removed. */
  optionsInUse: ReadonlyMap<string, ReadonlySet<string>>;
  /** The plant's orders as they are, by number (non-empty: the plant is live, orders come as change orders). */
  existingOrders: ReadonlyMap<string, OrderRecord>;
  /** Open change orders made from order rows, by order number: their number and the row's terms. */
  openProposals: ReadonlyMap<string, { changeOrder: string; terms: string }>;
  /** Emails of users in other plants (an email is unique across Takt). */
  emailsElsewhere: ReadonlySet<string>;
  /** The importing user, never deactivated by "retire missing". */
  actorEmail: string | null;
  retireMissing: boolean;
  workbook: boolean;
}

/**
 * Decides, without writing, what an import does: each row is created, updated, unchanged or
 * rejected against the plant's stored data merged with the import (rows refer to each other by
 * key, in import order), and with `retireMissing` which stored records a given file no longer
 * lists become inactive. Every problem becomes a RowError naming file, row and column.
 */
export function planImport(parsed: ParsedImport, ctx: PlanContext, errors: RowError[]): ImportPlan {
  const { data } = ctx;
  const counts = new Map<ImportEntity, EntityCount>(IMPORT_ENTITIES.map((e) => [e, { entity: e, created: 0, updated: 0, unchanged: 0, rejected: 0, retired: 0 }]));
  const count = (e: ImportEntity, what: 'created' | 'updated' | 'unchanged' | 'retired') => counts.get(e)![what]++;
  const file = (e: ImportEntity) => fileLabel(e, ctx.workbook);
  const fail = (e: ImportEntity, row: number, column: string, value: string, reason: string) => errors.push({ file: file(e), row, column, value, reason });
  const problemsAt = (e: ImportEntity, row: number, problems: Problem[], column: (field: string) => string, value: (field: string) => string) => {
    for (const p of problems) fail(e, row, column(p.field), value(p.field), p.reason);
  };

  /** Upserts by key; returns the writes and the merged view (stored records with the file's on top). */
  function merge<R>(entity: ImportEntity, rows: Keyed<R>[] | undefined, stored: Map<string, Stored<R>>, retire: (r: R) => R | null, skipRetire: (key: string) => boolean = () => false) {
    const writes: Write<R>[] = [];
    const merged = new Map<string, R>([...stored].map(([k, s]) => [k, s.record]));
    if (!rows) return { writes, merged };
    for (const r of rows) {
      const s = stored.get(r.key);
      merged.set(r.key, r.value);
      if (s && canonical(s.record) === canonical(r.value)) count(entity, 'unchanged');
      else {
        count(entity, s ? 'updated' : 'created');
        writes.push({ record: r.value, ...(s ? { stored: s } : {}) });
      }
    }
    if (ctx.retireMissing) {
      const listed = new Set(rows.map((r) => r.key));
      for (const [key, s] of stored) {
        if (listed.has(key) || skipRetire(key)) continue;
        const retired = retire(s.record);
        if (!retired) continue;
        merged.set(key, retired);
        writes.push({ record: retired, stored: s });
        count(entity, 'retired');
      }
    }
    return { writes, merged };
  }

  // Work centers
  const wc = merge('work_centers', parsed.work_centers, data.workCenters, (r) => (r.active ? { ...r, active: false } : null));
  const wcColumn = (f: string) => {
    const m = /^weeklyMinutes\.(\d)$/.exec(f);
    if (m) return WEEKDAY_COLUMNS[Number(m[1])]!;
    return ({ code: 'code', name: 'name', overtimeMinutesPerDay: 'max_overtime_hours_per_day', rateCentsPerHour: 'rate_per_hour', overtimePremiumCentsPerHour: 'overtime_premium_per_hour' } as Record<string, string>)[f] ?? f;
  };
  for (const r of parsed.work_centers ?? []) problemsAt('work_centers', r.row, checkWorkCenter(r.value), wcColumn, (f) => cellOf(r.value, f));
  const refs: References = { workCenters: new Map([...wc.merged].map(([code, r]) => [code, { active: r.active }])) };

  // Calendar exceptions
  const ex = merge('calendar_exceptions', parsed.calendar_exceptions, data.exceptions, (r) => (r.active ? { ...r, active: false } : null));
  const exColumn = (f: string) => ({ workCenterCode: 'work_center_code', dateFrom: 'date_from', dateTo: 'date_to', minutes: 'hours', reason: 'reason' } as Record<string, string>)[f] ?? f;
  for (const r of parsed.calendar_exceptions ?? []) {
    problemsAt('calendar_exceptions', r.row, checkCalendarException(r.value, refs), exColumn, (f) => cellOf(r.value, f));
    const clash = [...ex.merged].find(([key, o]) => key !== r.key && o.active && o.workCenterCode === r.value.workCenterCode && o.dateFrom <= r.value.dateTo && r.value.dateFrom <= o.dateTo);
    if (clash) {
      fail('calendar_exceptions', r.row, 'date_from', r.value.dateFrom, `overlaps the exception ${clash[1].dateFrom}–${clash[1].dateTo} of the same ${r.value.workCenterCode ? 'work center' : 'plant'}: `
        + 'to change that one keep its first date; to replace it, leave it out and import with retire missing');
    }
  }

  // Products with their routings and options
  const products = planProducts(parsed, ctx, refs, count, fail);

  // Customers and users
  const cu = merge('customers', parsed.customers, data.customers, (r) => (r.active ? { ...r, active: false } : null));
  for (const r of parsed.customers ?? []) problemsAt('customers', r.row, checkCustomer(r.value), (f) => f, (f) => cellOf(r.value, f));
  const us = merge('users', parsed.users, data.users, (r) => (r.active ? { ...r, active: false } : null), (email) => email === ctx.actorEmail);
  for (const r of parsed.users ?? []) {
    problemsAt('users', r.row, checkUser(r.value), (f) => f, (f) => cellOf(r.value, f));
    if (!data.users.has(r.key) && ctx.emailsElsewhere.has(r.key)) fail('users', r.row, 'email', r.key, 'is already the sign-in of a user in another plant; each email signs in to one plant');
    if (r.key === ctx.actorEmail && (!r.value.active || r.value.role !== data.users.get(r.key)?.record.role)) {
      fail('users', r.row, 'role', r.value.role, 'is your own account: you cannot change your own role or deactivate yourself by import');
    }
  }

  // Orders: placed at cut-over; once the plant is live, a new or changed row becomes a change order
  const orders: Keyed<OrderRecord>[] = [];
  const proposals: OrderProposal[] = [];
  const live = ctx.existingOrders.size > 0;
  /**
   * The row's customer, product, options and steps checked against the merged master data; false
   * when refused. An existing order may change though its customer or product was retired since,
   * as on the board: retired ones take no new orders.
   */
  const orderFits = (row: number, o: OrderRecord, existing = false): boolean => {
    const before = errors.length;
    const customer = cu.merged.get(o.customerCode);
    if (!customer) fail('orders', row, 'customer_code', o.customerCode, 'is not a customer of this plant (add it to customers)');
    else if (!customer.active && !existing) fail('orders', row, 'customer_code', o.customerCode, 'is a retired customer');
    const product = products.merged.get(o.sku);
    if (!product) {
      fail('orders', row, 'sku', o.sku, 'is not a product of this plant (add it to products)');
      return false;
    }
    if (!product.active && !existing) fail('orders', row, 'sku', o.sku, 'is a retired product');
    for (const [attribute, value] of Object.entries(o.options)) {
      if (!product.options.some((x) => x.attribute === attribute && x.value === value)) {
        const offered = product.options.filter((x) => x.attribute === attribute).map((x) => x.value);
        fail('orders', row, 'options', `${attribute}=${value}`, offered.length ? `is not an option of ${o.sku}; ${attribute} is one of: ${offered.join(', ')}` : `${o.sku} has no option ${attribute}`);
      }
    }
    if (o.completedSteps > product.routing.length) fail('orders', row, 'completed_steps', String(o.completedSteps), `${o.sku} has ${product.routing.length} routing steps`);
    return errors.length === before;
  };
  for (const r of parsed.orders ?? []) {
    const o = r.value;
    if (!live) {
      orderFits(r.row, o);
      if (!products.merged.has(o.sku)) continue;
      orders.push(r);
      count('orders', 'created');
      continue;
    }
    const before = ctx.existingOrders.get(o.number) ?? null;
    // progress after go-live is reported on the floor, so an order's completed steps are not compared
    const same = before && canonical({ ...before, unitPriceCents: null, completedSteps: 0 }) === canonical({ ...o, unitPriceCents: null, completedSteps: 0 })
      && (o.unitPriceCents === null || o.unitPriceCents === before.unitPriceCents);
    if (same || ctx.openProposals.get(o.number)?.terms === orderTerms(o)) {
      count('orders', 'unchanged');
      continue;
    }
    const pending = ctx.openProposals.get(o.number);
    if (!before && pending) {
      fail('orders', r.row, 'number', o.number, `${pending.changeOrder} already proposes this new order and is still open; decide or withdraw it first, then send the row again`);
      continue;
    }
    if (before && before.customerCode !== o.customerCode) {
      fail('orders', r.row, 'customer_code', o.customerCode, `${o.number} is ${before.customerCode}'s order: an order keeps its customer; cancel it in Takt and send the new one under a new number`);
      continue;
    }
    if (before && before.sku !== o.sku) {
      fail('orders', r.row, 'sku', o.sku, `${o.number} makes ${before.sku}: an order keeps its product; cancel it in Takt and send the new one under a new number`);
      continue;
    }
    if (!before && o.completedSteps > 0) {
      fail('orders', r.row, 'completed_steps', String(o.completedSteps), 'a new order after go-live starts with nothing done (leave it empty); progress is reported on the floor');
      continue;
    }
    if (!orderFits(r.row, { ...o, completedSteps: 0 }, before !== null)) continue;
    proposals.push({ row: r.row, value: o, before });
    count('orders', before ? 'updated' : 'created');
  }

  // Rejected rows per file
  for (const e of IMPORT_ENTITIES) {
    const rows = new Set(errors.filter((x) => x.file === file(e) && x.row > 1).map((x) => x.row));
    const c = counts.get(e)!;
    c.rejected = rows.size;
  }
  return {
    workCenters: wc.writes, exceptions: ex.writes, products: products.writes, customers: cu.writes, users: us.writes, orders, proposals,
    counts: IMPORT_ENTITIES.filter((e) => parsed[e] !== undefined).map((e) => counts.get(e)!),
  };
}

function cellOf(record: object, field: string): string {
  const value = field.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), record);
  return value === undefined || value === null ? '' : String(value);
}

/**
 * Products with their routing and options: products.csv gives the product, routing_steps.csv and
 * product_options.csv, when given, the complete routing and options of every SKU they name (SKUs
 * they do not name keep theirs).
 */
function planProducts(
  parsed: ParsedImport, ctx: PlanContext, refs: References,
  count: (e: ImportEntity, what: 'created' | 'updated' | 'unchanged' | 'retired') => void,
  fail: (e: ImportEntity, row: number, column: string, value: string, reason: string) => void,
) {
  const stored = ctx.data.products;
  const base = new Map((parsed.products ?? []).map((r) => [r.key, r]));
  const steps = groupBy(parsed.routing_steps ?? [], (r) => r.value.sku);
  const options = groupBy(parsed.product_options ?? [], (r) => r.value.sku);
  const merged = new Map<string, ProductRecord>([...stored].map(([k, s]) => [k, s.record]));
  const writes: Write<ProductRecord>[] = [];
  for (const sku of new Set([...base.keys(), ...steps.keys(), ...options.keys()])) {
    const s = stored.get(sku);
    const b = base.get(sku);
    if (!b && !s) {
      for (const r of steps.get(sku) ?? []) fail('routing_steps', r.row, 'sku', sku, 'is not a product (add it to products)');
      for (const r of options.get(sku) ?? []) fail('product_options', r.row, 'sku', sku, 'is not a product (add it to products)');
      continue;
    }
    const stepRows = [...(steps.get(sku) ?? [])].sort((x, y) => x.value.seq - y.value.seq);
    const optionRows = [...(options.get(sku) ?? [])].sort((x, y) => optionOrder(x.value, y.value));
    const record: ProductRecord = normalizedProduct({
      ...(b ? b.value : { sku, name: s!.record.name, materialCostCents: s!.record.materialCostCents, listPriceCents: s!.record.listPriceCents, minLeadTimeDays: s!.record.minLeadTimeDays, active: s!.record.active }),
      routing: steps.has(sku) ? stepRows.map(({ value: { sku: _, ...step } }) => step) : (s?.record.routing ?? []),
      options: options.has(sku) ? optionRows.map(({ value: { sku: _, ...o } }) => o) : (s?.record.options ?? []),
    });
    merged.set(sku, record);
    for (const p of checkProduct(record, refs)) {
      const m = /^(routing|options)\.(\d+)\.(\w+)$/.exec(p.field);
      if (m && m[1] === 'routing' && stepRows[Number(m[2])]) {
        const column = ({ seq: 'step', workCenterCode: 'work_center_code', setupMinutes: 'setup_hours', minutesPerUnit: 'hours_per_unit' } as Record<string, string>)[m[3]!]!;
        const r = stepRows[Number(m[2])]!;
        fail('routing_steps', r.row, column, cellOf(r.value, m[3]! === 'seq' ? 'seq' : m[3]!), p.reason);
      } else if (m && m[1] === 'options' && optionRows[Number(m[2])]) {
        const column = ({ attribute: 'attribute', value: 'value', addCostCents: 'add_cost_per_unit', addMinutesPerUnit: 'add_hours_per_unit', stepSeq: 'step' } as Record<string, string>)[m[3]!]!;
        const r = optionRows[Number(m[2])]!;
        fail('product_options', r.row, column, cellOf(r.value, m[3]!), p.reason);
      } else {
        const column = ({ sku: 'sku', name: 'name', materialCostCents: 'material_cost_per_unit', listPriceCents: 'list_price', minLeadTimeDays: 'min_lead_time_days' } as Record<string, string>)[p.field];
        if (b && column) fail('products', b.row, column, cellOf(record, p.field), p.reason);
        else if (p.field === 'routing' && b) fail('products', b.row, 'sku', sku, `${p.reason}`);
        else if (stepRows[0]) fail('routing_steps', stepRows[0].row, 'step', String(stepRows[0].value.seq), `${sku}: ${p.field} ${p.reason}`);
        else if (b) fail('products', b.row, 'sku', sku, `${p.field} ${p.reason}`);
      }
    }
    const used = ctx.optionsInUse.get(sku);
    for (const o of s?.record.options ?? []) {
      const key = optionKey(o.attribute, o.value);
      if (!used?.has(key) || record.options.some((x) => optionKey(x.attribute, x.value) === key)) continue;
      const r = optionRows[0];
      fail(r ? 'product_options' : 'products', r?.row ?? b!.row, r ? 'value' : 'sku', key, `orders chose ${key} of ${sku}, so it cannot be removed; keep its row`);
    }
    if (s && routingShapeChanged(s.record, record) && (ctx.openOrders.get(sku) ?? 0) > 0) {
      const r = stepRows[0];
      fail(r ? 'routing_steps' : 'products', r?.row ?? b!.row, r ? 'work_center_code' : 'sku', sku, `${sku} has ${ctx.openOrders.get(sku)} open order(s): its routing must keep its steps and work centers (times may change)`);
    }
    // counts per file: the product row, each routing step and each option
    if (b) count('products', !s ? 'created' : canonical({ ...s.record, routing: [], options: [] }) === canonical({ ...record, routing: [], options: [] }) ? 'unchanged' : 'updated');
    const storedSteps = new Map((s?.record.routing ?? []).map((x) => [x.seq, canonical(x)]));
    for (const r of stepRows) {
      const { sku: _, ...step } = r.value;
      const before = storedSteps.get(step.seq);
      count('routing_steps', before === undefined ? 'created' : before === canonical(step) ? 'unchanged' : 'updated');
    }
    const storedOptions = new Map((s?.record.options ?? []).map((x) => [optionKey(x.attribute, x.value), canonical(x)]));
    for (const r of optionRows) {
      const { sku: _, ...o } = r.value;
      const before = storedOptions.get(optionKey(o.attribute, o.value));
      count('product_options', before === undefined ? 'created' : before === canonical(o) ? 'unchanged' : 'updated');
    }
    if (!s || canonical(s.record) !== canonical(record)) writes.push({ record, ...(s ? { stored: s } : {}) });
  }
  if (ctx.retireMissing && parsed.products) {
    for (const [sku, s] of stored) {
      if (base.has(sku) || !s.record.active) continue;
      const retired = { ...s.record, active: false };
      merged.set(sku, retired);
      writes.push({ record: retired, stored: s });
      count('products', 'retired');
    }
  }
  return { writes, merged };
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

