import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateChange, type Evaluation, type Lane, type Policy, rejudge, replayPolicy, type ReplayCase } from '../../../server/src/engine/index.ts';
import { dueOffsetArb, plantArb, quantityArb } from './arbitraries.ts';
import { book, changeArb, toChange } from './booked.ts';
import { policy } from './factories.ts';

// The policy replay (docs/product.md §4.4) judges stored plans under another policy. Its two
// promises: the policy a verdict was made under gives that verdict back exactly, and a stricter
// policy never asks for fewer approvals.

const RUNS = { numRuns: 200 };

/** A random valid policy: thresholds anywhere in their ranges. */
const policyArb: fc.Arbitrary<Policy> = fc
  .record({
    auto: fc.integer({ min: 1, max: 10_000 }),
    manager: fc.integer({ min: 1, max: 10_000 }),
    overtimeAllowed: fc.boolean(),
    freeze: fc.integer({ min: 0, max: 15 }),
    cost: fc.integer({ min: 0, max: 200_000 }),
    margin: fc.integer({ min: 0, max: 10_000 }),
  })
  .map((r) =>
    policy({
      version: 7,
      autoApproveMaxUtilizationBp: Math.min(r.auto, r.manager),
      managerMaxUtilizationBp: Math.max(r.auto, r.manager),
      overtimeAllowed: r.overtimeAllowed,
      freezeWindowWorkingDays: r.freeze,
      costIncreaseLimitCents: r.cost,
      minMarginBp: r.margin,
    }),
  );

/** A stored verdict: a random change on a random plant, evaluated under a policy. */
const evaluatedArb = (policies: fc.Arbitrary<Policy>) =>
  fc
    .record({ plant: plantArb, q1: quantityArb, dueOffset: dueOffsetArb, pick: fc.nat({ max: 7 }), change: changeArb, policy: policies })
    .map(({ plant, q1, dueOffset, pick, change, policy: p }) => {
      const booked = book(plant, q1, dueOffset, pick);
      const c = booked === null ? null : toChange(booked, plant, change);
      return booked === null || c === null ? null : { evaluation: evaluateChange(booked.schedule, p, c, booked.today), policy: p };
    })
    .filter((x): x is { evaluation: Evaluation; policy: Policy } => x !== null);

/** A policy at least as strict as `p` in every threshold (overtime as it is). */
const stricterArb = (p: Policy) =>
  fc
    .record({ auto: fc.nat({ max: 5000 }), manager: fc.nat({ max: 5000 }), freeze: fc.nat({ max: 10 }), cost: fc.nat({ max: 100_000 }), margin: fc.nat({ max: 5000 }) })
    .map((d) => {
      const manager = Math.max(1, p.managerMaxUtilizationBp - d.manager);
      return {
        ...p,
        managerMaxUtilizationBp: manager,
        autoApproveMaxUtilizationBp: Math.max(1, Math.min(manager, p.autoApproveMaxUtilizationBp - d.auto)),
        freezeWindowWorkingDays: p.freezeWindowWorkingDays + d.freeze,
        costIncreaseLimitCents: Math.max(0, p.costIncreaseLimitCents - d.cost),
        minMarginBp: Math.min(10_000, p.minMarginBp + d.margin),
      };
    });

const RANK = { AUTO: 0, MANAGER: 1, OVERTIME: 2, INFEASIBLE: 3 } as const;
const ROLE_RANK = { OPS_MANAGER: 0, PLANT_MANAGER: 1, ACCOUNTING: 0, QUALITY: 0 } as const;

function asCase(evaluation: Evaluation, i: number, grantedLanes: readonly Lane[] = []): ReplayCase {
  return { id: `co${i}`, number: `CO-${i}`, proposedOn: evaluation.today, evaluation, grantedLanes, waitedHours: {} };
}

describe('policy replay properties', () => {
  it('reproduces every stored verdict exactly under the policy it was evaluated with', () => {
    fc.assert(
      fc.property(evaluatedArb(policyArb), ({ evaluation, policy: p }) => {
        const replayed = rejudge(evaluation, p);
        expect(replayed.tier).toBe(evaluation.tier);
        expect(replayed.rules).toEqual(evaluation.requiredApprovals.map((a) => a.rule));
        expect(replayed.laneRoles).toEqual(evaluation.laneRoles);
        // And as a whole history: nothing changes, counts are the stored ones.
        const replay = replayPolicy([asCase(evaluation, 1)], p, p);
        expect(replay.changed).toEqual([]);
        expect(replay.draft.tiers[evaluation.tier]).toBe(1);
      }),
      RUNS,
    );
  });

  it('never asks for fewer approvals under a stricter threshold', () => {
    fc.assert(
      fc.property(
        fc.array(evaluatedArb(policyArb.filter((p) => p.overtimeAllowed)), { minLength: 1, maxLength: 4 }).chain((stored) =>
          fc.record({ stored: fc.constant(stored), base: policyArb.filter((p) => p.overtimeAllowed) }).chain(({ stored: s, base }) =>
            fc.record({ stored: fc.constant(s), base: fc.constant(base), strict: stricterArb(base) }),
          ),
        ),
        ({ stored, base, strict }) => {
          const cases = stored.map((s, i) => asCase(s.evaluation, i));
          const replay = replayPolicy(cases, base, strict);
          const needing = (side: typeof replay.current) => side.tiers.MANAGER + side.tiers.OVERTIME;
          expect(needing(replay.draft)).toBeGreaterThanOrEqual(needing(replay.current));
          const decisions = (side: typeof replay.current) => Object.values(side.decisions).reduce((a, b) => a + b, 0);
          expect(decisions(replay.draft)).toBeGreaterThanOrEqual(decisions(replay.current));
          for (const s of stored) {
            const loose = rejudge(s.evaluation, base);
            const tight = rejudge(s.evaluation, strict);
            expect(RANK[tight.tier]).toBeGreaterThanOrEqual(RANK[loose.tier]);
            for (const rule of loose.rules) expect(tight.rules).toContain(rule);
            for (const [lane, role] of Object.entries(loose.laneRoles)) {
              const now = tight.laneRoles[lane as Lane];
              expect(now).toBeDefined();
              expect(ROLE_RANK[now!]).toBeGreaterThanOrEqual(ROLE_RANK[role]);
            }
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('is pure: the same history and draft give the same comparison', () => {
    fc.assert(
      fc.property(fc.array(evaluatedArb(policyArb), { maxLength: 3 }), policyArb, policyArb, (stored, a, b) => {
        const cases = stored.map((s, i) => asCase(s.evaluation, i, ['CAPACITY']));
        const frozen = JSON.stringify(cases);
        const first = replayPolicy(cases, a, b);
        expect(replayPolicy(JSON.parse(frozen) as ReplayCase[], a, b)).toEqual(first);
        expect(JSON.stringify(cases)).toBe(frozen);
      }),
      { numRuns: 50 },
    );
  });
});

describe('policy replay: examples', () => {
  it('moves a change from the ops manager to no approval when the auto ceiling rises past its bucket, and counts the granted approval no longer needed', () => {
    const bucket = { workCenterId: 'l1', workCenterCode: 'L1', day: 20_000, capacityMinutes: 480, overtimeCapacityMinutes: 120, loadBeforeMinutes: 400, loadAfterMinutes: 420, utilizationBeforePct: 83.33, utilizationAfterPct: 87.5 };
    const cost = { materialCents: 0, labourCents: 0, setupCents: 0, overtimePremiumCents: 0, scrapCents: 0, totalCents: 0 };
    const evaluation: Evaluation = {
      policyVersion: 1, today: 20_000 - 5, orderId: 'o', kinds: ['QUANTITY'], tier: 'MANAGER', infeasibleReason: null,
      terms: { productId: 'p', quantity: 2, optionIds: [], dueDate: 20_010, unitPriceCents: 100 },
      jobs: [],
      impact: { buckets: [bucket], minutesDelta: 20, hoursDelta: 0.33, overtimeMinutes: 0, costBefore: cost, costAfter: cost, costDelta: cost,
        priceBeforeCents: 100, priceAfterCents: 200, priceDeltaCents: 100, marginBeforeCents: 100, marginAfterCents: 200, marginBeforePct: 100, marginAfterPct: 100 },
      requiredApprovals: [{ lane: 'CAPACITY', role: 'OPS_MANAGER', rule: 'CAPACITY_MANAGER', measured: 87.5, threshold: 80, unit: 'PERCENT', message: '' }],
      laneRoles: { CAPACITY: 'OPS_MANAGER' },
      alternatives: [],
      freezeExposure: { startedJobAltered: false, nearestStartWorkingDays: 8 },
    };
    const current = policy();
    const draft = policy({ autoApproveMaxUtilizationBp: 9000 });
    const replay = replayPolicy([{ ...asCase(evaluation, 1, ['CAPACITY']), waitedHours: { CAPACITY: 10 } }], current, draft);
    expect(replay.current.tiers).toEqual({ AUTO: 0, MANAGER: 1, OVERTIME: 0, INFEASIBLE: 0 });
    expect(replay.draft.tiers).toEqual({ AUTO: 1, MANAGER: 0, OVERTIME: 0, INFEASIBLE: 0 });
    // It waited 10 h > the 8 h SLA: escalated to the plant manager under the current rules.
    expect(replay.current.decisions).toEqual({ OPS_MANAGER: 1, PLANT_MANAGER: 1, ACCOUNTING: 0, QUALITY: 0 });
    expect(replay.current.escalations).toBe(1);
    expect(replay.draft.decisions).toEqual({ OPS_MANAGER: 0, PLANT_MANAGER: 0, ACCOUNTING: 0, QUALITY: 0 });
    expect(replay.draft.grantedNoLongerNeeded).toBe(1);
    expect(replay.changed.map((c) => [c.number, c.current.tier, c.draft.tier, c.grantedNoLongerNeeded])).toEqual([['CO-1', 'MANAGER', 'AUTO', ['CAPACITY']]]);
    expect(replay.weeks).toEqual([{ weekStart: 19_989, role: 'OPS_MANAGER', current: 1, draft: 0 }, { weekStart: 19_989, role: 'PLANT_MANAGER', current: 1, draft: 0 }]);
    // A wider freeze window reaches its job 8 working days out; overtime not allowed does not matter (87.5 % < 100 %).
    expect(rejudge(evaluation, policy({ freezeWindowWorkingDays: 8, overtimeAllowed: false })).rules).toEqual(['CAPACITY_MANAGER', 'FREEZE_WINDOW']);
    expect(rejudge(evaluation, policy({ autoApproveMaxUtilizationBp: 8000, managerMaxUtilizationBp: 8500, overtimeAllowed: false })).tier).toBe('INFEASIBLE');
  });
});
