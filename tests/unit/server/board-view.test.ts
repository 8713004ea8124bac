import { describe, expect, it } from 'vitest';
import { compileWorkCenter, toDay } from '../../../server/src/engine/index.ts';
import type { BoardJob, BoardModel } from '../../../server/src/modules/schedule/board.model.ts';
import { bucketsOf, jobsOf, ordersOf, packBoard, sliceBoard } from '../../../server/src/modules/schedule/board.view.ts';
import type { OrderDto } from '../../../server/src/modules/order/order.dto.ts';

const MON = toDay('2026-11-23');
const center = (id: string, code: string) => ({
  id, code, name: code, weeklyMinutes: [0, 480, 480, 480, 480, 480, 0], overtimeMinutesPerDay: 120,
  rateCentsPerHour: 6000, overtimePremiumCentsPerHour: 2000, active: true, version: 1, exceptions: { '2026-11-25': 0 } as Record<string, number>,
});
const order = (id: string, number: string, customer: string): OrderDto => ({
  id, plantId: 'p', number, customer: { id: customer, code: customer, name: `Customer ${customer}`, tier: 'STANDARD', contact: '', active: true, version: 1 },
  productId: 'prod', product: { id: 'prod', sku: 'SKU', name: 'Bracket' } as OrderDto['product'], quantity: 4, optionIds: [],
  dueDate: '2026-12-10', unitPriceCents: 1000, status: 'CONFIRMED', version: 1,
  baselineFinish: null, projectedFinish: null, atRisk: false, riskCause: null,
});
const job = (id: string, orderId: string, seq: number, workCenterId: string, allocations: [number, number][]): BoardJob => ({
  dto: { id, orderId, seq, workCenterId, start: '', end: '', minutes: allocations.reduce((s, [, m]) => s + m, 0), status: 'PLANNED', version: 1,
    completedQuantity: 0, scrapQuantity: 0, actualMinutes: 0, paused: false },
  startDay: MON + allocations[0]![0], endDay: MON + allocations[allocations.length - 1]![0],
  allocationDays: allocations.map(([d]) => MON + d), allocationMinutes: allocations.map(([, m]) => m),
});

function model(): BoardModel {
  const centers = [center('wc-b', 'B'), center('wc-a', 'A')];
  return {
    workCenters: centers,
    calendars: centers.map(compileWorkCenter),
    orders: new Map([['o1', order('o1', 'SO-2', 'c1')], ['o2', order('o2', 'SO-1', 'c1')], ['o3', order('o3', 'SO-3', 'c2')]]),
    jobsByOrder: new Map([
      // o1: starts three days before the range, ends inside it
      ['o1', [job('j1', 'o1', 1, 'wc-a', [[-3, 100], [1, 200]]), job('j2', 'o1', 2, 'wc-b', [[2, 60]])]],
      // o2: one job inside, one entirely after the range
      ['o2', [job('j3', 'o2', 1, 'wc-b', [[0, 30], [1, 30]]), job('j4', 'o2', 2, 'wc-a', [[9, 50]])]],
      // o3: entirely before the range
      ['o3', [job('j5', 'o3', 1, 'wc-a', [[-5, 40]])]],
    ]),
  };
}

describe('a board cut from the model', () => {
  it('takes the jobs whose span overlaps the range and each of their orders once', () => {
    const view = sliceBoard(model(), MON, MON + 4);
    expect(view.jobs.map((j) => j.dto.id).sort()).toEqual(['j1', 'j2', 'j3']);
    expect(ordersOf(view).map((o) => o.number)).toEqual(['SO-1', 'SO-2']);
    expect(jobsOf(view).map((j) => j.id)).toEqual(['j1', 'j2', 'j3']); // by work center id, then start
  });

  it('loads buckets only with the allocations inside the range', () => {
    const buckets = bucketsOf(sliceBoard(model(), MON, MON + 4));
    expect(buckets).toHaveLength(10);
    const at = (wc: string, date: string) => buckets.find((b) => b.workCenterId === wc && b.date === date)!;
    expect(at('wc-a', '2026-11-24').loadMinutes).toBe(200); // j1's day before the range is not counted
    expect(at('wc-b', '2026-11-24').loadMinutes).toBe(30);
    expect(at('wc-b', '2026-11-25')).toEqual({ workCenterId: 'wc-b', date: '2026-11-25', capacityMinutes: 0, overtimeMinutes: 0, loadMinutes: 60 });
    expect(at('wc-a', '2026-11-23')).toMatchObject({ capacityMinutes: 480, overtimeMinutes: 120, loadMinutes: 0 });
    expect(buckets.reduce((s, b) => s + b.loadMinutes, 0)).toBe(200 + 60 + 30 + 30);
  });

  it('packs the same view as columns whose rows point at each other', () => {
    const m = model();
    const view = sliceBoard(m, MON, MON + 4);
    const packed = packBoard(view);
    expect(packed.days).toBe(5);
    expect(packed.bucketLoadMinutes).toEqual(bucketsOf(view).map((b) => b.loadMinutes));
    expect(packed.bucketCapacityMinutes).toEqual(bucketsOf(view).map((b) => b.capacityMinutes));
    const j1 = packed.jobs.id.indexOf('j1');
    expect(packed.jobs.startOffset[j1]).toBe(-3);
    expect(packed.jobs.endOffset[j1]).toBe(1);
    expect(packed.orders.id[packed.jobs.order[j1]!]).toBe('o1');
    expect(m.workCenters[packed.jobs.workCenter[j1]!]!.id).toBe('wc-a');
    expect(packed.customers).toHaveLength(1); // both orders belong to c1: one row
    expect(packed.orders.customer).toEqual([0, 0]);
    expect(packed.products.map((p) => p.sku)).toEqual(['SKU']);
  });
});
