import { DEMO_PRODUCTS, DEMO_WORK_CENTERS } from './demo.catalog.ts';

/**
 * Scaling the demo plant for benchmarks and load tests ("a 10,000-order plant", "40 work centers
 * × 26 weeks × 10,000 orders"): the work centers are replicated in copy groups (a second laser
 * line, a third welding bay), each group with its own copy of the products, and the orders are
 * spread over a horizon that grows with their number. Pure: no database, no randomness.
 */

/** Working days the demo's due dates are spread over at up to 300 orders (about twelve weeks). */
export const DEMO_SPAN_WORKING_DAYS = 58;
const DEMO_ORDERS = 300;
/** Growth of the span with the order count: 58 working days at 300 orders, 109 at 10,000 (due dates within 26 weeks). */
const SPAN_EXPONENT = 0.18;
/** The span never grows past two years of working days. */
const MAX_SPAN_WORKING_DAYS = 500;

/** The code of copy `copy` (0-based) of a work center or product: `LASER`, `LASER-2`, `LASER-3`… */
export function copyCode(code: string, copy: number): string {
  return copy === 0 ? code : `${code}-${copy + 1}`;
}

/** The display name of a copy: `Laser cutting`, `Laser cutting 2`… */
export function copyName(name: string, copy: number): string {
  return copy === 0 ? name : `${name} ${copy + 1}`;
}

export type ScaledWorkCenter = Omit<(typeof DEMO_WORK_CENTERS)[number], 'code' | 'name'> & {
  code: string;
  name: string;
  /** The catalogue code this one copies (`LASER` for `LASER-3`). */
  baseCode: string;
  copy: number;
};

/** The demo work centers, `copies` times, in board order (LASER, BRAKE, … QA, LASER-2, …). */
export function scaledWorkCenters(copies: number): ScaledWorkCenter[] {
  assertCopies(copies);
  return Array.from({ length: copies }, (_, copy) =>
    DEMO_WORK_CENTERS.map((wc) => ({ ...wc, code: copyCode(wc.code, copy), name: copyName(wc.name, copy), baseCode: wc.code, copy })),
  ).flat();
}

export type ScaledProduct = Omit<(typeof DEMO_PRODUCTS)[number], 'routing'> & {
  routing: { wc: string; setup: number; perUnit: number }[];
  copy: number;
};

/** The demo products once per copy group, each routed through its own group's work centers. */
export function scaledProducts(copies: number): ScaledProduct[] {
  assertCopies(copies);
  return Array.from({ length: copies }, (_, copy) =>
    DEMO_PRODUCTS.map((p) => ({
      ...p,
      sku: copyCode(p.sku, copy),
      name: copy === 0 ? p.name : `${p.name} (line ${copy + 1})`,
      routing: p.routing.map((s) => ({ ...s, wc: copyCode(s.wc, copy) })),
      copy,
    })),
  ).flat();
}

/**
 * Working days over which `orders` due dates are spread: the demo's twelve weeks up to 300
 * orders (so the default plant is unchanged), then growing as orders^0.18: 109 working days at
 * 10,000 orders, so that with the products' lead times every requested due date lies within 26
 * weeks (orders that do not fit by their date are still pushed later).
 */
export function demandSpanWorkingDays(orders: number): number {
  if (orders <= DEMO_ORDERS) return DEMO_SPAN_WORKING_DAYS;
  return Math.min(MAX_SPAN_WORKING_DAYS, Math.round(DEMO_SPAN_WORKING_DAYS * (orders / DEMO_ORDERS) ** SPAN_EXPONENT));
}

/**
 * Order size relative to the demo's, so that demand per copy group per working day stays near
 * the demo's (which runs the first weeks hot and thins out after): 1 up to the demo's density,
 * smaller orders beyond it. Without this, 10,000 orders on six copy groups over 26 weeks would
 * need two and a half times the plant's capacity and most would be pushed a year out.
 */
export function orderSizeFactor(orders: number, copies: number): number {
  assertCopies(copies);
  const demoDensity = DEMO_ORDERS / DEMO_SPAN_WORKING_DAYS;
  const density = orders / copies / demandSpanWorkingDays(orders);
  return density <= demoDensity ? 1 : demoDensity / density;
}

function assertCopies(copies: number): void {
  if (!Number.isInteger(copies) || copies < 1) throw new RangeError(`work-center copies must be a whole number ≥ 1, got ${copies}`);
}
