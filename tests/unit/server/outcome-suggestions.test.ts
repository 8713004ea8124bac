import { describe, expect, it } from 'vitest';
import { PLANT_SCOPE, type RuleScope } from '../../../server/src/engine/index.ts';
import { bandOf, MIN_EVIDENCE, summarizeOutcomes, type OutcomeRow } from '../../../server/src/modules/report/outcomes.ts';

// The suggestions of the outcome analytics (docs/reports.md "Outcomes"): only where the numbers
// carry them, always about the current policy's limit, never applied by themselves.

const PLANT = { autoApproveMaxUtilizationBp: 8000, scopedRules: [] };

function row(pct: number | null, over: Partial<OutcomeRow> = {}): OutcomeRow {
  return {
    tier: pct !== null && pct > 80 ? 'MANAGER' : 'AUTO',
    status: 'APPLIED',
    scope: PLANT_SCOPE,
    workCenterCode: null,
    maxRaisedPct: pct,
    autoApproved: pct === null || pct <= 80,
    laterLateOrAtRisk: false,
    rejected: false,
    escalatedAfterRejection: false,
    ...over,
  };
}

const many = (n: number, make: () => OutcomeRow) => Array.from({ length: n }, make);

describe('outcome bands and suggestions', () => {
  it('bands a utilization above its lower edge up to its upper edge', () => {
    expect([80, 80.01, 84.99, 85, 0, 3].map(bandOf)).toEqual([75, 80, 80, 80, 0, 0]);
  });

  it('suggests raising the auto-approve limit when the band below never went wrong and the band above was never rejected', () => {
    const rows = [...many(MIN_EVIDENCE, () => row(78)), ...many(4, () => row(83))];
    const { suggestions, bands } = summarizeOutcomes(rows, [], PLANT);
    expect(bands.map((b) => [b.fromPct, b.autoApproved, b.managerTier])).toEqual([[75, 5, 0], [80, 0, 4]]);
    expect(suggestions).toEqual([
      'Under the plant rule, the 5 auto-approved changes between 75 % and 80 % never later became late or at risk, and none of the 4 changes between 80 % and 85 % that went to the ops manager was rejected: raising the auto-approve limit to 85 % would have removed 4 manager decisions.',
    ]);
  });

  it('suggests nothing on too few examples, after a later risk, or after a rejection above', () => {
    expect(summarizeOutcomes([...many(MIN_EVIDENCE - 1, () => row(78)), row(83)], [], PLANT).suggestions).toEqual([]);
    expect(summarizeOutcomes([...many(MIN_EVIDENCE, () => row(78)), row(83, { rejected: true })], [], PLANT).suggestions).toEqual([]);
    const risky = [...many(MIN_EVIDENCE - 1, () => row(78)), row(78, { laterLateOrAtRisk: true }), row(83)];
    expect(summarizeOutcomes(risky, [], PLANT).suggestions.some((s) => s.includes('raising'))).toBe(false);
  });

  it('suggests lowering the limit when a quarter or more of the band below later went wrong', () => {
    const rows = [...many(3, () => row(77)), ...many(2, () => row(79, { laterLateOrAtRisk: true }))];
    expect(summarizeOutcomes(rows, [], PLANT).suggestions).toEqual([
      'Under the plant rule, 2 of the 5 auto-approved changes between 75 % and 80 % later became late or at risk: lowering the auto-approve limit to 75 % would have sent them to the ops manager.',
    ]);
  });

  it('says when most escalated rejections were overturned, and judges a scoped rule against its own current limit', () => {
    const laser: RuleScope = { workCenterId: 'wc-laser', customerTier: null };
    const rows = [
      ...many(2, () => row(90, { scope: laser, workCenterCode: 'LASER', rejected: true, escalatedAfterRejection: true })),
      row(90, { scope: laser, workCenterCode: 'LASER', rejected: true, escalatedAfterRejection: true, status: 'REJECTED' }),
      ...many(MIN_EVIDENCE, () => row(68, { scope: laser, workCenterCode: 'LASER', autoApproved: true, tier: 'AUTO' })),
      ...many(2, () => row(72, { scope: laser, workCenterCode: 'LASER', tier: 'MANAGER', autoApproved: false })),
    ];
    const policy = { autoApproveMaxUtilizationBp: 8000, scopedRules: [{ scope: laser, autoApproveMaxUtilizationBp: 7000, managerMaxUtilizationBp: 10_000, overtimeAllowed: true }] };
    const { suggestions, overturnedRejections } = summarizeOutcomes(rows, [], policy);
    expect(overturnedRejections).toEqual([{ scopeLabel: 'LASER', rejected: 3, escalated: 3, overturned: 2 }]);
    expect(suggestions).toEqual([
      'Under the LASER rule, the 5 auto-approved changes between 65 % and 70 % never later became late or at risk, and none of the 2 changes between 70 % and 75 % that went to the ops manager was rejected: raising the auto-approve limit to 75 % would have removed 2 manager decisions.',
      'Under the LASER rule, 2 of 3 rejections escalated were overturned: the limits may be set too tight.',
    ]);
    // The rule is gone from the current policy: nothing to raise or lower.
    expect(summarizeOutcomes(rows, [], PLANT).suggestions).toEqual(['Under the LASER rule, 2 of 3 rejections escalated were overturned: the limits may be set too tight.']);
  });
});
