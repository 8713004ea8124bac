import fc from 'fast-check';
import { toDay, type Allocation, type Day, type Order, type Product, type ScheduleInput, type WorkCenter } from '../../../server/src/engine/index.ts';
import { ANY_DAY_DATES } from '../../support/any-day.ts';
import { job, order, TODAY } from './factories.ts';

/** A random work center: 0–10 h per weekday (often closed at weekends), holidays, overtime. */
export const workCenterArb = (id: string): fc.Arbitrary<WorkCenter> =>
  fc
    .record({
      weekly: fc.tuple(
        fc.constantFrom(0, 0, 240),
        ...Array.from({ length: 5 }, () => fc.constantFrom(0, 240, 480, 600)),
        fc.constantFrom(0, 0, 300),
      ),
      holidays: fc.array(fc.tuple(fc.integer({ min: 0, max: 150 }), fc.constantFrom(0, 0, 120)), { maxLength: 6 }),
      overtime: fc.constantFrom(0, 60, 120, 180),
    })
    .filter((r) => r.weekly.some((m) => m > 0))
    .map(({ weekly, holidays, overtime }) => ({
      id,
      code: id.toUpperCase(),
      weeklyMinutes: weekly,
      exceptions: Object.fromEntries(holidays.map(([offset, minutes]) => [String(TODAY + offset), minutes])),
      overtimeMinutesPerDay: overtime,
      rateCentsPerHour: 4500,
      overtimePremiumCentsPerHour: 2250,
    }));

/**
 * A product whose 1–4 routing steps run on the given work centers (repeats allowed), with 0–3
 * options, each its own attribute (so any subset is a valid choice): some add minutes to a step,
 * some only cost (a colour).
 */
export const productArb = (wcIds: readonly string[]): fc.Arbitrary<Product> =>
  fc
    .record({
      steps: fc.array(
        fc.record({
          wc: fc.constantFrom(...wcIds),
          setup: fc.integer({ min: 0, max: 60 }),
          perUnit: fc.constantFrom(0.25, 0.5, 1, 1.1, 1.5, 2, 3.3),
        }),
        { minLength: 1, maxLength: 4 },
      ),
      options: fc.array(fc.record({ step: fc.nat(), addMinutes: fc.constantFrom(0, 0, 0.5, 1), addCost: fc.constantFrom(0, 150) }), { maxLength: 3 }),
    })
    .map(({ steps, options }) => ({
      id: 'p',
      sku: 'P-1',
      materialCostCents: 700,
      listPriceCents: 5000,
      minLeadTimeDays: 3,
      routing: steps.map((s, i) => ({ seq: (i + 1) * 10, workCenterId: s.wc, setupMinutes: s.setup, minutesPerUnit: s.perUnit })),
      options: options.map((o, i) => ({
        id: `opt${i}`,
        attribute: `attr${i}`,
        value: `v${i}`,
        addCostCents: o.addCost,
        addMinutesPerUnit: o.addMinutes,
        stepSeq: o.addMinutes === 0 ? null : ((o.step % steps.length) + 1) * 10,
        reviewRequired: false,
      })),
    }));

/** Background load of other orders: random minutes on random days of each work center. */
export const backgroundArb = (wcIds: readonly string[]): fc.Arbitrary<Order[]> =>
  fc
    .array(fc.tuple(fc.constantFrom(...wcIds), fc.integer({ min: -3, max: 120 }), fc.integer({ min: 30, max: 700 })), { maxLength: 80 })
    .map((entries) =>
      entries.map(([wcId, offset, minutes], i) => {
        const id = `bg${i}`;
        const allocations: Allocation[] = [{ day: TODAY + offset, minutes }];
        return order({ id, productId: 'bg', quantity: 1, jobs: [job({ id: `${id}-j`, orderId: id, workCenterId: wcId, allocations })] });
      }),
    );

export interface RandomPlant {
  readonly input: ScheduleInput;
  readonly product: Product;
  /**
   * Offset of "today" from the factories' Monday: one of the "any day" dates (every weekday, a
   * year's turn, daylight-saving Sundays, a leap day), with the whole plant moved along with it.
   */
  readonly todayOffset: number;
}

/** Moves a plant drawn around the factories' TODAY by `shift` days (holidays and load with it). */
function shiftPlant(workCenters: readonly WorkCenter[], background: readonly Order[], shift: number) {
  return {
    workCenters: workCenters.map((w) => ({
      ...w,
      exceptions: Object.fromEntries(Object.entries(w.exceptions).map(([day, minutes]) => [String(Number(day) + shift), minutes])),
    })),
    background: background.map((o) => ({
      ...o,
      dueDate: o.dueDate + shift,
      jobs: o.jobs.map((j) => ({ ...j, allocations: j.allocations.map((a) => ({ ...a, day: a.day + shift })) })),
    })),
  };
}

/** A random plant of 1–3 work centers, one product, and background load. */
export const plantArb: fc.Arbitrary<RandomPlant> = fc
  .integer({ min: 1, max: 3 })
  .chain((n) => {
    const ids = Array.from({ length: n }, (_, i) => `w${i}`);
    return fc.record({
      workCenters: fc.tuple(...ids.map(workCenterArb)),
      product: productArb(ids),
      background: backgroundArb(ids),
      today: fc.constantFrom(...ANY_DAY_DATES),
    });
  })
  .map(({ workCenters, product, background, today }) => {
    const todayOffset = toDay(today) - TODAY;
    const shifted = shiftPlant(workCenters, background, todayOffset);
    return {
      input: {
        workCenters: shifted.workCenters,
        products: [product, { ...product, id: 'bg', routing: [] }],
        orders: shifted.background,
      },
      product,
      todayOffset,
    };
  });

export const quantityArb = fc.integer({ min: 1, max: 400 });
/** Due dates from today to ~4 months out (some infeasible, some not). */
export const dueOffsetArb = fc.integer({ min: 0, max: 120 });

export function todayOf(plant: RandomPlant): Day {
  return TODAY + plant.todayOffset;
}
