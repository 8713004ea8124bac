import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';
import { code, signIn, type ApiClient } from '../support/api.ts';
import { sql } from '../support/database.ts';
import { bearer, createToken, wsSession } from '../support/security.ts';
import { buildPlant, todayUtc, workingDay, type FactoryPlant } from '../support/factories.ts';
import { bucketLoads, checkInvariants, type BucketLoads } from '../support/invariants.ts';

/**
 * Progress from the floor over HTTP (docs/product.md §12): a completed job frees what remained of
 * it and the board event says so; a retried report counts once; racing reports on one job end
 * with one winner and a CONFLICT; an MES reports with a progress:write token; a DONE order ships.
 */

const REPORT = `mutation($input: ProgressReportInput!) { reportProgress(input: $input) {
  id status paused completedQuantity scrapQuantity actualHours remainingHours minutes allocations { date minutes } } }`;
const ORDER = `query($id: ID!) { order(id: $id) { status version atRisk riskCause baselineFinish projectedFinish
  jobs { id status completedQuantity remainingHours } } }`;

interface JobResult {
  id: string; status: string; paused: boolean; completedQuantity: number; scrapQuantity: number; actualHours: number;
  remainingHours: number; minutes: number; allocations: { date: string; minutes: number }[];
}

let server: TestServer;
let plant: FactoryPlant;
let operator: ApiClient;
let planner: ApiClient;
let baseline: BucketLoads;
const today = todayUtc();

const report = (client: ApiClient, input: Record<string, unknown>) => client.request<{ reportProgress: JobResult }>(REPORT, { input });
const loadOn = async (date: string) =>
  (await sql<{ n: number }>(server.databaseUrl, 'select coalesce(sum(minutes), 0)::int as n from allocation where plant_id = $1 and date = $2', [plant.plantId, date]))[0]!.n;

beforeAll(async () => {
  server = await startServer();
  plant = await buildPlant(server.databaseUrl, {
    orders: {
      A: { quantity: 4, dueInWorkingDays: 8 },
      B: { quantity: 3, dueInWorkingDays: 10 },
      C: { quantity: 2, dueInWorkingDays: 12 },
      D: { quantity: 3, dueInWorkingDays: 14 },
      E: { quantity: 2, dueInWorkingDays: 16 },
    },
  });
  baseline = await bucketLoads(server.databaseUrl, plant.plantId);
  [operator, planner] = await Promise.all([signIn(server.url, plant.users.OPERATOR), signIn(server.url, plant.users.PLANNER)]);
});
afterAll(async () => {
  await server?.stop();
});

describe('reportProgress', () => {
  it('START then COMPLETE with quantities frees the remaining load, finishes the order, and the board event carries it', async () => {
    const job = plant.orders.A!.jobId;
    const day = workingDay(today, 7);
    expect(await loadOn(day)).toBe(240);
    const started = await report(operator, { jobId: job, action: 'START', idempotencyKey: 'a-start' });
    expect(started.errors).toBeUndefined();
    expect(started.data!.reportProgress).toMatchObject({ status: 'STARTED', remainingHours: 4 });
    let order = (await operator.data<{ order: { status: string } }>(ORDER, { id: plant.orders.A!.id })).order;
    expect(order.status).toBe('IN_PRODUCTION');

    const [{ seq: before }] = await sql<{ seq: number }>(server.databaseUrl, 'select event_seq::int as seq from plant where id = $1', [plant.plantId]) as [{ seq: number }];
    const done = await report(operator, { jobId: job, action: 'COMPLETE', goodQuantity: 4, hours: 3.5, idempotencyKey: 'a-done' });
    expect(done.errors).toBeUndefined();
    expect(done.data!.reportProgress).toMatchObject({ status: 'DONE', completedQuantity: 4, actualHours: 3.5, remainingHours: 0, allocations: [] });
    expect(await loadOn(day)).toBe(0);

    const events = await sql<{ payload: { type: string; changeOrderId: string | null; orderIds: string[]; jobs: { id: string; status: string; completedQuantity: number }[]; buckets: { date: string; loadMinutes: number }[] } }>(
      server.databaseUrl, 'select payload from board_event where plant_id = $1 and seq > $2 order by seq', [plant.plantId, before]);
    expect(events).toHaveLength(1);
    const e = events[0]!.payload;
    expect(e).toMatchObject({ type: 'SCHEDULE_CHANGED', changeOrderId: null, orderIds: [plant.orders.A!.id] });
    expect(e.jobs).toEqual([expect.objectContaining({ id: job, status: 'DONE', completedQuantity: 4 })]);
    expect(e.buckets).toEqual([expect.objectContaining({ date: day, loadMinutes: 0 })]);

    // what a live board receives: the same event through the subscription, replayed from before it
    const ws = wsSession(server.url, { cookie: planner.cookie });
    const live = await ws.first(`subscription($p: ID!, $since: Int) { boardEvents(plantId: $p, since: $since) {
      type jobs { id status completedQuantity remainingHours allocations { date } } buckets { date loadMinutes } } }`, { p: plant.plantId, since: before });
    await ws.client.dispose();
    expect(live).toEqual({ data: { boardEvents: {
      type: 'SCHEDULE_CHANGED',
      jobs: [{ id: job, status: 'DONE', completedQuantity: 4, remainingHours: 0, allocations: [] }],
      buckets: [{ date: day, loadMinutes: 0 }],
    } } });

    order = (await operator.data<{ order: { status: string } }>(ORDER, { id: plant.orders.A!.id })).order;
    expect(order).toMatchObject({ status: 'DONE', atRisk: false });
    // nothing more can be reported on a done job
    expect(code(await report(operator, { jobId: job, action: 'COMPLETE', idempotencyKey: 'a-again' }))).toBe('CONFLICT');
  });

  it('counts a retried report once, and refuses its key for another report', async () => {
    const job = plant.orders.B!.jobId;
    const first = await report(operator, { jobId: job, action: 'REPORT', goodQuantity: 1, scrapQuantity: 0, hours: 1, idempotencyKey: 'b-1' });
    const retry = await report(operator, { jobId: job, action: 'REPORT', goodQuantity: 1, scrapQuantity: 0, hours: 1, idempotencyKey: 'b-1' });
    expect(first.errors).toBeUndefined();
    expect(retry.errors).toBeUndefined();
    expect(retry.data!.reportProgress).toMatchObject({ status: 'STARTED', completedQuantity: 1, actualHours: 1, remainingHours: 2, minutes: 120 });
    expect(code(await report(operator, { jobId: job, action: 'COMPLETE', idempotencyKey: 'b-1' }))).toBe('CONFLICT');
    const [{ n }] = await sql<{ n: number }>(server.databaseUrl, 'select count(*)::int as n from progress_report where job_id = $1', [job]) as [{ n: number }];
    expect(n).toBe(1);
  });

  it('judges a quantity change on a partly completed order by what remains of it, not by the whole quantity again', async () => {
    // B's step made 1 of 3 units (the test before): raising the order to 5 leaves 4 units to make, 4 h
    const rep = await signIn(server.url, plant.users.SALES_REP);
    const preview = await rep.request<{ previewChangeOrder: { jobs: { id: string; status: string; hours: number }[] } }>(
      'query($i: ChangeOrderInput!) { previewChangeOrder(input: $i) { jobs { id status hours } } }', { i: { orderId: plant.orders.B!.id, quantity: 5 } });
    expect(preview.errors).toBeUndefined();
    expect(preview.data!.previewChangeOrder.jobs).toEqual([{ id: plant.orders.B!.jobId, status: 'STARTED', hours: 4 }]);
  });

  it('lets one of two racing reports on a job win; the other gets CONFLICT', async () => {
    const job = plant.orders.C!.jobId;
    const results = await Promise.all([
      report(operator, { jobId: job, action: 'COMPLETE', idempotencyKey: 'c-op' }),
      report(planner, { jobId: job, action: 'COMPLETE', idempotencyKey: 'c-planner' }),
    ]);
    expect(results.map((r) => code(r) ?? 'ok').sort()).toEqual(['CONFLICT', 'ok']);
    const [{ n }] = await sql<{ n: number }>(server.databaseUrl, 'select count(*)::int as n from progress_report where job_id = $1', [job]) as [{ n: number }];
    expect(n).toBe(1);
  });

  it('keeps a job short after scrap open and plans the missing units from today', async () => {
    const job = plant.orders.D!.jobId;
    const res = await report(operator, { jobId: job, action: 'COMPLETE', goodQuantity: 2, scrapQuantity: 1, idempotencyKey: 'd-done' });
    expect(res.errors).toBeUndefined();
    const j = res.data!.reportProgress;
    expect(j).toMatchObject({ status: 'STARTED', completedQuantity: 2, scrapQuantity: 1, remainingHours: 1, minutes: 60 });
    expect(j.allocations[0]!.date >= today).toBe(true);
  });

  it('takes reports from an MES with a progress:write token, not with a read-only one', async () => {
    const admin = await signIn(server.url, plant.users.ADMIN);
    const mes = await createToken(admin, 'API', 'MES', ['progress:write']);
    const reader = await createToken(admin, 'API', 'BI', ['reports:read']);
    const input = { jobId: plant.orders.E!.jobId, action: 'START', idempotencyKey: 'mes-e-1' };
    expect(code(await bearer(server.url, reader.secret, REPORT, { input }))).toBe('FORBIDDEN');
    const res = await bearer<{ reportProgress: JobResult }>(server.url, mes.secret, REPORT, { input });
    expect(res.errors).toBeUndefined();
    expect(res.data!.reportProgress.status).toBe('STARTED');
    // the token reports, it does not ship or change orders
    expect(code(await bearer(server.url, mes.secret, 'mutation($id: ID!) { shipOrder(orderId: $id, expectedVersion: 1) { status } }', { id: plant.orders.A!.id }))).toBe('FORBIDDEN');
  });

  it('ships a DONE order once, naming its version', async () => {
    const ship = (v: number) => operator.request<{ shipOrder: { status: string } }>('mutation($id: ID!, $v: Int!) { shipOrder(orderId: $id, expectedVersion: $v) { status } }', { id: plant.orders.A!.id, v });
    expect(code(await ship(7))).toBe('CONFLICT');
    expect((await ship(1)).data?.shipOrder.status).toBe('SHIPPED');
    expect(code(await ship(1))).toBe('CONFLICT');
    expect(code(await operator.request('mutation($id: ID!) { shipOrder(orderId: $id, expectedVersion: 1) { status } }', { id: plant.orders.E!.id }))).toBe('CONFLICT');
  });

  it('keeps the board and change orders working on orders with progress', async () => {
    const board = await planner.request<{ board: { jobs: { id: string; status: string }[] } }>(
      'query($p: ID!, $f: Date!, $t: Date!) { board(plantId: $p, from: $f, to: $t) { jobs { id status } orders { id atRisk } } }',
      { p: plant.plantId, f: today, t: workingDay(today, 20) });
    expect(board.errors).toBeUndefined();
    expect(board.data!.board.jobs).toContainEqual({ id: plant.orders.D!.jobId, status: 'STARTED' });
    const rep = await signIn(server.url, plant.users.SALES_REP);
    const preview = await rep.request('query($i: ChangeOrderInput!) { previewChangeOrder(input: $i) { tier } }', { i: { orderId: plant.orders.D!.id, quantity: 4 } });
    expect(preview.errors).toBeUndefined();
  });

  it('leaves the plant consistent: jobs follow their allocations, loads follow the board events, nothing above regular capacity', async () => {
    expect(await checkInvariants(server.databaseUrl, plant.plantId, { baseline })).toEqual([]);
  });
});
