import type { Role } from '../auth/roles.ts';

/**
 * A plant's master data as Takt keeps it, keyed the way files and the API name it (docs/import.md):
 * work centers by code, products by SKU, customers by code, users by email, calendar exceptions by
 * scope (a work-center code or the whole plant) and first date. Durations are minutes and money
 * cents, as everywhere inside Takt; rows refer to each other by key, never by internal id.
 */

export interface WorkCenterRecord {
  code: string;
  name: string;
  /** Regular minutes per weekday, Sunday first. */
  weeklyMinutes: number[];
  overtimeMinutesPerDay: number;
  rateCentsPerHour: number;
  overtimePremiumCentsPerHour: number;
  active: boolean;
}

/** Hours available on a date or range: on one work center, or on every one (`workCenterCode` null). */
export interface CalendarExceptionRecord {
  workCenterCode: string | null;
  dateFrom: string;
  dateTo: string;
  minutes: number;
  reason: string;
  active: boolean;
}

export interface RoutingStepRecord {
  seq: number;
  workCenterCode: string;
  setupMinutes: number;
  minutesPerUnit: number;
}

export interface ProductOptionRecord {
  attribute: string;
  value: string;
  addCostCents: number;
  addMinutesPerUnit: number;
  /** The routing step whose hours the option adds to (null: it adds no time). */
  stepSeq: number | null;
  reviewRequired: boolean;
}

export interface ProductRecord {
  sku: string;
  name: string;
  materialCostCents: number;
  listPriceCents: number;
  minLeadTimeDays: number;
  active: boolean;
  routing: RoutingStepRecord[];
  options: ProductOptionRecord[];
}

export interface CustomerRecord {
  code: string;
  name: string;
  tier: 'STRATEGIC' | 'STANDARD';
  contact: string;
  active: boolean;
}

export interface UserRecord {
  email: string;
  name: string;
  role: Role;
  active: boolean;
}

/** An open order as a file brings it at cut-over. */
export interface OrderRecord {
  number: string;
  customerCode: string;
  sku: string;
  quantity: number;
  /** Chosen option values as `attribute → value`. */
  options: Record<string, string>;
  dueDate: string;
  /** Agreed price per unit; null: the list price plus the chosen options' costs. */
  unitPriceCents: number | null;
  /** Routing steps already done at cut-over (0: none). */
  completedSteps: number;
}

/** A product with its routing by step and its options by attribute and value: equal products compare equal. */
export function normalizedProduct(p: ProductRecord): ProductRecord {
  return { ...p, routing: [...p.routing].sort((a, b) => a.seq - b.seq), options: [...p.options].sort(optionOrder) };
}

/** Options by attribute, then value (code-point order, the same in every locale). */
export function optionOrder(a: Pick<ProductOptionRecord, 'attribute' | 'value'>, b: Pick<ProductOptionRecord, 'attribute' | 'value'>): number {
  const [x, y] = [`${a.attribute}\u0000${a.value}`, `${b.attribute}\u0000${b.value}`];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The key of a calendar exception: its scope and first date. */
export const exceptionKey = (e: Pick<CalendarExceptionRecord, 'workCenterCode' | 'dateFrom'>): string =>
  `${e.workCenterCode ?? ''}|${e.dateFrom}`;

/** Sorted-keys JSON: equal records give equal strings, whatever order their fields were built in. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}
