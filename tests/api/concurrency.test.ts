import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnServer, startServer, type TestServer } from '../support/server.ts';
import { code, signIn, type ApiClient } from '../support/api.ts';
import { sql } from '../support/database.ts';
import { buildPlant, todayUtc, workingDay } from '../support/factories.ts';
import { decide, ok, propose, type CO } from '../support/change-orders.ts';
import { bucketLoads, checkInvariants } from '../support/invariants.ts';

let one: TestServer;
let two: TestServer;
beforeAll(async () => {
  one = await startServer();
  two = await spawnServer({ DATABASE_URL: one.databaseUrl, TAKT_DEMO: '0' });
});
afterAll(async () => {
  await Promise.all([two?.stop(), one?.stop()]);
});

const PROPOSALS = 50;
const MANAGERS = 5;

describe('concurrency: many approvals racing for the last capacity', () => {
  it(`applies ${PROPOSALS} competing proposals approved in parallel by ${MANAGERS} managers on two processes without overbooking; the losers go back to PENDING or INFEASIBLE`, { timeout: 240_000 }, async () => {
    const url = one.databaseUrl;
    // 15 working days at 79% (100 min/day up to 100%), and 50 orders of one unit far out (day 30+).
    const orders = Object.fromEntries(Array.from({ length: PROPOSALS }, (_, i) => [`O${i}`, { quantity: 1, dueInWorkingDays: 30 + i }]));
    const plant = await buildPlant(url, { fillerMinutes: 380, fillerDays: 15, orders });
    // Little overtime (20 min/day), so that a big change that lost the race no longer fits at all.
    await sql(url, 'update work_center set overtime_minutes_per_day = 20 where id = $1', [plant.workCenterId]);
    const managerEmails = [plant.users.OPS_MANAGER];
    for (let m = 1; m < MANAGERS; m++) {
      const [u] = await sql<{ email: string }>(url,
        `insert into app_user (plant_id, email, name, role, password_hash)
         select plant_id, 'ops' || $2 || '.' || email, 'Ops manager ' || $2, 'OPS_MANAGER', password_hash from app_user where id = $1 returning email`,
        [plant.userIds.OPS_MANAGER, m]);
      managerEmails.push(u!.email);
    }
    const servers = [one, two];
    const managers: ApiClient[][] = await Promise.all(managerEmails.map((e) => Promise.all(servers.map((s) => signIn(s.url, e)))));
    const reps = await Promise.all([signIn(one.url, plant.users.SALES_REP), signIn(two.url, plant.users.SALES_REP_2)]);

    // Every order is pulled into the tight weeks: 2 units (120 min) or, every fifth, 7 (420 min).
    // Alone each fits below 100% (800 min of room by the date), so each waits for an ops manager;
    // together they need ten times the room.
    const due = workingDay(todayUtc(), 9);
    const proposed: CO[] = await Promise.all(Array.from({ length: PROPOSALS }, async (_, i) =>
      ok(await propose(reps[i % 2]!, { orderId: plant.orders[`O${i}`]!.id, quantity: i % 5 === 4 ? 7 : 2, dueDate: due })).proposeChangeOrder));
    for (const co of proposed) {
      expect(co).toMatchObject({ status: 'PENDING', tier: 'MANAGER', approvals: [{ lane: 'CAPACITY', requiredRole: 'OPS_MANAGER', status: 'PENDING' }] });
    }
    const baseline = await bucketLoads(url, plant.plantId);

    // All approvals at once, spread over five managers and two processes; five change orders are
    // also approved by a second manager at the same moment (only one of the two may win).
    const started = performance.now();
    const results = await Promise.all(proposed.flatMap((co, i) => [
      decide(managers[i % MANAGERS]![i % 2]!, 'approve', co).then((r) => ({ co, r, second: false })),
      ...(i % 10 === 0 ? [decide(managers[(i + 1) % MANAGERS]![(i + 1) % 2]!, 'approve', co).then((r) => ({ co, r, second: true }))] : []),
    ]));
    const elapsedMs = Math.round(performance.now() - started);

    for (const co of proposed) {
      const mine = results.filter((x) => x.co.id === co.id);
      const won = mine.filter((x) => !x.r.errors);
      expect(won, `${co.number}: exactly one approval wins`).toHaveLength(1);
      for (const lost of mine.filter((x) => x.r.errors)) {
        expect(code(lost.r)).toBe('CONFLICT');
        expect(lost.r.errors![0]!.message).toMatch(/changed by someone else|no longer approve/);
      }
    }
    const final = await sql<{ id: string; status: string; statusReason: string | null; required: string[] }>(url,
      `select co.id, co.status, co.status_reason as "statusReason",
              array(select a.required_role from change_order_approval a where a.change_order_id = co.id and a.status = 'PENDING') as required
         from change_order co where co.plant_id = $1`, [plant.plantId]);
    const by = (s: string) => final.filter((c) => c.status === s);
    const counts = { applied: by('APPLIED').length, pending: by('PENDING').length, infeasible: by('INFEASIBLE').length };
    console.info(`concurrency: ${PROPOSALS} proposals, ${results.length} parallel approvals in ${elapsedMs} ms → ${JSON.stringify(counts)}`);
    expect(counts.applied + counts.pending + counts.infeasible).toBe(PROPOSALS);
    expect(counts.applied).toBeGreaterThan(0);
    expect(counts.pending + counts.infeasible).toBeGreaterThan(0);
    for (const c of [...by('PENDING'), ...by('INFEASIBLE')]) expect(c.statusReason).toMatch(/schedule changed since evaluation/i);
    // A loser that still fits with overtime now waits for the plant manager (and accounting when
    // the overtime premium eats the margin); one that fits no more is INFEASIBLE.
    for (const c of by('PENDING')) expect(c.required).toContain('PLANT_MANAGER');

    // Only ops managers approved: no bucket may end above 100% of its capacity.
    const over = await sql(url,
      `select a.date::text, sum(a.minutes)::int as load from allocation a where a.plant_id = $1 group by a.date having sum(a.minutes) > 480`, [plant.plantId]);
    expect(over).toEqual([]);
    expect(await checkInvariants(url, plant.plantId, { baseline })).toEqual([]);

    // The checker is not vacuous: a lost write to one applied allocation is caught.
    const [victim] = await sql<{ id: string }>(url, `select id from change_order where plant_id = $1 and status = 'APPLIED' limit 1`, [plant.plantId]);
    await sql(url, `update allocation set minutes = minutes + 1 where (job_id, date) in (
      select a.job_id, a.date from allocation a join job j on j.id = a.job_id join change_order co on co.order_id = j.order_id where co.id = $1 limit 1)`, [victim!.id]);
    const broken = await checkInvariants(url, plant.plantId, { baseline });
    expect(broken.some((m) => /allocations sum to/.test(m))).toBe(true);
    expect(broken.some((m) => /allocations differ from those its last applied change/.test(m))).toBe(true);
    expect(broken.some((m) => /but the board events since the baseline say/.test(m))).toBe(true);
    // … and so is the replay of bucket loads: without its ops manager's approval, a manager-tier change raised buckets above the auto-approve limit
    const [approved] = await sql<{ id: string }>(url, `select co.id from change_order co join change_order_approval a on a.change_order_id = co.id
      where co.plant_id = $1 and co.status = 'APPLIED' and a.lane = 'CAPACITY' and a.granted_role = 'OPS_MANAGER' limit 1`, [plant.plantId]);
    await sql(url, `update change_order_approval set status = 'PENDING', granted_role = null where change_order_id = $1 and lane = 'CAPACITY'`, [approved!.id]);
    const unapproved = await checkInvariants(url, plant.plantId, { baseline });
    expect(unapproved.some((m) => /raised from \d+ to \d+ min by event \d+, above \d+, the ceiling granted by CO-\S+ \(no capacity approval\)/.test(m))).toBe(true);
  });
});
