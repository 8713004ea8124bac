import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addOrder,
  buildSchedule,
  capacityTiers,
  ceilingMinutes,
  chainBounds,
  evaluateChange,
  type Evaluation,
  isWorkCenterWorkingDay,
  type Job,
  planOrder,
  type Schedule,
  stepMinutes,
  type Tier,
  tierCeiling,
  type CapacityTier,
} from '../../../server/src/engine/index.ts';
import { dueOffsetArb, plantArb, quantityArb, type RandomPlant, todayOf } from './arbitraries.ts';
import { order, policy } from './factories.ts';

const POLICY = policy();
const TIERS: readonly CapacityTier[] = capacityTiers(POLICY);
const RUNS = { numRuns: 150 };

function request(plant: RandomPlant, quantity: number, dueOffset: number) {
  return { orderId: 'x', productId: plant.product.id, quantity, optionIds: [], dueDate: todayOf(plant) + dueOffset };
}

/** Load of the schedule plus the plan's own allocations, per (wc, day). */
function loadWith(schedule: Schedule, jobs: readonly Job[]): (wc: string, day: number) => number {
  const own = new Map<string, number>();
  for (const j of jobs) for (const a of j.allocations) own.set(`${j.workCenterId}|${a.day}`, (own.get(`${j.workCenterId}|${a.day}`) ?? 0) + a.minutes);
  return (wc, day) => schedule.load.loadOn(wc, day) + (own.get(`${wc}|${day}`) ?? 0);
}

function tierRank(tier: Tier): number {
  return ['AUTO', 'MANAGER', 'OVERTIME', 'INFEASIBLE'].indexOf(tier);
}

/** The capacity authority a verdict needs, as a tier rank: its tier, or the plant manager for the freeze window. */
function capacityAuthority(evaluation: Evaluation): number {
  const freeze = evaluation.requiredApprovals.some((a) => a.rule === 'FREEZE_WINDOW');
  return Math.max(tierRank(evaluation.tier), freeze ? tierRank('OVERTIME') : 0);
}

describe('planOrder properties', () => {
  it('places exactly each step’s minutes, under the tier ceiling, in routing order, by due − buffer, never early or on a closed day', () => {
    fc.assert(
      fc.property(plantArb, quantityArb, dueOffsetArb, fc.constantFrom(...TIERS), fc.constantFrom('BACKWARD', 'FORWARD' as const), (plant, quantity, dueOffset, tier, direction) => {
        const schedule = buildSchedule(plant.input);
        const today = todayOf(plant);
        const req = request(plant, quantity, dueOffset);
        const plan = planOrder(schedule, req, { today, policy: POLICY, tier, direction });
        if (!plan.ok) return;
        const bounds = chainBounds(schedule, POLICY, today, tier, req.dueDate, direction);
        const load = loadWith(schedule, plan.jobs);
        const routing = [...plant.product.routing].sort((a, b) => a.seq - b.seq);
        let prevEnd = -Infinity;
        plan.jobs.forEach((job, i) => {
          const step = routing[i]!;
          expect(job.seq).toBe(step.seq);
          expect(job.minutes).toBe(stepMinutes(step, quantity, []));
          expect(job.allocations.reduce((s, a) => s + a.minutes, 0)).toBe(job.minutes);
          const wc = schedule.workCenters.get(job.workCenterId)!;
          for (const a of job.allocations) {
            expect(a.minutes).toBeGreaterThan(0);
            expect(isWorkCenterWorkingDay(wc, a.day)).toBe(true);
            expect(a.day).toBeGreaterThanOrEqual(bounds.earliest);
            expect(load(wc.id, a.day)).toBeLessThanOrEqual(ceilingMinutes(wc, a.day, tierCeiling(tier, POLICY)));
          }
          if (job.allocations.length > 0) {
            expect(job.allocations[0]!.day).toBeGreaterThan(prevEnd);
            prevEnd = job.allocations[job.allocations.length - 1]!.day;
          }
        });
        if (direction === 'BACKWARD' && Number.isFinite(prevEnd)) expect(prevEnd).toBeLessThanOrEqual(bounds.endBound);
      }),
      RUNS,
    );
  });

  it('never needs less capacity authority for a larger quantity', () => {
    fc.assert(
      fc.property(plantArb, quantityArb, quantityArb, dueOffsetArb, (plant, a, b, dueOffset) => {
        const schedule = buildSchedule(plant.input);
        const [small, large] = a <= b ? [a, b] : [b, a];
        const authorityOf = (quantity: number) =>
          capacityAuthority(evaluateChange(schedule, POLICY, { newOrder: { ...request(plant, quantity, dueOffset), id: 'x', unitPriceCents: 5000 } }, todayOf(plant)));
        expect(authorityOf(large)).toBeGreaterThanOrEqual(authorityOf(small));
      }),
      RUNS,
    );
  });
});

describe('evaluateChange properties', () => {
  it('places the backward plan of the lowest tier under which it fits, and needs that tier’s authority', () => {
    fc.assert(
      fc.property(plantArb, quantityArb, dueOffsetArb, (plant, quantity, dueOffset) => {
        const schedule = buildSchedule(plant.input);
        const today = todayOf(plant);
        const req = request(plant, quantity, dueOffset);
        const evaluation = evaluateChange(schedule, POLICY, { newOrder: { ...req, id: 'x', unitPriceCents: 5000 } }, today);
        const fitting = TIERS.find((tier) => planOrder(schedule, req, { today, policy: POLICY, tier }).ok) ?? 'INFEASIBLE';
        if (fitting === 'INFEASIBLE') {
          expect(evaluation.tier).toBe('INFEASIBLE');
          return;
        }
        const plan = planOrder(schedule, req, { today, policy: POLICY, tier: fitting });
        expect(plan.ok && evaluation.jobs).toEqual(plan.ok && plan.jobs);
        // The tier is judged by the buckets the plan raises; it is lower than the planning tier
        // only when the OVERTIME pass used the freeze window, which needs the plant manager anyway.
        expect(capacityAuthority(evaluation)).toBe(tierRank(fitting));
      }),
      RUNS,
    );
  });

  it('promises dates that fit, and that do not fit one working day earlier', () => {
    fc.assert(
      fc.property(plantArb, quantityArb, (plant, quantity) => {
        const schedule = buildSchedule(plant.input);
        const today = todayOf(plant);
        const req = request(plant, quantity, 0);
        const evaluation = evaluateChange(schedule, POLICY, { newOrder: { ...req, id: 'x', unitPriceCents: 5000 } }, today);
        expect(evaluation.alternatives.map((a) => a.tier)).toEqual(TIERS);
        for (const { tier, dueDate } of evaluation.alternatives) {
          expect(dueDate).not.toBeNull();
          const at = planOrder(schedule, { ...req, dueDate: dueDate! }, { today, policy: POLICY, tier });
          expect(at.ok).toBe(true);
          const earlier = schedule.calendar.subWorkingDays(dueDate!, 1);
          if (earlier >= today) expect(planOrder(schedule, { ...req, dueDate: earlier }, { today, policy: POLICY, tier }).ok).toBe(false);
        }
        const dates = evaluation.alternatives.map((a) => a.dueDate!);
        expect([...dates].sort((x, y) => y - x)).toEqual(dates);
      }),
      RUNS,
    );
  });

  it('is deterministic and JSON-safe, and never mutates the schedule', () => {
    fc.assert(
      fc.property(plantArb, quantityArb, quantityArb, dueOffsetArb, (plant, q1, q2, dueOffset) => {
        const today = todayOf(plant);
        const schedule = buildSchedule(plant.input);
        const plan = planOrder(schedule, request(plant, q1, dueOffset), { today, policy: POLICY, tier: 'OVERTIME' });
        if (!plan.ok) return;
        addOrder(schedule, order({ id: 'x', productId: plant.product.id, quantity: q1, dueDate: today + dueOffset, jobs: plan.jobs }));
        const snapshot = JSON.stringify(plant.input.workCenters.map((wc) => [...schedule.load.bucketsOf(wc.id)].sort((a, b) => a[0] - b[0])));

        const change = { orderId: 'x', quantity: q2 };
        const first = evaluateChange(schedule, POLICY, change, today);
        const second = evaluateChange(schedule, POLICY, change, today);
        const rebuilt = buildSchedule({ ...plant.input, orders: [...plant.input.orders, schedule.orders.get('x')!] });
        expect(second).toEqual(first);
        expect(evaluateChange(rebuilt, POLICY, change, today)).toEqual(first);
        expect(JSON.parse(JSON.stringify(first))).toEqual(first);
        expect(JSON.stringify(plant.input.workCenters.map((wc) => [...schedule.load.bucketsOf(wc.id)].sort((a, b) => a[0] - b[0])))).toBe(snapshot);
      }),
      RUNS,
    );
  });

  it('keeps a changed order’s placements under its tier’s ceiling and in routing order', () => {
    fc.assert(
      fc.property(plantArb, quantityArb, quantityArb, dueOffsetArb, (plant, q1, q2, dueOffset) => {
        const today = todayOf(plant);
        const schedule = buildSchedule(plant.input);
        const plan = planOrder(schedule, request(plant, q1, dueOffset), { today, policy: POLICY, tier: 'OVERTIME' });
        if (!plan.ok) return;
        addOrder(schedule, order({ id: 'x', productId: plant.product.id, quantity: q1, dueDate: today + dueOffset, jobs: plan.jobs }));
        const evaluation = evaluateChange(schedule, POLICY, { orderId: 'x', quantity: q2 }, today);
        if (evaluation.tier === 'INFEASIBLE') return;
        const ceiling = tierCeiling(evaluation.tier, POLICY);
        for (const b of evaluation.impact!.buckets) {
          if (b.loadAfterMinutes <= b.loadBeforeMinutes) continue;
          const wc = schedule.workCenters.get(b.workCenterId)!;
          expect(b.loadAfterMinutes).toBeLessThanOrEqual(ceilingMinutes(wc, b.day, ceiling));
        }
        let prevEnd = -Infinity;
        for (const job of evaluation.jobs) {
          expect(job.allocations.reduce((s, a) => s + a.minutes, 0)).toBe(job.minutes);
          if (job.allocations.length === 0) continue;
          expect(job.allocations[0]!.day).toBeGreaterThan(prevEnd);
          prevEnd = job.allocations[job.allocations.length - 1]!.day;
        }
        const bounds = chainBounds(schedule, POLICY, today, evaluation.tier, today + dueOffset, 'BACKWARD');
        expect(prevEnd).toBeLessThanOrEqual(bounds.endBound);
      }),
      RUNS,
    );
  });

  it('CANCEL frees exactly the order’s future load and nothing else', () => {
    fc.assert(
      fc.property(plantArb, quantityArb, dueOffsetArb, (plant, quantity, dueOffset) => {
        const today = todayOf(plant);
        const schedule = buildSchedule(plant.input);
        const plan = planOrder(schedule, request(plant, quantity, dueOffset), { today, policy: POLICY, tier: 'OVERTIME' });
        if (!plan.ok) return;
        addOrder(schedule, order({ id: 'x', productId: plant.product.id, quantity, dueDate: today + dueOffset, jobs: plan.jobs }));
        const evaluation = evaluateChange(schedule, POLICY, { orderId: 'x', cancel: true }, today);
        const freed = new Map<string, number>();
        for (const j of plan.jobs) for (const a of j.allocations) freed.set(`${j.workCenterId}|${a.day}`, (freed.get(`${j.workCenterId}|${a.day}`) ?? 0) + a.minutes);
        const impact = evaluation.impact!;
        expect(impact.buckets).toHaveLength(freed.size);
        for (const b of impact.buckets) expect(b.loadBeforeMinutes - b.loadAfterMinutes).toBe(freed.get(`${b.workCenterId}|${b.day}`));
        expect(impact.minutesDelta).toBe(-plan.jobs.reduce((s, j) => s + j.minutes, 0));
      }),
      RUNS,
    );
  });

  it('MOVE_JOB starts the job on the requested day and keeps the order in routing order by its due date', () => {
    fc.assert(
      fc.property(plantArb, quantityArb, dueOffsetArb, fc.nat(), fc.integer({ min: 1, max: 60 }), (plant, quantity, dueOffset, pick, startOffset) => {
        const today = todayOf(plant);
        const schedule = buildSchedule(plant.input);
        const plan = planOrder(schedule, request(plant, quantity, dueOffset), { today, policy: POLICY, tier: 'OVERTIME' });
        if (!plan.ok) return;
        addOrder(schedule, order({ id: 'x', productId: plant.product.id, quantity, dueDate: today + dueOffset, jobs: plan.jobs }));
        const moved = plan.jobs[pick % plan.jobs.length]!;
        const startDay = Math.max(schedule.calendar.addWorkingDays(today, 1), today + startOffset);
        const evaluation = evaluateChange(schedule, POLICY, { orderId: 'x', moveJob: { jobId: moved.id, startDay } }, today);
        if (evaluation.tier === 'INFEASIBLE') return;
        const after = evaluation.jobs.find((j) => j.id === moved.id)!;
        const wc = schedule.workCenters.get(moved.workCenterId)!;
        let expectedStart = startDay;
        while (!isWorkCenterWorkingDay(wc, expectedStart)) expectedStart++;
        if (after.minutes > 0) expect(after.allocations[0]!.day).toBe(expectedStart);
        let prevEnd = -Infinity;
        for (const job of evaluation.jobs) {
          expect(job.minutes).toBe(plan.jobs.find((j) => j.id === job.id)!.minutes);
          for (const a of job.allocations) expect(a.day).toBeGreaterThan(today);
          if (job.allocations.length === 0) continue;
          expect(job.allocations[0]!.day).toBeGreaterThan(prevEnd);
          prevEnd = job.allocations[job.allocations.length - 1]!.day;
        }
        expect(prevEnd).toBeLessThanOrEqual(schedule.calendar.subWorkingDays(today + dueOffset, POLICY.shipBufferDays));
      }),
      RUNS,
    );
  });
});
