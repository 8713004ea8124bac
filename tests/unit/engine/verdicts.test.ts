import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CapacityTier,
  type Change,
  evaluateChange,
  type Evaluation,
  fromDay,
  planningWindow,
  type Policy,
  routingOf,
  type Schedule,
  stepMinutes,
} from '../../../server/src/engine/index.ts';
import { dueOffsetArb, plantArb, quantityArb } from './arbitraries.ts';
import { book, changeArb, subset, toChange } from './booked.ts';
import { bookOrder, d, filler, fillerOrders, job, order, plant, policy, TODAY } from './factories.ts';

// "A change is judged by the load it adds": only buckets the change raises count toward its tier
// and its capacity approvals, and the two always agree (docs/product.md §3).

const WEEKS = [d('2026-11-23'), d('2027-03-31')] as const;
const ALL = ['l1', 'b1', 'p1'];
const RUNS = { numRuns: 200 };

const POLICIES: readonly Policy[] = [
  policy(),
  policy({ version: 2, autoApproveMaxUtilizationBp: 7000, managerMaxUtilizationBp: 9000 }),
  policy({ version: 3, overtimeAllowed: false }),
  policy({ version: 4, freezeWindowWorkingDays: 0, autoApproveMaxUtilizationBp: 9000 }),
];

function capacityRules(evaluation: Evaluation): string[] {
  return evaluation.requiredApprovals.filter((a) => a.rule === 'CAPACITY_MANAGER' || a.rule === 'OVERTIME').map((a) => a.rule);
}

describe('a change is judged by the load it adds: examples', () => {
  it('auto-approves a quantity decrease of an order that sits in full buckets', () => {
    // Every bucket at 90% from other orders; the order itself was booked by the ops manager.
    const schedule = plant(fillerOrders(ALL, ...WEEKS, 90));
    bookOrder(schedule, { id: 'o1', quantity: 95 }, 'MANAGER');

    const evaluation = evaluateChange(schedule, policy(), { orderId: 'o1', quantity: 40 }, TODAY);

    expect(evaluation.tier).toBe('AUTO');
    expect(evaluation.requiredApprovals).toEqual([]);
    expect(evaluation.impact!.buckets.every((b) => b.loadAfterMinutes <= b.loadBeforeMinutes)).toBe(true);
  });

  it('auto-approves a decrease of an order booked on overtime', () => {
    const schedule = plant(fillerOrders(ALL, ...WEEKS, 100));
    bookOrder(schedule, { id: 'o1', quantity: 60 }, 'OVERTIME');

    const evaluation = evaluateChange(schedule, policy(), { orderId: 'o1', quantity: 30 }, TODAY);

    expect(evaluation.tier).toBe('AUTO');
    expect(capacityRules(evaluation)).toEqual([]);
  });

  it('takes the tier from the bucket the change raises, not from a fuller bucket it only keeps', () => {
    // Laser at 95% holds the order's first step; paint, where the powder finish adds minutes, is
    // at 50%: the verdict is AUTO with no approval, though the order still sits in a 95% bucket.
    const schedule = plant([filler('l1', ...WEEKS, 400), ...fillerOrders(['b1', 'p1'], ...WEEKS, 50)]);
    bookOrder(schedule, { id: 'o1', quantity: 20 }, 'MANAGER');

    const evaluation = evaluateChange(schedule, policy(), { orderId: 'o1', optionIds: ['powder'] }, TODAY);

    expect(evaluation.tier).toBe('AUTO');
    expect(capacityRules(evaluation)).toEqual([]);
    const raised = evaluation.impact!.buckets.filter((b) => b.loadAfterMinutes > b.loadBeforeMinutes);
    expect(raised.map((b) => b.workCenterId)).toEqual(['p1']);
  });
});

describe('a spec change keeps frozen jobs whose minutes do not change: examples', () => {
  /** An order whose laser step runs inside the freeze window, on a laser day at 95%. */
  function frozenOrder(): Schedule {
    const o2 = order({
      id: 'o2',
      quantity: 30,
      dueDate: d('2026-12-11'),
      jobs: [
        job({ id: 'o2-10', orderId: 'o2', seq: 10, workCenterId: 'l1', allocations: [{ day: d('2026-11-25'), minutes: 60 }] }),
        job({ id: 'o2-20', orderId: 'o2', seq: 20, workCenterId: 'b1', allocations: [{ day: d('2026-12-03'), minutes: 90 }] }),
        job({ id: 'o2-30', orderId: 'o2', seq: 30, workCenterId: 'p1', allocations: [{ day: d('2026-12-04'), minutes: 45 }] }),
      ],
    });
    return plant([filler('l1', d('2026-11-24'), d('2026-11-27'), 400), o2]);
  }

  it('leaves a frozen job in place for an option that adds cost but no minutes', () => {
    const evaluation = evaluateChange(frozenOrder(), policy(), { orderId: 'o2', optionIds: ['g304'] }, TODAY);

    expect(evaluation.kinds).toEqual(['SPEC']);
    expect(evaluation.tier).toBe('AUTO');
    expect(evaluation.requiredApprovals).toEqual([]);
    expect(evaluation.jobs[0]!.allocations).toEqual([{ day: d('2026-11-25'), minutes: 60 }]);
    expect(evaluation.frozenJobs).toEqual([{ jobId: 'o2-10', seq: 10, reason: 'FREEZE_WINDOW', kept: true }]);
  });

  it('says which frozen jobs continue from where they are because their minutes change', () => {
    const evaluation = evaluateChange(frozenOrder(), policy(), { orderId: 'o2', quantity: 40 }, TODAY);
    expect(evaluation.frozenJobs).toEqual([{ jobId: 'o2-10', seq: 10, reason: 'FREEZE_WINDOW', kept: false }]);
    expect(evaluation.jobs[0]!.allocations[0]!.day).toBeGreaterThanOrEqual(d('2026-11-25'));
  });

  it('leaves a frozen job in place when the option adds minutes to a later step only', () => {
    const evaluation = evaluateChange(frozenOrder(), policy(), { orderId: 'o2', optionIds: ['powder'] }, TODAY);

    expect(evaluation.jobs.map((j) => j.minutes)).toEqual([60, 90, 75]);
    expect(evaluation.jobs[0]!.allocations).toEqual([{ day: d('2026-11-25'), minutes: 60 }]);
    expect(evaluation.requiredApprovals.map((a) => a.rule)).not.toContain('FREEZE_WINDOW');
  });
});

// ---------------------------------------------------------------------------------------------
// Properties over random plants, orders and changes (booked plants and changes: ./booked.ts).

/** The tier one raised bucket needs, recomputed here from its numbers and the policy. */
function neededTier(b: { capacityMinutes: number; loadAfterMinutes: number }, p: Policy): CapacityTier {
  if (b.loadAfterMinutes * 10_000 <= p.autoApproveMaxUtilizationBp * b.capacityMinutes) return 'AUTO';
  if (b.loadAfterMinutes * 10_000 <= p.managerMaxUtilizationBp * b.capacityMinutes) return 'MANAGER';
  return 'OVERTIME';
}

const RANK: Record<CapacityTier, number> = { AUTO: 0, MANAGER: 1, OVERTIME: 2 };

describe('a change is judged by the load it adds: properties', () => {
  it('gives the tier of the highest raised bucket (AUTO when none rises) and asks capacity approvals for exactly those buckets', () => {
    fc.assert(
      fc.property(plantArb, quantityArb, dueOffsetArb, fc.nat({ max: 7 }), changeArb, fc.constantFrom(...POLICIES), (plant, q1, dueOffset, pick, c, p) => {
        const booked = book(plant, q1, dueOffset, pick);
        if (booked === null) return;
        const change = toChange(booked, plant, c);
        if (change === null) return;
        const evaluation = evaluateChange(booked.schedule, p, change, booked.today);
        if (evaluation.tier === 'INFEASIBLE') return;

        const raised = evaluation.impact!.buckets.filter((b) => b.loadAfterMinutes > b.loadBeforeMinutes);
        const tiers = raised.map((b) => neededTier(b, p));
        const expected = tiers.reduce<CapacityTier>((top, t) => (RANK[t] > RANK[top] ? t : top), 'AUTO');
        expect(evaluation.tier).toBe(expected);

        const aboveAuto = raised.filter((_, i) => tiers[i] !== 'AUTO');
        const manager = evaluation.requiredApprovals.find((a) => a.rule === 'CAPACITY_MANAGER');
        expect(manager !== undefined).toBe(aboveAuto.length > 0);
        if (manager !== undefined) {
          expect(manager.measured).toBe(Math.max(...aboveAuto.map((b) => b.utilizationAfterPct)));
          if (aboveAuto.length > 1) expect(manager.message).toContain(`and ${aboveAuto.length - 1} more day`);
          else expect(manager.message).not.toContain('more day');
        }

        const aboveManager = raised.filter((_, i) => tiers[i] === 'OVERTIME');
        const overtime = evaluation.requiredApprovals.find((a) => a.rule === 'OVERTIME');
        expect(overtime !== undefined).toBe(aboveManager.length > 0);
        if (overtime !== undefined) {
          const limit = (capacity: number) => Math.floor((p.managerMaxUtilizationBp * capacity) / 10_000);
          expect(overtime.measured).toBe(aboveManager.reduce((s, b) => s + b.loadAfterMinutes - Math.max(b.loadBeforeMinutes, limit(b.capacityMinutes)), 0));
          for (const b of aboveManager) expect(overtime.message).toContain(`${b.workCenterCode} on ${fromDay(b.day)}`);
        }
      }),
      RUNS,
    );
  });

  it('never asks a capacity approval for a decrease or a cancel', () => {
    fc.assert(
      fc.property(plantArb, quantityArb, fc.nat({ max: 399 }), dueOffsetArb, fc.nat({ max: 7 }), fc.boolean(), fc.constantFrom(...POLICIES), (plant, q1, cut, dueOffset, pick, cancel, p) => {
        const booked = book(plant, q1, dueOffset, pick);
        if (booked === null) return;
        const q2 = Math.max(1, q1 - 1 - (cut % q1));
        const change: Change = cancel ? { orderId: 'x', cancel: true } : { orderId: 'x', quantity: Math.min(q2, q1) };
        const evaluation = evaluateChange(booked.schedule, p, change, booked.today);
        expect(evaluation.tier).toBe('AUTO');
        expect(capacityRules(evaluation)).toEqual([]);
      }),
      RUNS,
    );
  });
});

describe('a spec change keeps frozen jobs whose minutes do not change: property', () => {
  it('never moves a job that starts inside the freeze window when its minutes, and those of the steps before it, do not grow', () => {
    fc.assert(
      fc.property(plantArb, quantityArb, fc.integer({ min: 0, max: 30 }), fc.nat({ max: 7 }), fc.nat({ max: 7 }), fc.constantFrom(...POLICIES), (plant, quantity, dueOffset, from, to, p) => {
        const booked = book(plant, quantity, dueOffset, from);
        if (booked === null) return;
        const optionIds = subset(plant.product.options.map((o) => o.id), to);
        const evaluation = evaluateChange(booked.schedule, p, { orderId: 'x', optionIds }, booked.today);
        if (evaluation.tier === 'INFEASIBLE') return;

        const { freezeEnd } = planningWindow(booked.schedule.calendar, p, booked.today);
        const chosen = plant.product.options.filter((o) => optionIds.includes(o.id));
        const routing = routingOf(plant.product);
        let earlierGrew = false;
        booked.before.forEach((job, i) => {
          const minutes = stepMinutes(routing[i]!, quantity, chosen);
          const frozen = job.allocations.length > 0 && job.allocations[0]!.day <= freezeEnd;
          if (frozen && minutes === job.minutes && !earlierGrew) {
            expect(evaluation.jobs[i]!.allocations, `step ${job.seq}`).toEqual(job.allocations);
          }
          earlierGrew ||= minutes > job.minutes;
        });
      }),
      RUNS,
    );
  });
});

describe('rules written down for people: examples', () => {
  it('lists the lead-time and quality reasons on an INFEASIBLE verdict, and routes nothing', () => {
    const schedule = plant([filler('l1', ...WEEKS, 480)]);
    bookOrder(schedule, { id: 'o1', quantity: 10, dueDate: d('2027-04-30') }, 'MANAGER');

    const evaluation = evaluateChange(schedule, policy({ overtimeAllowed: false }), { orderId: 'o1', dueDate: d('2026-11-27'), optionIds: ['g316'] }, TODAY);

    expect(evaluation.tier).toBe('INFEASIBLE');
    expect(evaluation.requiredApprovals.map((a) => [a.rule, a.role, a.measured, a.threshold])).toEqual([
      ['MIN_LEAD_TIME', 'PLANT_MANAGER', 4, 5],
      ['REVIEW_REQUIRED', 'QUALITY', 1, 0],
    ]);
    expect(evaluation.laneRoles).toEqual({});
  });

  it('measures FREEZE_WINDOW at a moved job’s current start inside the window and names where it goes', () => {
    const o2 = order({
      id: 'o2',
      dueDate: d('2026-12-18'),
      jobs: [
        job({ id: 'o2-10', orderId: 'o2', seq: 10, workCenterId: 'l1', allocations: [{ day: d('2026-11-24'), minutes: 130 }] }),
        job({ id: 'o2-20', orderId: 'o2', seq: 20, workCenterId: 'b1', allocations: [{ day: d('2026-12-10'), minutes: 230 }] }),
        job({ id: 'o2-30', orderId: 'o2', seq: 30, workCenterId: 'p1', allocations: [{ day: d('2026-12-11'), minutes: 80 }] }),
      ],
    });
    const evaluation = evaluateChange(plant([o2]), policy(), { orderId: 'o2', moveJob: { jobId: 'o2-10', startDay: d('2026-12-02') } }, TODAY);

    expect(evaluation.tier).toBe('AUTO');
    expect(evaluation.requiredApprovals).toEqual([
      expect.objectContaining({
        rule: 'FREEZE_WINDOW',
        measured: 1,
        threshold: 3,
        message: 'Step 10 on Laser L1 starts 2026-11-24, inside the 3-working-day freeze window (through 2026-11-26); the change moves it to 2026-12-02',
      }),
    ]);
  });

  it('measures FREEZE_WINDOW at the new start when a job moves into the window', () => {
    const schedule = plant();
    bookOrder(schedule, { id: 'o1' });
    const evaluation = evaluateChange(schedule, policy(), { orderId: 'o1', moveJob: { jobId: 'o1-10', startDay: d('2026-11-25') } }, TODAY);

    expect(evaluation.requiredApprovals).toEqual([
      expect.objectContaining({
        rule: 'FREEZE_WINDOW',
        measured: 2,
        message: 'Step 10 on Laser L1 would start 2026-11-25, inside the 3-working-day freeze window (through 2026-11-26) (instead of 2026-12-15)',
      }),
    ]);
  });
});

describe('the data behind a verdict: properties', () => {
  it('gives each capable-to-promise date the plan behind it, and names every held job and whether it stayed', () => {
    fc.assert(
      fc.property(plantArb, quantityArb, dueOffsetArb, fc.nat({ max: 7 }), changeArb, fc.constantFrom(...POLICIES), (plant, q1, dueOffset, pick, c, p) => {
        const booked = book(plant, q1, dueOffset, pick);
        if (booked === null) return;
        const change = toChange(booked, plant, c);
        if (change === null) return;
        const evaluation = evaluateChange(booked.schedule, p, change, booked.today);

        for (const alternative of evaluation.alternatives) {
          const jobs = alternative.jobs!;
          if (alternative.dueDate === null) {
            expect(jobs).toEqual([]);
            continue;
          }
          expect(jobs.map((j) => j.seq)).toEqual(routingOf(plant.product).map((s) => s.seq));
          const last = Math.max(...jobs.flatMap((j) => j.allocations.filter((a) => a.day > booked.today).map((a) => a.day)));
          if (Number.isFinite(last)) expect(booked.schedule.calendar.addWorkingDays(last, p.shipBufferDays)).toBe(alternative.dueDate);
        }

        if (evaluation.tier === 'INFEASIBLE' || evaluation.terms === null || change.newOrder !== undefined) {
          expect(evaluation.frozenJobs).toEqual([]);
          return;
        }
        const { freezeEnd } = planningWindow(booked.schedule.calendar, p, booked.today);
        const held = booked.before.filter((j) => j.allocations.length > 0 && j.allocations[0]!.day <= freezeEnd);
        expect(evaluation.frozenJobs!.map((f) => [f.jobId, f.reason])).toEqual(held.map((j) => [j.id, 'FREEZE_WINDOW']));
        for (const f of evaluation.frozenJobs!) {
          const before = booked.before.find((j) => j.id === f.jobId)!;
          const after = evaluation.jobs.find((j) => j.id === f.jobId)!;
          expect(f.kept).toBe(JSON.stringify(after.allocations) === JSON.stringify(before.allocations));
        }
      }),
      RUNS,
    );
  });
});
