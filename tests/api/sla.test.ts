import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnServer, startServer, type TestServer } from '../support/server.ts';
import { code, signIn } from '../support/api.ts';
import { sql } from '../support/database.ts';
import { buildPlant, type FactoryPlant, type FactoryRole } from '../support/factories.ts';
import { decide, getCo, ok, propose, reject, type CO } from '../support/change-orders.ts';

const HOUR = 3_600_000;
/** Servers whose clock runs `hours` ahead (TAKT_CLOCK_OFFSET_MS) and that sweep for overdue approvals every 100 ms. */
const later = (hours: number) => ({ TAKT_CLOCK_OFFSET_MS: String(hours * HOUR), TAKT_SLA_SWEEP_MS: '100' });

const running: TestServer[] = [];
afterEach(async () => {
  // A server already killed has exited with a signal (exitCode null): nothing to stop.
  await Promise.all(running.splice(0).filter((s) => s.process.exitCode === null && s.process.signalCode === null).map((s) => s.stop('SIGKILL')));
});
const track = <T extends TestServer>(s: T) => (running.push(s), s);

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const slaEntries = async (url: string, changeOrderId: string) =>
  sql<{ actor_id: string | null; from_status: string; to_status: string }>(url,
    `select actor_id, from_status, to_status from audit_event where entity_id = $1 and action = 'SLA_ESCALATED'`, [changeOrderId]);
const slaCount = async (url: string, plantId: string) =>
  Number((await sql<{ n: string }>(url, `select count(*) as n from audit_event where plant_id = $1 and action = 'SLA_ESCALATED'`, [plantId]))[0]!.n);

/** The change-order scenario (order B in the tight weeks: +1 unit needs the ops manager). */
const scenario = (url: string) => buildPlant(url, { fillerMinutes: 380, fillerDays: 15, orders: { B: { quantity: 1, dueInWorkingDays: 9 } } });
const as = (s: TestServer, plant: FactoryPlant, role: FactoryRole) => signIn(s.url, plant.users[role]);

describe('approval SLA escalation (durable job queue, injected clock)', () => {
  it('escalates each approval that waited past the SLA exactly once, across a restart and two processes', { timeout: 120_000 }, async () => {
    const first = track(await startServer({ env: { TAKT_SLA_SWEEP_MS: '100' } }));
    const url = first.databaseUrl;
    const plant = await scenario(url);
    const rep = await as(first, plant, 'SALES_REP');
    const ops = await as(first, plant, 'OPS_MANAGER');
    const manager = ok(await propose(rep, { orderId: plant.orders.B!.id, quantity: 2 })).proposeChangeOrder;
    const lanes = ok(await propose(rep, { orderId: plant.orders.B!.id, quantity: 2, unitPrice: '75.00', optionIds: [plant.reviewOptionId] })).proposeChangeOrder;
    const overtime = ok(await propose(rep, { orderId: plant.orders.B!.id, quantity: 10 })).proposeChangeOrder;
    const rejected = ok(await reject(ops, ok(await propose(rep, { orderId: plant.orders.B!.id, quantity: 3 })).proposeChangeOrder, 'No room')).rejectChangeOrder;
    expect(lanes.approvals.map((a) => a.requiredRole).sort()).toEqual(['ACCOUNTING', 'OPS_MANAGER', 'QUALITY']);
    expect(overtime.approvals).toMatchObject([{ requiredRole: 'PLANT_MANAGER' }]);
    // A second plant whose policy gives approvers 12 hours: at +9 h nothing of it is overdue.
    const patient = await scenario(url);
    await sql(url, `insert into policy (plant_id, version, auto_approve_max_utilization_bp, manager_max_utilization_bp, overtime_allowed,
      freeze_window_working_days, cost_increase_limit_cents, min_margin_bp, approval_sla_hours, reason)
      select plant_id, 2, auto_approve_max_utilization_bp, manager_max_utilization_bp, overtime_allowed, freeze_window_working_days,
        cost_increase_limit_cents, min_margin_bp, 12, 'Approvers get 12 hours' from policy where plant_id = $1 and version = 1`, [patient.plantId]);
    const waiting = ok(await propose(await as(first, patient, 'SALES_REP'), { orderId: patient.orders.B!.id, quantity: 2 })).proposeChangeOrder;

    await new Promise((r) => setTimeout(r, 500)); // several sweeps at the real time: nothing is overdue yet
    expect(await slaCount(url, plant.plantId)).toBe(0);
    await first.stop();

    // Nine hours later two processes share the database; both sweep every 100 ms.
    const [a, b] = await Promise.all([spawnServer({ DATABASE_URL: url, TAKT_DEMO: '0', ...later(9) }), spawnServer({ DATABASE_URL: url, TAKT_DEMO: '0', ...later(9) })]);
    track(a); track(b);
    await until('both escalations', async () => (await slaCount(url, plant.plantId)) >= 2);
    await new Promise((r) => setTimeout(r, 1_500)); // ~30 more sweeps between the two processes
    expect(await slaCount(url, plant.plantId)).toBe(2);
    expect(await slaCount(url, patient.plantId)).toBe(0);
    for (const co of [manager, lanes]) {
      const entries = await slaEntries(url, co.id);
      expect(entries).toEqual([{ actor_id: null, from_status: 'PENDING', to_status: 'PENDING' }]);
    }
    const opsLater = await as(a, plant, 'OPS_MANAGER');
    const escalated = ok(await getCo(opsLater, manager.id)).changeOrder;
    expect(escalated).toMatchObject({ status: 'PENDING', version: manager.version + 1, statusReason: 'Waited longer than the approval SLA; escalated.' });
    expect(escalated.approvals).toMatchObject([{ lane: 'CAPACITY', requiredRole: 'PLANT_MANAGER', status: 'PENDING', escalations: 1 }]);
    expect(escalated.history.map((h) => [h.action, h.actor])).toEqual([['PROPOSED', { email: plant.users.SALES_REP }], ['SLA_ESCALATED', null]]);
    const allLanes = ok(await getCo(opsLater, lanes.id)).changeOrder;
    expect(allLanes.approvals.map((x) => [x.lane, x.requiredRole, x.escalations]).sort()).toEqual([
      ['ACCOUNTING', 'PLANT_MANAGER', 1], ['CAPACITY', 'PLANT_MANAGER', 1], ['QUALITY', 'PLANT_MANAGER', 1],
    ]);
    // The plant manager is the top: an overtime approval stays; decided ones are left alone.
    expect(ok(await getCo(opsLater, overtime.id)).changeOrder).toMatchObject({ status: 'PENDING', version: overtime.version, approvals: [{ requiredRole: 'PLANT_MANAGER', escalations: 0 }] });
    expect(ok(await getCo(opsLater, rejected.id)).changeOrder).toMatchObject({ status: 'REJECTED', version: rejected.version });
    expect(ok(await getCo(await as(b, patient, 'OPS_MANAGER'), waiting.id)).changeOrder).toMatchObject({ status: 'PENDING', version: waiting.version, approvals: [{ requiredRole: 'OPS_MANAGER' }] });
    const events = await sql<{ version: number; status: string }>(url,
      `select (payload->>'version')::int as version, payload->>'status' as status from board_event where plant_id = $1 and type = 'CHANGE_ORDER_UPDATED' and payload->>'changeOrderId' = $2 order by seq`, [plant.plantId, manager.id]);
    expect(events).toEqual([{ version: 1, status: 'PENDING' }, { version: 2, status: 'PENDING' }]);

    // Now the lane needs the plant manager.
    const denied = await decide(opsLater, 'approve', escalated);
    expect(code(denied)).toBe('FORBIDDEN');
    expect(denied.errors![0]!.message).toMatch(/waits for the plant manager \(capacity\)/);
    expect(ok(await decide(await as(b, plant, 'PLANT_MANAGER'), 'approve', escalated)).approveChangeOrder!.status).toBe('APPLIED');
    const failed = await sql(url, `select id, task_identifier, last_error from graphile_worker.jobs where last_error is not null`);
    expect(failed).toEqual([]);
  });

  it('queues the escalation again when its worker is killed mid-job, and it still happens once, also when delivered twice', { timeout: 120_000 }, async () => {
    const first = track(await startServer());
    const url = first.databaseUrl;
    const plant = await scenario(url);
    const co = ok(await propose(await as(first, plant, 'SALES_REP'), { orderId: plant.orders.B!.id, quantity: 2 })).proposeChangeOrder;
    await first.stop();

    // Hold the plant's write lock so the first worker's escalation blocks inside its transaction.
    const lock = new pg.Client({ connectionString: url });
    await lock.connect();
    await lock.query('begin');
    await lock.query('select 1 from plant where id = $1 for update', [plant.plantId]);
    const doomed = track(await spawnServer({ DATABASE_URL: url, TAKT_DEMO: '0', ...later(9) }));
    const held = await until('the escalation job to be taken', async () =>
      (await sql<{ id: string; locked_by: string }>(url, `select id, locked_by from graphile_worker.jobs where task_identifier = 'sla_escalate' and locked_at is not null`))[0]);
    await doomed.stop('SIGKILL'); // dies holding the job; its open transaction is rolled back by PostgreSQL
    await lock.query('rollback');
    await lock.end();
    expect(await slaEntries(url, co.id)).toEqual([]);

    // Another process sees the lane still overdue and queues the escalation again (the dead job is locked).
    const survivor = track(await spawnServer({ DATABASE_URL: url, TAKT_DEMO: '0', ...later(9) }));
    await until('the escalation', async () => (await slaEntries(url, co.id)).length > 0);
    // The queue superseded the dead worker's job when the new one took its key: it is never run again.
    const [dead] = await sql<{ attempts: number; max_attempts: number; key: string | null; locked_by: string }>(url,
      'select attempts, max_attempts, key, locked_by from graphile_worker.jobs where id = $1', [held.id]);
    expect(dead).toMatchObject({ key: null, locked_by: held.locked_by });
    expect(dead!.attempts).toBe(dead!.max_attempts);
    // Delivery is still at-least-once in general; a second delivery of the same escalation writes nothing.
    await sql(url, `select graphile_worker.add_job('sla_escalate', (select payload from graphile_worker._private_jobs where id = $1))`, [held.id]);
    await until('the redelivered job to run', async () =>
      (await sql(url, `select 1 from graphile_worker.jobs where task_identifier = 'sla_escalate' and locked_by is distinct from $1`, [held.locked_by])).length === 0);
    expect(await slaEntries(url, co.id)).toHaveLength(1);
    const after: CO = ok(await getCo(await as(survivor, plant, 'PLANT_MANAGER'), co.id)).changeOrder;
    expect(after).toMatchObject({ status: 'PENDING', version: co.version + 1, approvals: [{ requiredRole: 'PLANT_MANAGER', escalations: 1 }] });
  });
});
