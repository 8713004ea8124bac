import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addOrder,
  bucketTier,
  buildSchedule,
  type BucketImpact,
  type CustomerTier,
  evaluateChange,
  type Evaluation,
  judgeBuckets,
  PLANT_SCOPE,
  planOrder,
  type Policy,
  type ScopedRule,
  specificity,
  thresholdsFor,
} from '../../../server/src/engine/index.ts';
import { dueOffsetArb, plantArb, quantityArb, todayOf } from './arbitraries.ts';
import { order, policy } from './factories.ts';

// Scoped capacity rules (docs/product.md §4.3): the most specific rule wins, a rule affects only
// its scope, and a policy without scoped rules judges exactly as the plant rule always did.

const RUNS = { numRuns: 120 };
const WCS = ['w0', 'w1', 'w2'] as const;
const TIERS: readonly CustomerTier[] = ['STRATEGIC', 'STANDARD'];

const thresholdsArb = fc
  .tuple(fc.integer({ min: 1000, max: 10_000 }), fc.integer({ min: 1000, max: 10_000 }), fc.boolean())
  .map(([a, b, overtimeAllowed]) => ({ autoApproveMaxUtilizationBp: Math.min(a, b), managerMaxUtilizationBp: Math.max(a, b), overtimeAllowed }));

const scopeArb = fc
  .record({ workCenterId: fc.constantFrom<string | null>(null, ...WCS), customerTier: fc.constantFrom<CustomerTier | null>(null, ...TIERS) })
  .filter((s) => s.workCenterId !== null || s.customerTier !== null);

/** 0–6 scoped rules, one per scope (as the policy editor enforces). */
const rulesArb: fc.Arbitrary<ScopedRule[]> = fc
  .uniqueArray(fc.record({ scope: scopeArb, thresholds: thresholdsArb }), { selector: (r) => `${r.scope.workCenterId}|${r.scope.customerTier}`, maxLength: 6 })
  .map((rules) => rules.map(({ scope, thresholds }) => ({ scope, ...thresholds })));

const bucketArb: fc.Arbitrary<BucketImpact> = fc
  .record({ wc: fc.constantFrom(...WCS), capacity: fc.constantFrom(240, 480, 600), before: fc.integer({ min: 0, max: 700 }), after: fc.integer({ min: 0, max: 700 }) })
  .map(({ wc, capacity, before, after }) => ({
    workCenterId: wc,
    workCenterCode: wc.toUpperCase(),
    day: 20_000,
    capacityMinutes: capacity,
    overtimeCapacityMinutes: 120,
    loadBeforeMinutes: before,
    loadAfterMinutes: after,
    utilizationBeforePct: Math.round((before / capacity) * 10_000) / 100,
    utilizationAfterPct: Math.round((after / capacity) * 10_000) / 100,
  }));

const tierOfCustomerArb = fc.constantFrom<CustomerTier | null>(null, ...TIERS);

/** Drops the fields that name the rule instance, to compare what was decided. */
function decided(evaluation: Evaluation): unknown {
  const { tierScope: _t, requiredApprovals, ...rest } = evaluation;
  return { ...rest, requiredApprovals: requiredApprovals.map(({ scope: _s, message: _m, ...a }) => a) };
}

describe('scoped capacity rules: precedence', () => {
  it('uses the most specific applying rule (work center + tier > tier > work center > plant), the plant rule when none applies', () => {
    fc.assert(
      fc.property(rulesArb, fc.constantFrom<string | null>(null, ...WCS), tierOfCustomerArb, (rules, wc, tier) => {
        const p = policy({ scopedRules: rules });
        const used = thresholdsFor(p, wc, tier);
        const applying = rules.filter(
          (r) => (r.scope.workCenterId === null || r.scope.workCenterId === wc) && (r.scope.customerTier === null || r.scope.customerTier === tier),
        );
        if (applying.length === 0) {
          expect(used.scope).toEqual(PLANT_SCOPE);
          expect(used.autoApproveMaxUtilizationBp).toBe(p.autoApproveMaxUtilizationBp);
          return;
        }
        expect(applying).toContainEqual(used);
        for (const r of applying) expect(specificity(r)).toBeLessThanOrEqual(specificity(used));
      }),
      RUNS,
    );
  });
});

describe('scoped capacity rules: a rule only affects its scope', () => {
  it('changes the tier only of buckets in its scope, and a stricter rule never lowers one', () => {
    fc.assert(
      fc.property(fc.array(bucketArb, { maxLength: 8 }), fc.constantFrom(...WCS), thresholdsArb, tierOfCustomerArb, (buckets, wc, thresholds, tier) => {
        const plain = policy();
        const scoped = policy({ scopedRules: [{ scope: { workCenterId: wc, customerTier: null }, ...thresholds }] });
        const rank = ['AUTO', 'MANAGER', 'OVERTIME'];
        for (const b of buckets) {
          if (b.workCenterId !== wc) expect(bucketTier(b, scoped, tier)).toBe(bucketTier(b, plain, tier));
          if (thresholds.autoApproveMaxUtilizationBp <= plain.autoApproveMaxUtilizationBp && thresholds.managerMaxUtilizationBp <= plain.managerMaxUtilizationBp) {
            expect(rank.indexOf(bucketTier(b, scoped, tier))).toBeGreaterThanOrEqual(rank.indexOf(bucketTier(b, plain, tier)));
          }
        }
      }),
      RUNS,
    );
  });

  it('a customer-tier rule does not touch other customers', () => {
    fc.assert(
      fc.property(fc.array(bucketArb, { maxLength: 8 }), thresholdsArb, (buckets, thresholds) => {
        const scoped = policy({ scopedRules: [{ scope: { workCenterId: null, customerTier: 'STRATEGIC' }, ...thresholds }] });
        expect(judgeBuckets(buckets, scoped, 'STANDARD')).toEqual(judgeBuckets(buckets, policy(), 'STANDARD'));
        expect(judgeBuckets(buckets, scoped, null)).toEqual(judgeBuckets(buckets, policy(), null));
      }),
      RUNS,
    );
  });
});

describe('scoped capacity rules: whole evaluations', () => {
  /** A plant with order x planned on it, and a quantity change to x. */
  const caseArb = fc.record({ plant: plantArb, q1: quantityArb, q2: quantityArb, dueOffset: dueOffsetArb, tier: tierOfCustomerArb });

  function scheduleWithX(c: { plant: Parameters<typeof todayOf>[0]; q1: number; dueOffset: number }) {
    const today = todayOf(c.plant);
    const schedule = buildSchedule(c.plant.input);
    const plan = planOrder(schedule, { orderId: 'x', productId: c.plant.product.id, quantity: c.q1, optionIds: [], dueDate: today + c.dueOffset }, { today, policy: policy(), tier: 'OVERTIME' });
    if (!plan.ok) return null;
    addOrder(schedule, order({ id: 'x', productId: c.plant.product.id, quantity: c.q1, dueDate: today + c.dueOffset, jobs: plan.jobs }));
    return { schedule, today };
  }

  it('with no scoped rules, or only rules for work centers and tiers the change never meets, decides exactly as the plant rule', () => {
    fc.assert(
      fc.property(caseArb, thresholdsArb, (c, thresholds) => {
        const set = scheduleWithX(c);
        if (set === null) return;
        const change = { orderId: 'x', quantity: c.q2, ...(c.tier === null ? {} : { customerTier: c.tier }) };
        const plain = evaluateChange(set.schedule, policy(), change, set.today);
        expect(evaluateChange(set.schedule, policy({ scopedRules: [] }), change, set.today)).toEqual(plain);
        const elsewhere: Policy = policy({
          scopedRules: [
            { scope: { workCenterId: 'no-such-wc', customerTier: null }, ...thresholds },
            ...(c.tier === 'STANDARD' ? [{ scope: { workCenterId: null, customerTier: 'STRATEGIC' as const }, ...thresholds }] : []),
          ],
        });
        expect(evaluateChange(set.schedule, elsewhere, change, set.today)).toEqual(plain);
        expect(plain.tierScope).toEqual(PLANT_SCOPE);
        for (const a of plain.requiredApprovals) expect(a.scope).toEqual(PLANT_SCOPE);
      }),
      RUNS,
    );
  });

  it('a work-center rule with the plant’s own numbers decides the same, naming itself for its buckets', () => {
    fc.assert(
      fc.property(caseArb, fc.constantFrom(...WCS), (c, wc) => {
        const set = scheduleWithX(c);
        if (set === null) return;
        const change = { orderId: 'x', quantity: c.q2 };
        const p = policy();
        const same = policy({
          scopedRules: [{ scope: { workCenterId: wc, customerTier: null }, autoApproveMaxUtilizationBp: p.autoApproveMaxUtilizationBp, managerMaxUtilizationBp: p.managerMaxUtilizationBp, overtimeAllowed: p.overtimeAllowed }],
        });
        const plain = evaluateChange(set.schedule, p, change, set.today);
        const scoped = evaluateChange(set.schedule, same, change, set.today);
        expect(decided(scoped)).toEqual(decided(plain));
        for (const a of scoped.requiredApprovals) {
          if (a.rule !== 'CAPACITY_MANAGER' && a.rule !== 'OVERTIME') expect(a.scope).toEqual(PLANT_SCOPE);
        }
      }),
      RUNS,
    );
  });

  it('judges tier and rule instance from the buckets under the applying rules, with the capacity approvals to match', () => {
    fc.assert(
      fc.property(caseArb, rulesArb, (c, rules) => {
        const set = scheduleWithX(c);
        if (set === null) return;
        const p = policy({ scopedRules: rules });
        const evaluation = evaluateChange(set.schedule, p, { orderId: 'x', quantity: c.q2, ...(c.tier === null ? {} : { customerTier: c.tier }) }, set.today);
        expect(evaluation.customerTier).toBe(c.tier);
        if (evaluation.tier === 'INFEASIBLE') return;
        expect(judgeBuckets(evaluation.impact!.buckets, p, c.tier)).toEqual({ tier: evaluation.tier, scope: evaluation.tierScope });
        const manager = evaluation.requiredApprovals.find((a) => a.rule === 'CAPACITY_MANAGER');
        expect(manager !== undefined).toBe(evaluation.tier !== 'AUTO');
        if (manager) expect(Math.round(manager.threshold * 100)).toBe(thresholdsFor(p, manager.scope!.workCenterId ?? null, c.tier).autoApproveMaxUtilizationBp);
        const overtime = evaluation.requiredApprovals.find((a) => a.rule === 'OVERTIME');
        expect(overtime !== undefined).toBe(evaluation.tier === 'OVERTIME');
      }),
      RUNS,
    );
  });
});
