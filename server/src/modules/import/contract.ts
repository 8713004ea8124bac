/**
 * The import files' columns: a public contract (docs/import.md). Header names are exact; the
 * entities are imported in this order, so that every row can refer to rows before it by key.
 */
export const IMPORT_FILES = {
  work_centers: ['code', 'name', 'mon_hours', 'tue_hours', 'wed_hours', 'thu_hours', 'fri_hours', 'sat_hours', 'sun_hours',
    'max_overtime_hours_per_day', 'rate_per_hour', 'overtime_premium_per_hour', 'active'],
  calendar_exceptions: ['work_center_code', 'date_from', 'date_to', 'hours', 'reason'],
  products: ['sku', 'name', 'material_cost_per_unit', 'list_price', 'min_lead_time_days', 'active'],
  routing_steps: ['sku', 'step', 'work_center_code', 'setup_hours', 'hours_per_unit'],
  product_options: ['sku', 'attribute', 'value', 'add_cost_per_unit', 'add_hours_per_unit', 'step', 'review_required'],
  customers: ['code', 'name', 'tier', 'contact'],
  users: ['email', 'name', 'role', 'active'],
  orders: ['number', 'customer_code', 'sku', 'quantity', 'options', 'due_date', 'unit_price', 'completed_steps'],
} as const;

export type ImportEntity = keyof typeof IMPORT_FILES;
export const IMPORT_ENTITIES = Object.keys(IMPORT_FILES) as ImportEntity[];

/** Largest file accepted (a 10,000-order plant's orders.csv is under 1 MB). */
export const MAX_IMPORT_FILE_BYTES = 20 * 1024 * 1024;

/** One data row of a file: its row number as a spreadsheet shows it (header = 1) and its cells by column. */
export interface SourceRow {
  row: number;
  cells: Record<string, string>;
}

/** One problem, pointing at a file, row and column, with the value found and what to do. */
export interface RowError {
  file: string;
  row: number;
  column: string;
  value: string;
  reason: string;
}

/** The files of one import, by entity (absent: the entity is not part of this import). */
export type SourceTables = Partial<Record<ImportEntity, SourceRow[]>>;

/** A file's display name: `orders.csv`, or the sheet `orders` of a workbook. */
export const fileLabel = (entity: ImportEntity, workbook: boolean): string => (workbook ? entity : `${entity}.csv`);
