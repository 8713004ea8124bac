import {
  addOrder,
  buildSchedule,
  type CapacityTier,
  planOrder,
  DEFAULT_POLICY,
  type Allocation,
  type Day,
  type Job,
  type Order,
  type Policy,
  type Product,
  type Schedule,
  type ScheduleInput,
  toDay,
  type WorkCenter,
} from '../../../server/src/engine/index.ts';

/** Monday 2026-11-23. Freeze window (3 working days) = Tue 24 .. Thu 26; first free day Fri 27. */
export const TODAY: Day = toDay('2026-11-23');
export const d = toDay;

const EIGHT_HOURS = 480;

/** A work center open 8 h Mon–Fri with 2 h overtime, 60.00/h, premium 30.00/h. */
export function workCenter(overrides: Partial<WorkCenter> & { id: string }): WorkCenter {
  return {
    code: overrides.id.toUpperCase(),
    weeklyMinutes: [0, EIGHT_HOURS, EIGHT_HOURS, EIGHT_HOURS, EIGHT_HOURS, EIGHT_HOURS, 0],
    exceptions: {},
    overtimeMinutesPerDay: 120,
    rateCentsPerHour: 6000,
    overtimePremiumCentsPerHour: 3000,
    ...overrides,
  };
}

/** The default three-step bracket: laser (L1) → bend (B1) → paint (P1). */
export const LASER = workCenter({ id: 'l1', code: 'Laser L1' });
export const BEND = workCenter({ id: 'b1', code: 'Bend B1' });
export const PAINT = workCenter({ id: 'p1', code: 'Paint P1' });

/**
 * A bracket: 1 min/unit laser, 2 min/unit bend, 0.5 min/unit paint, 30 min setup each; material
 * 10.00, list 40.00, lead time 5 working days. Options: grade 304 (default-ish, free), grade 316
 * (+5.00, +0.5 min on laser, review required), finish powder (+1.00, +1 min on paint).
 */
export function product(overrides: Partial<Product> = {}): Product {
  return {
    id: 'bracket',
    sku: 'BRK-100',
    materialCostCents: 1000,
    listPriceCents: 4000,
    minLeadTimeDays: 5,
    routing: [
      { seq: 10, workCenterId: 'l1', setupMinutes: 30, minutesPerUnit: 1 },
      { seq: 20, workCenterId: 'b1', setupMinutes: 30, minutesPerUnit: 2 },
      { seq: 30, workCenterId: 'p1', setupMinutes: 30, minutesPerUnit: 0.5 },
    ],
    options: [
      { id: 'g304', attribute: 'grade', value: '304', addCostCents: 0, addMinutesPerUnit: 0, stepSeq: null, reviewRequired: false },
      { id: 'g316', attribute: 'grade', value: '316', addCostCents: 500, addMinutesPerUnit: 0.5, stepSeq: 10, reviewRequired: true },
      { id: 'powder', attribute: 'finish', value: 'powder', addCostCents: 100, addMinutesPerUnit: 1, stepSeq: 30, reviewRequired: false },
    ],
    ...overrides,
  };
}

/** An order with the given jobs (default: none yet; plan it with planOrder). */
export function order(overrides: Partial<Order> & { id: string }): Order {
  return {
    productId: 'bracket',
    quantity: 100,
    optionIds: [],
    dueDate: d('2026-12-18'),
    unitPriceCents: 4000,
    status: 'CONFIRMED',
    version: 1,
    jobs: [],
    ...overrides,
  };
}

/** A job with explicit allocations; minutes default to their sum. */
export function job(overrides: Partial<Job> & { id: string; orderId: string; allocations: Allocation[] }): Job {
  return {
    seq: 10,
    workCenterId: 'l1',
    status: 'PLANNED',
    minutes: overrides.allocations.reduce((s, a) => s + a.minutes, 0),
    ...overrides,
  };
}

/**
 * "Other" load: one order on `wcId` whose single job holds `minutes` on every Mon–Fri in
 * [from, to]. Evaluations never move it.
 */
export function filler(wcId: string, from: Day, to: Day, minutes: number): Order {
  const allocations: Allocation[] = [];
  for (let day = from; day <= to; day++) {
    const weekday = (((day % 7) + 7 + 4) % 7);
    if (weekday >= 1 && weekday <= 5 && minutes > 0) allocations.push({ day, minutes });
  }
  const id = `filler-${wcId}-${from}-${minutes}`;
  return order({ id, productId: 'filler', quantity: 1, jobs: [job({ id: `${id}-job`, orderId: id, workCenterId: wcId, allocations })] });
}

/** Fills every listed work center to `pct` percent of an 8-hour day on Mon–Fri in [from, to]. */
export function fillerOrders(workCenterIds: readonly string[], from: Day, to: Day, pct: number): Order[] {
  return workCenterIds.map((wcId) => filler(wcId, from, to, Math.floor((EIGHT_HOURS * pct) / 100)));
}

/**
 * Plans an order for the request (AUTO tier unless told) and books it into the schedule, the way
 * the seeder does. Returns the booked order.
 */
export function bookOrder(
  schedule: Schedule,
  request: { id: string; quantity?: number; dueDate?: Day; optionIds?: string[]; unitPriceCents?: number; productId?: string },
  tier: CapacityTier = 'AUTO',
): Order {
  const o = order({ ...request });
  const plan = planOrder(
    schedule,
    { orderId: o.id, productId: o.productId, quantity: o.quantity, optionIds: o.optionIds, dueDate: o.dueDate },
    { today: TODAY, policy: DEFAULT_POLICY, tier },
  );
  if (!plan.ok) throw new Error(`test setup: order ${o.id} does not fit`);
  const booked = { ...o, jobs: plan.jobs };
  addOrder(schedule, booked);
  return booked;
}

/** The filler product referenced by filler orders (no routing of its own). */
export const FILLER_PRODUCT: Product = product({ id: 'filler', sku: 'FILL', routing: [], options: [] });

/** A plant's plain data: the three bracket work centers and products, plus orders. */
export function plantInput(orders: Order[] = [], extra: Partial<ScheduleInput> = {}): ScheduleInput {
  return {
    workCenters: [LASER, BEND, PAINT],
    products: [product(), FILLER_PRODUCT],
    orders,
    ...extra,
  };
}

/** Builds a schedule from {@link plantInput}. */
export function plant(orders: Order[] = [], extra: Partial<ScheduleInput> = {}): Schedule {
  return buildSchedule(plantInput(orders, extra));
}

/** The default policy with overrides. */
export function policy(overrides: Partial<Policy> = {}): Policy {
  return { ...DEFAULT_POLICY, ...overrides };
}
