import { describe, expect, it } from 'vitest';
import { unpackBoard } from '../../../client/src/board/model/pack.ts';
import type { BoardQuery } from '../../../client/src/gql/graphql.ts';

const packedBoard: BoardQuery['board'] = {
  from: '2026-11-30',
  to: '2026-12-01',
  lastEventSeq: 7,
  plant: { id: 'p', name: 'Plant', today: '2026-11-30', timeZone: 'Europe/Berlin' },
  workCenters: [{ id: 'wc-1', code: 'LAS', name: 'Laser' }, { id: 'wc-2', code: 'BND', name: 'Bending' }],
  packed: {
    days: 2,
    bucketCapacityMinutes: [480, 480, 0, 420],
    bucketOvertimeMinutes: [120, 120, 0, 60],
    bucketLoadMinutes: [100, 0, 0, 140],
    jobs: { id: ['j1', 'j2'], order: [1, 0], seq: [1, 2], workCenter: [1, 0], startOffset: [-2, 0], endOffset: [1, 0], minutes: [140, 100], status: ['STARTED', 'PLANNED'], completedQuantity: [2, 0] },
    orders: { id: ['o1', 'o2'], number: ['SO-1', 'SO-2'], quantity: [3, 5], dueDate: ['2026-12-10', '2026-12-11'], status: ['CONFIRMED', 'IN_PRODUCTION'], atRisk: [0, 1], customer: [0, 0], product: [1, 0] },
    customers: [{ id: 'c1', name: 'Acme', tier: 'STANDARD' }],
    products: [{ id: 'p1', sku: 'A', name: 'Alpha' }, { id: 'p2', sku: 'B', name: 'Beta' }],
  },
};

describe('unpacking the board columns', () => {
  const board = unpackBoard(packedBoard);

  it('gives every bucket its work center and date, with hours and utilization as the API rounds them', () => {
    expect(board.buckets).toEqual([
      { workCenterId: 'wc-1', date: '2026-11-30', capacityHours: 8, overtimeHours: 2, loadHours: 1.6667, utilization: 0.2083 },
      { workCenterId: 'wc-1', date: '2026-12-01', capacityHours: 8, overtimeHours: 2, loadHours: 0, utilization: 0 },
      { workCenterId: 'wc-2', date: '2026-11-30', capacityHours: 0, overtimeHours: 0, loadHours: 0, utilization: 0 },
      { workCenterId: 'wc-2', date: '2026-12-01', capacityHours: 7, overtimeHours: 1, loadHours: 2.3333, utilization: 0.3333 },
    ]);
  });

  it('resolves jobs to their order and work center, and offsets to dates (before the range too)', () => {
    expect(board.jobs).toEqual([
      { id: 'j1', orderId: 'o2', seq: 1, workCenterId: 'wc-2', start: '2026-11-28', end: '2026-12-01', hours: 2.3333, status: 'STARTED', completedQuantity: 2 },
      { id: 'j2', orderId: 'o1', seq: 2, workCenterId: 'wc-1', start: '2026-11-30', end: '2026-11-30', hours: 1.6667, status: 'PLANNED', completedQuantity: 0 },
    ]);
  });

  it('resolves orders to their customer and product, and keeps the rest of the board', () => {
    expect(board.orders[1]).toEqual({
      id: 'o2', number: 'SO-2', quantity: 5, dueDate: '2026-12-11', status: 'IN_PRODUCTION', atRisk: true,
      customer: { id: 'c1', name: 'Acme', tier: 'STANDARD' }, product: { id: 'p1', sku: 'A', name: 'Alpha' },
    });
    expect(board.orders[0]!.product.sku).toBe('B');
    expect(board).toMatchObject({ from: '2026-11-30', to: '2026-12-01', lastEventSeq: 7, plant: { id: 'p' } });
    expect('packed' in board).toBe(false);
  });
});
