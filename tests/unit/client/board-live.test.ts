import { describe, expect, it } from 'vitest';
import { applyScheduleEvents, withOrders } from '../../../client/src/board/model/live.ts';
import { buildRows, rowView, weekCells, dayColumns } from '../../../client/src/board/model/layout.ts';
import type { BoardData } from '../../../client/src/board/model/board-data.ts';
import type { BoardEvent } from '../../../client/src/realtime/connection.ts';

const wc = { id: 'w1', code: 'LASER', name: 'Laser' };
const order = (id: string) => ({ id, number: `SO-${id}`, quantity: 1, dueDate: '2026-12-31', status: 'CONFIRMED' as const, atRisk: false, customer: { id: 'c', name: 'C', tier: 'STANDARD' as const }, product: { id: 'p', sku: 'P', name: 'P' } });
const job = (id: string, orderId: string, start: string, end = start) => ({ id, orderId, seq: 1, workCenterId: 'w1', start, end, hours: 4, status: 'PLANNED' as const, completedQuantity: 0 });
const bucket = (date: string, loadHours: number) => ({ workCenterId: 'w1', date, capacityHours: 8, overtimeHours: 2, loadHours, utilization: loadHours / 8 });

function board(): BoardData {
  return {
    from: '2026-11-23', to: '2026-12-06', lastEventSeq: 10,
    plant: { id: 'pl', name: 'Plant', today: '2026-11-23', timeZone: 'Europe/Berlin' },
    workCenters: [wc],
    buckets: [bucket('2026-11-24', 4), bucket('2026-11-25', 4)],
    jobs: [job('j1', 'o1', '2026-11-24'), job('j2', 'o2', '2026-11-25')],
    orders: [order('o1'), order('o2')],
  } as BoardData;
}

const scheduleChanged = (seq: number, fields: Partial<BoardEvent>): BoardEvent =>
  ({ seq, type: 'SCHEDULE_CHANGED', at: '', plantId: 'pl', changeOrderId: null, orderId: null, orderIds: [], jobs: [], removedJobIds: [], buckets: [], status: null, version: null, policyVersion: null, reason: null, ...fields }) as BoardEvent;

describe('patching the board from board events', () => {
  it('replaces jobs and buckets by id, drops removed jobs and those that left the range, and asks for unknown orders', () => {
    const moved = { ...job('j1', 'o1', '2026-11-30'), allocations: [{ date: '2026-11-30', hours: 4 }] };
    const away = { ...job('j2', 'o2', '2027-02-01'), allocations: [{ date: '2027-02-01', hours: 4 }] };
    const fresh = { ...job('j3', 'o3', '2026-11-26'), allocations: [{ date: '2026-11-26', hours: 2 }] };
    const { board: next, staleOrderIds } = applyScheduleEvents(board(), [
      scheduleChanged(11, { jobs: [moved, away], buckets: [bucket('2026-11-24', 0), bucket('2026-11-30', 4), bucket('2027-02-01', 4)] }),
      scheduleChanged(12, { jobs: [fresh], orderIds: ['o1'] }),
    ]);
    expect(next.jobs.map((j: { id: string; start: string }) => [j.id, j.start]).sort()).toEqual([['j1', '2026-11-30'], ['j3', '2026-11-26']]);
    expect(next.buckets.find((b: { date: string }) => b.date === '2026-11-24')!.loadHours).toBe(0);
    expect(next.buckets.some((b: { date: string }) => b.date === '2027-02-01')).toBe(false);
    expect(next.lastEventSeq).toBe(12);
    expect([...staleOrderIds].sort()).toEqual(['o1', 'o3']);
    // orders without jobs on the board go, fetched ones come in
    expect(withOrders(next, [order('o3')]).orders.map((o: { id: string }) => o.id).sort()).toEqual(['o1', 'o3']);
  });

  it('leaves the board untouched by events that are not schedule changes', () => {
    const b = board();
    expect(applyScheduleEvents(b, [{ ...scheduleChanged(11, {}), type: 'CHANGE_ORDER_UPDATED' } as BoardEvent]).board).toBe(b);
  });
});

describe('board layout', () => {
  it("keeps the selected order's jobs visible in a collapsed row", () => {
    const many = { ...board(), jobs: Array.from({ length: 8 }, (_, i) => job(`j${i}`, `o${i}`, '2026-11-24')), orders: Array.from({ length: 8 }, (_, i) => order(`o${i}`)) };
    const [row] = buildRows(many);
    expect(row!.lanes).toBe(8);
    const hiddenOrder = row!.jobs.find((p) => p.lane === 7)!.job.orderId;
    const view = rowView(row!, false, hiddenOrder);
    expect(view.jobs.some((p) => p.job.orderId === hiddenOrder && p.lane === 4)).toBe(true);
    expect(view.hidden).toEqual([]); // its column shows the pinned job instead of a count
  });

  it('sums buckets per week for the week zoom, with utilization over the summed capacity', () => {
    const b = board();
    const [row] = buildRows(b);
    const weeks = weekCells(row!.cells, dayColumns(b.from, b.to));
    expect(weeks.map((w) => [w.date, w.span, w.loadHours, w.capacityHours])).toEqual([['2026-11-23', 7, 8, 16], ['2026-11-30', 7, 0, 0]]);
    expect(weeks[0]!.utilization).toBe(0.5);
  });
});
