import { describe, expect, it } from 'vitest';
import { serverWithDatabase } from '../support/lifecycle.ts';
import { signIn, type ApiClient } from '../support/api.ts';
import { buildPlant, todayUtc } from '../support/factories.ts';
import { ok, propose } from '../support/change-orders.ts';

const db = serverWithDatabase();

const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

const BOTH = `query($plantId: ID!, $from: Date!, $to: Date!) {
  board(plantId: $plantId, from: $from, to: $to) {
    from lastEventSeq
    workCenters { id }
    buckets { workCenterId date capacityHours overtimeHours loadHours }
    jobs { id orderId seq workCenterId start end hours status completedQuantity }
    orders { id number quantity dueDate status atRisk customer { id name } product { id sku name } }
    packed {
      days bucketCapacityMinutes bucketOvertimeMinutes bucketLoadMinutes
      jobs { id order seq workCenter startOffset endOffset minutes status completedQuantity }
      orders { id number quantity dueDate status atRisk customer product }
      customers { id name }
      products { id sku name }
    }
  }
}`;

interface Packed {
  days: number;
  bucketCapacityMinutes: number[];
  bucketOvertimeMinutes: number[];
  bucketLoadMinutes: number[];
  jobs: { id: string[]; order: number[]; seq: number[]; workCenter: number[]; startOffset: number[]; endOffset: number[]; minutes: number[]; status: string[]; completedQuantity: number[] };
  orders: { id: string[]; number: string[]; quantity: number[]; dueDate: string[]; status: string[]; atRisk: number[]; customer: number[]; product: number[] };
  customers: { id: string; name: string }[];
  products: { id: string; sku: string; name: string }[];
}
interface Both {
  from: string;
  lastEventSeq: number;
  workCenters: { id: string }[];
  buckets: { workCenterId: string; date: string; capacityHours: number; overtimeHours: number; loadHours: number }[];
  jobs: { id: string; orderId: string; seq: number; workCenterId: string; start: string; end: string; hours: number; status: string; completedQuantity: number }[];
  orders: { id: string; number: string; quantity: number; dueDate: string; status: string; atRisk: boolean; customer: { id: string; name: string }; product: { id: string; sku: string; name: string } }[];
  packed: Packed;
}

const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));

/** Unpacks the columns independently of the client's decoder, into the object lists' shape. */
function unpack(b: Both) {
  const p = b.packed;
  const hours = (m: number) => Math.round((m / 60) * 10_000) / 10_000;
  const buckets = b.workCenters.flatMap((wc, w) =>
    Array.from({ length: p.days }, (_, d) => ({
      workCenterId: wc.id,
      date: addDays(b.from, d),
      capacityHours: hours(p.bucketCapacityMinutes[w * p.days + d]!),
      overtimeHours: hours(p.bucketOvertimeMinutes[w * p.days + d]!),
      loadHours: hours(p.bucketLoadMinutes[w * p.days + d]!),
    })),
  );
  const orders = p.orders.id.map((id, i) => ({
    id,
    number: p.orders.number[i]!,
    quantity: p.orders.quantity[i]!,
    dueDate: p.orders.dueDate[i]!,
    status: p.orders.status[i]!,
    atRisk: p.orders.atRisk[i] === 1,
    customer: p.customers[p.orders.customer[i]!]!,
    product: p.products[p.orders.product[i]!]!,
  }));
  const jobs = p.jobs.id.map((id, i) => ({
    id,
    orderId: p.orders.id[p.jobs.order[i]!]!,
    seq: p.jobs.seq[i]!,
    workCenterId: b.workCenters[p.jobs.workCenter[i]!]!.id,
    start: addDays(b.from, p.jobs.startOffset[i]!),
    end: addDays(b.from, p.jobs.endOffset[i]!),
    hours: hours(p.jobs.minutes[i]!),
    status: p.jobs.status[i]!,
    completedQuantity: p.jobs.completedQuantity[i]!,
  }));
  return { buckets, orders: byId(orders), jobs: byId(jobs) };
}

async function board(client: ApiClient, plantId: string, from: string, to: string): Promise<Both> {
  return (await client.data<{ board: Both }>(BOTH, { plantId, from, to })).board;
}

describe('the packed board', () => {
  it('carries exactly the buckets, jobs and orders of the object lists, before and after changes', async () => {
    const plant = await buildPlant(db.server.databaseUrl, {
      fillerMinutes: 300,
      fillerDays: 12,
      orders: { A: { quantity: 1, dueInWorkingDays: 25 }, B: { quantity: 2, dueInWorkingDays: 15 } },
    });
    const planner = await signIn(db.server.url, plant.users.PLANNER);
    const from = addDays(todayUtc(), -1);
    const to = addDays(from, 60);
    const before = await board(planner, plant.plantId, from, to);
    expect(before.jobs.length).toBeGreaterThan(2);
    expect(unpack(before)).toEqual({ buckets: before.buckets, orders: byId(before.orders), jobs: byId(before.jobs) });

    ok(await propose(planner, { orderId: plant.orders.A!.id, quantity: 2 }));
    const after = await board(planner, plant.plantId, from, to);
    // the same range asked again at a new sequence is packed again, not served from before
    expect(after.lastEventSeq).toBeGreaterThan(before.lastEventSeq);
    expect(after.packed.orders.quantity[after.packed.orders.id.indexOf(plant.orders.A!.id)]).toBe(2);
    expect(after.packed.bucketLoadMinutes).not.toEqual(before.packed.bucketLoadMinutes);
    expect(unpack(after)).toEqual({ buckets: after.buckets, orders: byId(after.orders), jobs: byId(after.jobs) });

    // progress on the floor is packed too: the units done of a job (the board's progress fill)
    await planner.data('mutation($i: ProgressReportInput!) { reportProgress(input: $i) { id } }', {
      i: { jobId: plant.orders.B!.jobId, action: 'REPORT', goodQuantity: 1, idempotencyKey: 'packed-progress' },
    });
    const reported = await board(planner, plant.plantId, from, to);
    expect(reported.packed.jobs.completedQuantity[reported.packed.jobs.id.indexOf(plant.orders.B!.jobId)]).toBe(1);
    expect(unpack(reported)).toEqual({ buckets: reported.buckets, orders: byId(reported.orders), jobs: byId(reported.jobs) });
  });
});
