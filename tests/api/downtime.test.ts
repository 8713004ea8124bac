import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';
import { code, signIn, type ApiClient } from '../support/api.ts';
import { sql } from '../support/database.ts';
import { buildPlant, todayUtc, workingDay, type FactoryPlant } from '../support/factories.ts';
import { bucketLoads, checkInvariants, type BucketLoads } from '../support/invariants.ts';
import { TIER_WORDS } from '../../server/src/shared/tiers.ts';
import type { Tier } from '../../server/src/engine/index.ts';

/**
 * Downtime (docs/product.md §12): a breakdown takes a day of CELL's capacity; the work on it rolls
 * forward at once, the order that then misses its due date is at risk and its reps are told, with
 * the dates the plant can promise.
 */

const DOWNTIME = `mutation($wc: ID!, $from: Date!, $to: Date!, $h: Float!, $r: String!) {
  reportDowntime(workCenterId: $wc, from: $from, to: $to, hoursLost: $h, reason: $r) {
    days { date capacityMinutes loadMinutes } movedJobs { id orderId allocations { date minutes } } ordersAtRisk { id atRisk riskCause } } }`;

let server: TestServer;
let plant: FactoryPlant;
let planner: ApiClient;
let baseline: BucketLoads;
const today = todayUtc();

beforeAll(async () => {
  server = await startServer();
  // CELL is full on working days 2, 3 and 4 (480 min each), free from day 5
  plant = await buildPlant(server.databaseUrl, {
    orders: { A: { quantity: 8, dueInWorkingDays: 3 }, B: { quantity: 8, dueInWorkingDays: 4 }, C: { quantity: 8, dueInWorkingDays: 5 } },
  });
  baseline = await bucketLoads(server.databaseUrl, plant.plantId);
  planner = await signIn(server.url, plant.users.PLANNER);
});
afterAll(async () => {
  await server?.stop();
});

describe('reportDowntime', () => {
  it('refuses a range in the past, more hours than the days have, and an unknown work center', async () => {
    const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    expect(code(await planner.request(DOWNTIME, { wc: plant.workCenterId, from: yesterday, to: today, h: 1, r: 'x' }))).toBe('BAD_USER_INPUT');
    const day = workingDay(today, 2);
    expect(code(await planner.request(DOWNTIME, { wc: plant.workCenterId, from: day, to: day, h: 9, r: 'x' }))).toBe('BAD_USER_INPUT');
    expect(code(await planner.request(DOWNTIME, { wc: plant.productId, from: day, to: day, h: 1, r: 'x' }))).toBe('NOT_FOUND');
    const operator = await signIn(server.url, plant.users.OPERATOR);
    expect(code(await operator.request(DOWNTIME, { wc: plant.workCenterId, from: day, to: day, h: 1, r: 'x' }))).toBe('FORBIDDEN');
  });

  it('writes the lost day as a calendar exception, rolls the work on it forward, and puts the order that now misses its due date at risk', async () => {
    const admin = await signIn(server.url, plant.users.ADMIN);
    await admin.data('mutation { createWebhook(url: "https://example.com/takt", events: ["order.at_risk"]) { secret } }');
    const day = workingDay(today, 2);
    const res = await planner.data<{ reportDowntime: {
      days: { date: string; capacityMinutes: number; loadMinutes: number }[];
      movedJobs: { id: string; orderId: string; allocations: { date: string; minutes: number }[] }[];
      ordersAtRisk: { id: string; atRisk: boolean; riskCause: string }[];
    } }>(DOWNTIME, { wc: plant.workCenterId, from: day, to: day, h: 8, r: 'laser head broken' });
    const r = res.reportDowntime;
    expect(r.days).toEqual([{ date: day, capacityMinutes: 0, loadMinutes: 0 }]);
    expect(r.movedJobs).toEqual([{ id: plant.orders.A!.jobId, orderId: plant.orders.A!.id, allocations: [{ date: workingDay(today, 5), minutes: 480 }] }]);
    expect(r.ordersAtRisk).toEqual([{ id: plant.orders.A!.id, atRisk: true, riskCause: expect.stringMatching(/^queued behind SO-\d+ on CELL, 8 h short on /) }]);
    const exceptions = await sql(server.databaseUrl, 'select date::text, minutes, reason from work_center_exception where work_center_id = $1', [plant.workCenterId]);
    expect(exceptions).toEqual([{ date: day, minutes: 0, reason: 'laser head broken' }]);
    const told = await sql<{ userId: string; message: string }>(server.databaseUrl,
      `select user_id as "userId", message from notification where kind = 'ORDER_AT_RISK' and order_id = $1`, [plant.orders.A!.id]);
    expect(told.map((n) => n.userId).sort()).toEqual([plant.userIds.SALES_REP, plant.userIds.SALES_REP_2].sort());
    expect(told[0]!.message).toMatch(/the plant can promise \d{4}-\d{2}-\d{2} \(no approval\)/);
    const deliveries = await sql<{ body: string }>(server.databaseUrl, `select body from webhook_delivery where plant_id = $1 and event = 'order.at_risk'`, [plant.plantId]);
    expect(deliveries).toHaveLength(1);
    expect(JSON.parse(deliveries[0]!.body)).toMatchObject({
      event: 'order.at_risk',
      order: { id: plant.orders.A!.id, projectedFinish: workingDay(today, 5), riskCause: expect.stringContaining('queued behind'), promiseDates: expect.arrayContaining([{ tier: 'AUTO', dueDate: expect.any(String) }]) },
    });
    expect(await checkInvariants(server.databaseUrl, plant.plantId, { baseline })).toEqual([]);
  });

  it('gives the promised dates as data, on the rep\'s notification (as told) and on the order (as now), and the board packs the at-risk flag', async () => {
    // after the downtime above: A is at risk, B and C are not
    type Promised = { tier: string; dueDate: string }[];
    const rep = await signIn(server.url, plant.users.SALES_REP);
    const { notifications } = await rep.data<{ notifications: { nodes: { kind: string; orderId: string | null; message: string; promiseDates: Promised }[] } }>(
      '{ notifications { nodes { kind orderId message promiseDates { tier dueDate } } } }');
    const told = notifications.nodes.find((n) => n.kind === 'ORDER_AT_RISK' && n.orderId === plant.orders.A!.id)!;
    expect(told.promiseDates.map((p) => p.tier)).toContain('AUTO');
    for (const p of told.promiseDates) expect(told.message).toContain(`${p.dueDate} (${TIER_WORDS[p.tier as Tier]})`);
    expect(notifications.nodes.filter((n) => n.kind !== 'ORDER_AT_RISK').every((n) => n.promiseDates.length === 0)).toBe(true);

    const orderQuery = 'query($id: ID!) { order(id: $id) { atRisk promiseDates { tier dueDate } } }';
    const a = await rep.data<{ order: { atRisk: boolean; promiseDates: Promised } }>(orderQuery, { id: plant.orders.A!.id });
    expect(a.order).toEqual({ atRisk: true, promiseDates: told.promiseDates }); // nothing changed since it was told
    const b = await rep.data<{ order: { atRisk: boolean; promiseDates: Promised } }>(orderQuery, { id: plant.orders.B!.id });
    expect(b.order).toEqual({ atRisk: false, promiseDates: [] });

    const { board } = await rep.data<{ board: { packed: { orders: { id: string[]; atRisk: number[] }; jobs: { completedQuantity: number[] } } } }>(
      'query($p: ID!, $from: Date!, $to: Date!) { board(plantId: $p, from: $from, to: $to) { packed { orders { id atRisk } jobs { completedQuantity } } } }',
      { p: plant.plantId, from: today, to: workingDay(today, 10) });
    const flags = Object.fromEntries(board.packed.orders.id.map((id, i) => [id, board.packed.orders.atRisk[i]]));
    expect(flags).toEqual({ [plant.orders.A!.id]: 1, [plant.orders.B!.id]: 0, [plant.orders.C!.id]: 0 });
    expect(board.packed.jobs.completedQuantity.every((q) => q === 0)).toBe(true);
  });
});
