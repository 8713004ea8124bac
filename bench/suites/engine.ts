import { buildSchedule, EngineError, evaluateChange, toDay, turnDay, type Tier } from '../../server/src/engine/index.ts';
import { loadScheduleInput } from '../../server/src/modules/schedule/schedule.loader.ts';
import { currentPolicy, toEnginePolicy } from '../../server/src/modules/policy/policy.service.ts';
import { plantById } from '../../server/src/modules/plant/plant.service.ts';
import { systemClock } from '../../server/src/shared/clock.ts';
import { KINDS, workload } from '../lib/changes.ts';
import type { PlantKey } from '../lib/env.ts';
import { rng } from '../lib/random.ts';
import { distribution, single, type Figure } from '../lib/report.ts';
import { since } from '../lib/stats.ts';
import type { Suite } from './suite.ts';

/** Issue 3: p95 ≤ 10 ms per evaluation, capable-to-promise included. */
export const EVALUATION_P95_MS = 10;

/**
 * `evaluateChange` in-process on a plant loaded from the database, exactly as the server builds
 * it: the pure engine without HTTP, GraphQL or SQL. A mixed workload (see lib/changes.ts), after
 * a warm-up so that the figures are of optimized code.
 */
export const engineSuite: Suite = {
  id: 'engine',
  title: 'Planning engine: evaluateChange in-process',
  async run({ env, quick, log }) {
    const figures: Figure[] = [];
    for (const key of ['demo', 'big'] as PlantKey[]) {
      const plant = await env.plant(key);
      const em = env.orm.em.fork();
      let started = performance.now();
      const input = await loadScheduleInput(em, plant.plantId);
      figures.push(single({ suite: 'engine', name: 'load schedule input (SQL)', plant: key, unit: 'ms' }, since(started)));
      started = performance.now();
      const schedule = buildSchedule(input);
      figures.push(single({ suite: 'engine', name: 'buildSchedule', plant: key, unit: 'ms' }, since(started)));
      const p = await plantById(em, systemClock(), plant.plantId);
      const policy = toEnginePolicy(await currentPolicy(em, plant.plantId), p.shipBufferDays);
      const today = toDay(p.today);
      // the day turn two weeks after seeding (docs/product.md §12.4), on its own copy of the plant
      started = performance.now();
      const turn = turnDay(buildSchedule(input), today + 14);
      figures.push(single({ suite: 'engine', name: `turnDay two weeks later (buildSchedule included; ${turn.jobs.length} jobs rolled)`, plant: key, unit: 'ms' }, since(started)));

      const warm = quick ? 200 : 1_000;
      const n = quick ? 700 : 7_000;
      const changes = workload(schedule, today, warm + n, rng(key === 'demo' ? 3 : 9));
      for (const c of changes.slice(0, warm)) evaluateChange(schedule, policy, c.change, today);
      const byKind = new Map<string, number[]>(KINDS.map((k) => [k, []]));
      const all: number[] = [];
      const tiers: Record<string, number> = {};
      let errors = 0;
      for (const c of changes.slice(warm)) {
        const t = performance.now();
        try {
          const e = evaluateChange(schedule, policy, c.change, today);
          const dt = since(t);
          tiers[e.tier as Tier] = (tiers[e.tier] ?? 0) + 1;
          all.push(dt);
          byKind.get(c.kind)!.push(dt);
        } catch (err) {
          if (!(err instanceof EngineError)) throw err;
          errors++;
        }
      }
      const mix = Object.entries(tiers).map(([t, c]) => `${t} ${Math.round((100 * c) / all.length)}%`).join(', ');
      log(`engine ${key}: ${all.length} evaluations (${mix}), ${errors} refused`);
      figures.push(distribution({
        suite: 'engine', name: 'evaluateChange, mixed kinds, incl. CTP', plant: key, unit: 'ms',
        target: { stat: 'p95', max: EVALUATION_P95_MS }, note: `${mix}${errors ? `; ${errors} refused` : ''}`,
      }, all));
      for (const [kind, samples] of byKind) {
        if (samples.length) figures.push(distribution({ suite: 'engine', name: `evaluateChange ${kind}`, plant: key, unit: 'ms' }, samples));
      }
    }
    return figures;
  },
};
