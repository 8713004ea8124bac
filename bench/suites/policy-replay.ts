import { buildSchedule, EngineError, evaluateChange, type Evaluation, replayPolicy, toDay } from '../../server/src/engine/index.ts';
import { loadScheduleInput } from '../../server/src/modules/schedule/schedule.loader.ts';
import { currentPolicy, defaultReplayPeriod, draftPolicy, toEnginePolicy } from '../../server/src/modules/policy/policy.service.ts';
import { historyComparison, loadReplayCases } from '../../server/src/modules/policy/replay.history.ts';
import { plantById } from '../../server/src/modules/plant/plant.service.ts';
import { systemClock } from '../../server/src/shared/clock.ts';
import { workload } from '../lib/changes.ts';
import { rng } from '../lib/random.ts';
import { distribution, single, type Figure } from '../lib/report.ts';
import { since } from '../lib/stats.ts';
import type { BenchEnv } from '../lib/env.ts';
import type { Suite } from './suite.ts';

/** Issue 22: replaying 90 days of a plant with 10,000 change orders ≤ 2 s. */
export const POLICY_REPLAY_MAX_MS = 2_000;
const CHANGE_ORDERS = 10_000;
const DAYS = 90;

/**
 * The policy lab's history replay (docs/product.md §4.4) as the `policyReplay` query runs it, in
 * process: the SQL read of 90 days of stored verdicts and the pure replay under the current rules
 * and a draft. The history is made for it on a plant of its own: 10,000 real evaluations of a
 * mixed workload on the demo-shaped plant, stored as change orders spread over the 90 days, the
 * ones that asked for approvals with granted lanes decided some hours later.
 */
export const policyReplaySuite: Suite = {
  id: 'policy-replay',
  title: 'Policy lab: replaying 90 days of change orders under a draft',
  async run({ env, quick, log }) {
    const plant = await env.plant('demo', 22);
    const em = env.orm.em.fork();
    const clock = systemClock();
    const p = await plantById(em, clock, plant.plantId);
    const stored = await currentPolicy(em, plant.plantId);
    const schedule = buildSchedule(await loadScheduleInput(em, plant.plantId));
    const today = toDay(p.today);
    const current = toEnginePolicy(stored, p.shipBufferDays);

    let started = performance.now();
    const evaluations: Evaluation[] = [];
    const changes = workload(schedule, today, CHANGE_ORDERS * 2, rng(22));
    for (const c of changes) {
      if (evaluations.length === CHANGE_ORDERS) break;
      try {
        evaluations.push(evaluateChange(schedule, current, c.change, today));
      } catch (err) {
        if (!(err instanceof EngineError)) throw err;
      }
    }
    if (evaluations.length < CHANGE_ORDERS) throw new Error(`only ${evaluations.length} evaluations for the replay history`);
    log(`policy-replay: ${evaluations.length} evaluations made in ${Math.round(since(started))} ms; storing them`);
    await storeHistory(em, plant.plantId, plant.users.rep, evaluations);

    const draft = await draftPolicy(em, plant.plantId, stored, { autoApproveMaxUtilization: 0.9, freezeWindowWorkingDays: 5, minMarginPct: 20, approvalSlaHours: 4 }, p.shipBufferDays);
    const period = defaultReplayPeriod(p.today);
    const runs = quick ? 3 : 10;
    const whole: number[] = [];
    const pure: number[] = [];
    let changed = 0;
    for (let i = 0; i < runs; i++) {
      started = performance.now();
      const result = await historyComparison(em.fork(), plant.plantId, current, draft, period, clock.now());
      whole.push(since(started));
      changed = result.changed.length;
      if (result.replayed !== CHANGE_ORDERS) throw new Error(`replayed ${result.replayed} change orders, expected ${CHANGE_ORDERS}`);
    }
    const cases = await loadReplayCases(em.fork(), plant.plantId, period, clock.now());
    for (let i = 0; i < runs; i++) {
      started = performance.now();
      replayPolicy(cases, current, draft);
      pure.push(since(started));
    }
    log(`policy-replay: ${changed} of ${CHANGE_ORDERS} verdicts change under the draft`);
    const figures: Figure[] = [
      distribution({
        suite: 'policy-replay', name: `policyReplay: ${DAYS} days, ${CHANGE_ORDERS} change orders (SQL read + replay)`, plant: 'demo', unit: 'ms',
        target: { stat: 'max', max: POLICY_REPLAY_MAX_MS }, note: `${changed} verdicts change under the draft`,
      }, whole),
      distribution({ suite: 'policy-replay', name: `replayPolicy alone (pure), ${CHANGE_ORDERS} change orders`, plant: 'demo', unit: 'ms' }, pure),
      single({ suite: 'policy-replay', name: 'change orders replayed', plant: 'demo', unit: 'count' }, cases.length),
    ];
    return figures;
  },
};

/** Stores the evaluations as change orders of the last 90 days, with their approvals. */
async function storeHistory(em: ReturnType<BenchEnv['orm']['em']['fork']>, plantId: string, proposerEmail: string, evaluations: readonly Evaluation[]): Promise<void> {
  const [proposer] = await em.execute<{ id: string }[]>('select id from app_user where email = ?', [proposerEmail]);
  const random = rng(90);
  const BATCH = 500;
  for (let start = 0; start < evaluations.length; start += BATCH) {
    const rows = evaluations.slice(start, start + BATCH).map((e, i) => {
      const n = start + i;
      const routed = Object.keys(e.laneRoles).length > 0;
      return {
        number: `RP-${n}`,
        status: e.tier === 'INFEASIBLE' ? 'INFEASIBLE' : routed ? 'APPLIED' : 'AUTO_APPROVED',
        order_id: e.orderId.length === 36 ? e.orderId : '00000000-0000-4000-8000-000000000000',
        kinds: e.kinds,
        evaluation: e,
        tier: e.tier,
        ageMinutes: random.int(0, (DAYS - 1) * 24 * 60),
        lanes: Object.entries(e.laneRoles).map(([lane, role]) => ({ lane, role, hours: random.int(1, 30) })),
      };
    });
    await em.execute(
      `insert into change_order (plant_id, number, status, proposer_id, order_id, kinds, request, evaluation, tier, policy_version, created_at)
       select ?, r.number, r.status, ?, r.order_id::uuid, array(select jsonb_array_elements_text(r.kinds)), '{}'::jsonb, r.evaluation, r.tier, 1,
              now() - make_interval(mins => r."ageMinutes")
         from jsonb_to_recordset(?::jsonb) as r(number text, status text, order_id text, kinds jsonb, evaluation jsonb, tier text, "ageMinutes" int)`,
      [plantId, proposer!.id, JSON.stringify(rows)],
    );
    await em.execute(
      `insert into change_order_approval (change_order_id, lane, required_role, status, granted_role, decided_at, pending_since)
       select co.id, l.lane, l.role, 'GRANTED', l.role, co.created_at + make_interval(hours => l.hours), co.created_at
         from jsonb_to_recordset(?::jsonb) as r(number text, lanes jsonb)
         join change_order co on co.plant_id = ? and co.number = r.number
         cross join lateral jsonb_to_recordset(r.lanes) as l(lane text, role text, hours int)`,
      [JSON.stringify(rows.map((r) => ({ number: r.number, lanes: r.lanes }))), plantId],
    );
  }
}
