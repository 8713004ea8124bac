import type { EntityManager } from '@mikro-orm/postgresql';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { formatMoney } from '../../shared/money.ts';
import { loadMasterData } from '../masterdata/snapshot.ts';
import { IMPORT_ENTITIES, IMPORT_FILES, type ImportEntity } from './contract.ts';
import { minutesToHours } from './cells.ts';
import { neutralize } from './import.service.ts';
import { WEEKDAY_COLUMNS } from './parse-rows.ts';

export type ExportFormat = 'CSV' | 'XLSX';

export interface ExportFile {
  name: string;
  content: Buffer;
}

type Row = Record<string, string | number>;

/** Columns written as numbers in a workbook (everything else is text, so codes like `007` keep their zeros). */
const NUMERIC = /(_hours|_per_hour|_per_unit|^hours$|^list_price$|^unit_price$|^quantity$|^step$|_days$|^completed_steps$|_hours_per_day$)/;

/**
 * A plant's master data and open orders in the import formats (docs/import.md), so an export is a
 * valid import of the same plant (it reports every row unchanged) and a template for a new one.
 * Hours are written exactly enough that the import gives back the same minutes; money in major
 * units; retired customers and calendar exceptions are left out (an import would reactivate them).
 */
export async function exportPlantData(em: EntityManager, plantId: string, format: ExportFormat): Promise<ExportFile[]> {
  const tables = await exportTables(em, plantId);
  if (format === 'CSV') {
    return IMPORT_ENTITIES.map((entity) => ({
      name: `${entity}.csv`,
      content: Buffer.from(stringify(tables[entity].map((r) => IMPORT_FILES[entity].map((c) => cell(c, r[c]))), { header: true, columns: [...IMPORT_FILES[entity]] }), 'utf8'),
    }));
  }
  const workbook = new ExcelJS.Workbook();
  for (const entity of IMPORT_ENTITIES) {
    const sheet = workbook.addWorksheet(entity);
    sheet.addRow([...IMPORT_FILES[entity]]);
    for (const r of tables[entity]) sheet.addRow(IMPORT_FILES[entity].map((c) => (NUMERIC.test(c) && r[c] !== '' ? Number(r[c]) : cell(c, r[c]))));
  }
  return [{ name: 'plant.xlsx', content: Buffer.from(await workbook.xlsx.writeBuffer()) }];
}

const cell = (column: string, value: string | number | undefined): string =>
  value === undefined ? '' : NUMERIC.test(column) ? String(value) : neutralize(String(value));

async function exportTables(em: EntityManager, plantId: string): Promise<Record<ImportEntity, Row[]>> {
  const data = await loadMasterData(em, plantId);
  const orders = await em.execute<Row[]>(
    `select o.number, c.code as customer_code, p.sku, o.quantity,
            coalesce((select string_agg(po.attribute || '=' || po.value, ';' order by po.attribute) from product_option po where po.id = any(o.option_ids)), '') as options,
            o.due_date::text as due_date, o.unit_price_cents as unit_price,
            (select count(*)::int from job j where j.order_id = o.id and j.status = 'DONE') as completed_steps
       from sales_order o join customer c on c.id = o.customer_id join product p on p.id = o.product_id
      where o.plant_id = ? and o.status in ('CONFIRMED', 'IN_PRODUCTION') order by o.number`, [plantId]);
  const products = [...data.products.values()].map((s) => s.record);
  return {
    work_centers: [...data.workCenters.values()].map(({ record: w }) => ({
      code: w.code, name: w.name,
      ...Object.fromEntries(WEEKDAY_COLUMNS.map((c, i) => [c, minutesToHours(w.weeklyMinutes[i]!)])),
      max_overtime_hours_per_day: minutesToHours(w.overtimeMinutesPerDay), rate_per_hour: formatMoney(w.rateCentsPerHour),
      overtime_premium_per_hour: formatMoney(w.overtimePremiumCentsPerHour), active: String(w.active),
    })),
    calendar_exceptions: [...data.exceptions.values()].filter((e) => e.record.active).map(({ record: e }) => ({
      work_center_code: e.workCenterCode ?? '', date_from: e.dateFrom, date_to: e.dateTo, hours: minutesToHours(e.minutes), reason: e.reason,
    })),
    products: products.map((p) => ({
      sku: p.sku, name: p.name, material_cost_per_unit: formatMoney(p.materialCostCents), list_price: formatMoney(p.listPriceCents),
      min_lead_time_days: p.minLeadTimeDays, active: String(p.active),
    })),
    routing_steps: products.flatMap((p) => p.routing.map((s) => ({
      sku: p.sku, step: s.seq, work_center_code: s.workCenterCode, setup_hours: minutesToHours(s.setupMinutes), hours_per_unit: minutesToHours(s.minutesPerUnit),
    }))),
    product_options: products.flatMap((p) => p.options.map((o) => ({
      sku: p.sku, attribute: o.attribute, value: o.value, add_cost_per_unit: formatMoney(o.addCostCents),
      add_hours_per_unit: minutesToHours(o.addMinutesPerUnit), step: o.stepSeq ?? '', review_required: String(o.reviewRequired),
    }))),
    customers: [...data.customers.values()].filter((c) => c.record.active).map(({ record: c }) => ({ code: c.code, name: c.name, tier: c.tier, contact: c.contact })),
    users: [...data.users.values()].map(({ record: u }) => ({ email: u.email, name: u.name, role: u.role, active: String(u.active) })),
    orders: orders.map((o) => ({ ...o, unit_price: formatMoney(Number(o.unit_price)) })),
  };
}
