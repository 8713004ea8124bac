import { loadConfig } from '../../server/src/config.ts';
import { createServices } from '../../server/src/services.ts';
import { systemClock } from '../../server/src/shared/clock.ts';
import { plantLockHold } from '../../server/src/metrics/metrics.ts';
import { settleDemoPast, turnPlant } from '../../server/src/modules/floor/day-turn.ts';
import { proposeChangeOrder } from '../../server/src/modules/change-order/change-order.commands.ts';
import { reportProgress } from '../../server/src/modules/floor/progress.service.ts';
import type { Actor } from '../../server/src/modules/auth/actor.ts';
import { distribution, single, type Figure } from '../lib/report.ts';
import type { Suite } from './suite.ts';

/** docs/product.md §12: the day turn of the 10,000-order plant within 5 s. */
export const TURN_TARGET_S = 5;

const DAY_MS = 86_400_000;

/** The write path's own histogram of plant lock holds: its sum (s) and count so far. */
async function holds(): Promise<{ sum: number; count: number }> {
  const { values } = await plantLockHold.get();
  const of = (name: string) => values.find((v) => v.metricName === name)?.value ?? 0;
  return { sum: of('takt_plant_lock_hold_seconds_sum'), count: of('takt_plant_lock_hold_seconds_count') };
}

/** The plant lock's hold time of the writes `fn` makes, in ms, and how many writes took it. */
async function holding<T>(fn: () => Promise<T>): Promise<{ value: T; holdMs: number; writes: number }> {
  const before = await holds();
  const value = await fn();
  const after = await holds();
  return { value, holdMs: (after.sum - before.sum) * 1000, writes: after.count - before.count };
}

/**
 * The floor and the clock on the big plant, in-process through the services the server runs:
 * progress reports (START then COMPLETE of first steps, each a write through the plant's lock with
 * its re-plan and board event) per second beside a raw single-row UPDATE, with each report's lock
 * hold; change orders (a due date three weeks later, applied at once) with theirs; then the day
 * turn a week later, when everything planned for that week is left behind and rolls forward — its
 * time and its lock hold beside a change order's (the target: never longer). The demo plant's past
 * is reported first in a write of its own, measured apart. Runs last: it changes the big plant.
 */
export const floorSuite: Suite = {
  id: 'floor',
  title: 'Floor: progress reports per second (beside raw UPDATE) and the day turn of a 10,000-order plant',
  async run({ env, quick, log }) {
    const big = await env.plant('big');
    const em = env.orm.em.fork();
    const [planner] = await em.execute<{ id: string; name: string }[]>('select id, name from app_user where email = ?', [big.users.planner]);
    const actor: Actor = { kind: 'user', userId: planner!.id, role: 'PLANNER', plantId: big.plantId, name: planner!.name };
    const services = createServices(env.orm, loadConfig(), systemClock());
    const n = quick ? 20 : 200;
    // first steps of orders nobody started, latest first (far from today's crowded days)
    const jobs = await em.execute<{ id: string; quantity: number }[]>(
      `select j.id, o.quantity from job j join sales_order o on o.id = j.order_id
        where j.plant_id = ? and j.seq = 1 and j.status = 'PLANNED' and o.status = 'CONFIRMED'
        order by j.start_date desc limit ?`, [big.plantId, n + 50]);
    if (jobs.length < n + 50) throw new Error(`the big plant has ${jobs.length} unstarted first steps, ${n + 50} needed`);

    const perReport: number[] = [];
    const holds: number[] = [];
    const t0 = performance.now();
    for (const [i, job] of jobs.slice(0, n).entries()) {
      for (const action of ['START', 'COMPLETE'] as const) {
        const s = performance.now();
        const { holdMs } = await holding(() => reportProgress(services, actor, {
          jobId: job.id, action, goodQuantity: action === 'COMPLETE' ? job.quantity : null, idempotencyKey: `bench-${i}-${action}`,
        }));
        perReport.push(performance.now() - s);
        holds.push(holdMs);
      }
    }
    const reportsPerSecond = (2 * n) / ((performance.now() - t0) / 1000);

    // the same number of single-row updates, each its own transaction: the floor of any write
    const raw = jobs.slice(n, n + 50);
    const r0 = performance.now();
    for (let k = 0; k < (2 * n) / raw.length; k++) {
      for (const job of raw) await em.execute('update job set version = version + 1 where id = ?', [job.id]);
    }
    const rawPerSecond = (2 * n) / ((performance.now() - r0) / 1000);
    log(`floor: ${reportsPerSecond.toFixed(0)} progress reports/s, raw UPDATE ${rawPerSecond.toFixed(0)}/s`);

    // change orders on orders far out, each applied at once: the lock hold the turn is held to
    const changes = await em.execute<{ id: string; due: string; version: number }[]>(
      `select id, (due_date + 21)::text as due, version from sales_order
        where plant_id = ? and status = 'CONFIRMED' and due_date > current_date + 60 order by due_date desc, id limit ?`, [big.plantId, quick ? 20 : 60]);
    const changeHolds: number[] = [];
    for (const o of changes) {
      const { holdMs } = await holding(() => proposeChangeOrder(services, actor, { input: { orderId: o.id, dueDate: o.due, expectedOrderVersion: o.version } }));
      changeHolds.push(holdMs);
    }
    const changeHold = distribution({ suite: 'floor', name: 'change order (due date three weeks later, applied at once): plant lock hold', plant: 'big', unit: 'ms' }, changeHolds);

    // a week later: what was planned for that week was never reported, so it rolls forward
    const later = createServices(env.orm, loadConfig(), systemClock(7 * DAY_MS));
    const s = performance.now();
    const demo = await holding(() => settleDemoPast(later, big.plantId));
    const { value: turn, holdMs, writes } = await holding(() => turnPlant(later, big.plantId));
    const turnMs = performance.now() - s;
    if (!turn.turned) throw new Error('the day turn did not run');
    log(`floor: turned ${turn.today} in ${(turnMs / 1000).toFixed(2)} s: ${turn.movedJobs} jobs of ${turn.movedOrders} orders moved, ${turn.newlyAtRisk.length} newly at risk; lock held ${demo.holdMs.toFixed(1)} ms in ${demo.writes} writes (demo past) + ${holdMs.toFixed(1)} ms in ${writes} writes (turn)`);
    const again = performance.now();
    const second = await turnPlant(later, big.plantId);
    const againMs = performance.now() - again;

    return [
      distribution({ suite: 'floor', name: 'progress report (START or COMPLETE): write, re-plan, board event', plant: 'big', unit: 'ms' }, perReport),
      distribution({ suite: 'floor', name: 'progress report: plant lock hold', plant: 'big', unit: 'ms' }, holds),
      single({ suite: 'floor', name: 'progress reports per second, one writer', plant: 'big', unit: 'per s', note: `raw single-row UPDATE: ${rawPerSecond.toFixed(0)}/s` }, Math.round(reportsPerSecond)),
      changeHold,
      single({ suite: 'floor', name: 'day turn a week later (demo past and turn)', plant: 'big', unit: 's', target: { stat: 'value', max: TURN_TARGET_S }, note: `${turn.movedJobs} jobs of ${turn.movedOrders} orders rolled forward, ${turn.newlyAtRisk.length} newly at risk` }, Math.round(turnMs) / 1000),
      single({ suite: 'floor', name: 'day turn: plant lock hold per write (mean; target: a change order\'s p95)', plant: 'big', unit: 'ms', target: { stat: 'value', max: changeHold.summary!.p95 }, note: `${writes} writes, ${Math.round(holdMs)} ms in all` }, Math.round((holdMs / Math.max(1, writes)) * 10) / 10),
      single({ suite: 'floor', name: 'demo plant: its past reported before the turn, plant lock hold per write (mean)', plant: 'big', unit: 'ms', note: `${demo.writes} writes of up to 25 orders, ${Math.round(demo.holdMs)} ms in all; demo plants only` }, Math.round((demo.holdMs / Math.max(1, demo.writes)) * 10) / 10),
      single({ suite: 'floor', name: 'day turn again the same day (a no-op)', plant: 'big', unit: 'ms', note: second.turned ? 'turned twice: a bug' : 'nothing to do' }, Math.round(againMs)),
    ] satisfies Figure[];
  },
};
