import { ROLES, type Role } from '../auth/roles.ts';
import type {
  CalendarExceptionRecord, CustomerRecord, OrderRecord, ProductOptionRecord, RoutingStepRecord, UserRecord, WorkCenterRecord,
} from '../masterdata/records.ts';
import { exceptionKey } from '../masterdata/records.ts';
import { CellReader, hoursToMinutes, hoursToMinutesPerUnit } from './cells.ts';
import { fileLabel, type ImportEntity, type RowError, type SourceTables } from './contract.ts';

/** A parsed row: its key, where it came from, and its value. */
export interface Keyed<T> {
  key: string;
  row: number;
  value: T;
}

export type ProductBase = { sku: string; name: string; materialCostCents: number; listPriceCents: number; minLeadTimeDays: number; active: boolean };

/** Every row of an import as records, entity by entity (absent: the file was not given). */
export interface ParsedImport {
  work_centers?: Keyed<WorkCenterRecord>[];
  calendar_exceptions?: Keyed<CalendarExceptionRecord>[];
  products?: Keyed<ProductBase>[];
  routing_steps?: Keyed<RoutingStepRecord & { sku: string }>[];
  product_options?: Keyed<ProductOptionRecord & { sku: string }>[];
  customers?: Keyed<CustomerRecord>[];
  users?: Keyed<UserRecord>[];
  orders?: Keyed<OrderRecord>[];
}

/** Weekday columns in the engine's order (Sunday first). */
export const WEEKDAY_COLUMNS = ['sun_hours', 'mon_hours', 'tue_hours', 'wed_hours', 'thu_hours', 'fri_hours', 'sat_hours'] as const;

/**
 * Reads every row's cells into records, collecting every cell problem and duplicate key (not just
 * the first). References between files (a routing step's work center, an order's SKU) are checked
 * later, against the plant's data merged with the import.
 */
export function parseRows(tables: SourceTables, workbook: boolean, errors: RowError[]): ParsedImport {
  const parsed: ParsedImport = {};
  const each = <T>(entity: ImportEntity, keyColumn: string, read: (r: CellReader) => { key: string; value: T }): Keyed<T>[] | undefined => {
    const rows = tables[entity];
    if (!rows) return undefined;
    const file = fileLabel(entity, workbook);
    const seen = new Map<string, number>();
    const out: Keyed<T>[] = [];
    for (const source of rows) {
      let ok = true;
      const reader = new CellReader(source.cells, (column, value, reason) => {
        ok = false;
        errors.push({ file, row: source.row, column, value, reason });
      });
      const { key, value } = read(reader);
      if (!ok) continue;
      const first = seen.get(key);
      if (first !== undefined) {
        errors.push({ file, row: source.row, column: keyColumn, value: reader.raw(keyColumn), reason: `duplicate key: the same ${keyColumn.replace(/_/g, ' ')} is on row ${first}; keep one row` });
        continue;
      }
      seen.set(key, source.row);
      out.push({ key, row: source.row, value });
    }
    return out;
  };

  parsed.work_centers = each('work_centers', 'code', (r) => {
    const code = r.text('code');
    return { key: code, value: {
      code, name: r.text('name'), weeklyMinutes: WEEKDAY_COLUMNS.map((c) => hoursToMinutes(r.number(c, 0, 'hours'))),
      overtimeMinutesPerDay: hoursToMinutes(r.number('max_overtime_hours_per_day', 0, 'hours')),
      rateCentsPerHour: r.money('rate_per_hour'), overtimePremiumCentsPerHour: r.money('overtime_premium_per_hour', 0), active: r.boolean('active', true),
    } };
  });
  parsed.calendar_exceptions = each('calendar_exceptions', 'date_from', (r) => {
    const workCenterCode = r.text('work_center_code', '') || null;
    const dateFrom = r.date('date_from');
    const value = { workCenterCode, dateFrom, dateTo: r.date('date_to', dateFrom), minutes: hoursToMinutes(r.number('hours', null, 'hours')), reason: r.text('reason', ''), active: true };
    return { key: exceptionKey(value), value };
  });
  parsed.products = each('products', 'sku', (r) => {
    const sku = r.text('sku');
    return { key: sku, value: {
      sku, name: r.text('name'), materialCostCents: r.money('material_cost_per_unit'), listPriceCents: r.money('list_price'),
      minLeadTimeDays: r.wholeNumber('min_lead_time_days', 0), active: r.boolean('active', true),
    } };
  });
  parsed.routing_steps = each('routing_steps', 'step', (r) => {
    const sku = r.text('sku');
    const seq = r.wholeNumber('step');
    return { key: `${sku}|${seq}`, value: {
      sku, seq, workCenterCode: r.text('work_center_code'), setupMinutes: hoursToMinutes(r.number('setup_hours', 0, 'hours')),
      minutesPerUnit: hoursToMinutesPerUnit(r.number('hours_per_unit', null, 'hours')),
    } };
  });
  parsed.product_options = each('product_options', 'value', (r) => {
    const sku = r.text('sku');
    const attribute = r.text('attribute');
    const value = r.text('value');
    const step = r.raw('step') === '' ? null : r.wholeNumber('step');
    return { key: `${sku}|${attribute}=${value}`, value: {
      sku, attribute, value, addCostCents: r.money('add_cost_per_unit', 0), addMinutesPerUnit: hoursToMinutesPerUnit(r.number('add_hours_per_unit', 0, 'hours')),
      stepSeq: step, reviewRequired: r.boolean('review_required', false),
    } };
  });
  parsed.customers = each('customers', 'code', (r) => {
    const code = r.text('code');
    const name = r.text('name');
    const tier = r.text('tier', 'STANDARD').toUpperCase();
    if (tier !== 'STRATEGIC' && tier !== 'STANDARD') errorsFor(r, 'tier', 'must be STRATEGIC or STANDARD');
    return { key: code, value: { code, name, tier: tier as CustomerRecord['tier'], contact: r.text('contact', ''), active: true } };
  });
  parsed.users = each('users', 'email', (r) => {
    const email = r.text('email').toLowerCase();
    const role = r.text('role').toUpperCase();
    if (role !== '' && !(ROLES as readonly string[]).includes(role)) errorsFor(r, 'role', `must be one of ${ROLES.join(', ')}`);
    return { key: email, value: { email, name: r.text('name'), role: role as Role, active: r.boolean('active', true) } };
  });
  parsed.orders = each('orders', 'number', (r) => {
    const number = r.text('number');
    const options: Record<string, string> = {};
    for (const part of r.raw('options').split(';').map((s) => s.trim()).filter(Boolean)) {
      const eq = part.indexOf('=');
      if (eq <= 0) errorsFor(r, 'options', `"${part}" is not attribute=value; write options as attribute=value;attribute=value`);
      else if (options[part.slice(0, eq).trim()] !== undefined) errorsFor(r, 'options', `chooses ${part.slice(0, eq).trim()} twice`);
      else options[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
    }
    const quantity = r.wholeNumber('quantity');
    if (quantity <= 0) errorsFor(r, 'quantity', 'must be at least 1');
    const completedSteps = r.wholeNumber('completed_steps', 0);
    if (completedSteps < 0) errorsFor(r, 'completed_steps', 'must be 0 or more');
    return { key: number, value: {
      number, customerCode: r.text('customer_code'), sku: r.text('sku'), quantity, options, dueDate: r.date('due_date'),
      unitPriceCents: r.raw('unit_price') === '' ? null : r.money('unit_price'), completedSteps,
    } };
  });
  return Object.fromEntries(Object.entries(parsed).filter(([, v]) => v !== undefined)) as ParsedImport;
}

/** Records a problem through the reader's failure callback (the row is then dropped). */
function errorsFor(r: CellReader, column: string, reason: string): void {
  r.fail(column, reason);
}

