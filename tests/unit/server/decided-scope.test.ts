import { describe, expect, it } from 'vitest';
import type { Evaluation } from '../../../server/src/engine/index.ts';
import { beyondDecided, neededApprovals } from '../../../server/src/modules/change-order/decided-scope.ts';

/** The parts of an evaluation an approval covers: tier, cost and the lanes it needs. */
function evaluation(tier: Evaluation['tier'], costCents: number, premiumCents: number, laneRoles: Evaluation['laneRoles']): Evaluation {
  const cost = { materialCents: 0, labourCents: costCents - premiumCents, setupCents: 0, overtimePremiumCents: premiumCents, scrapCents: 0, totalCents: costCents };
  const requiredApprovals = Object.entries(laneRoles).map(([lane, role]) => ({ lane, role, rule: lane === 'CAPACITY' ? (tier === 'OVERTIME' ? 'OVERTIME' : 'CAPACITY_MANAGER') : 'MIN_MARGIN', measured: 0, threshold: 0, unit: 'PERCENT', message: '' }));
  return { tier, laneRoles, requiredApprovals, impact: { costDelta: cost } } as unknown as Evaluation;
}

describe('what an approval covers', () => {
  const decided = evaluation('MANAGER', 41_000, 0, { CAPACITY: 'OPS_MANAGER' });

  it('covers the same plan, a cheaper one and a lower tier', () => {
    expect(beyondDecided(decided, decided)).toEqual({ lanes: [], differences: [] });
    expect(beyondDecided(decided, evaluation('AUTO', 30_000, 0, {}))).toEqual({ lanes: [], differences: [] });
  });

  it('reopens capacity and accounting for a higher tier and more cost, and names a new lane, in numbers', () => {
    const now = evaluation('OVERTIME', 60_000, 18_000, { CAPACITY: 'PLANT_MANAGER', ACCOUNTING: 'ACCOUNTING' });
    const beyond = beyondDecided(decided, now);
    expect(beyond.lanes.sort()).toEqual(['ACCOUNTING', 'CAPACITY']);
    expect(beyond.differences).toEqual([
      'ops manager approval → overtime, plant manager approval',
      'cost +410.00 → +600.00, of which overtime premium +0.00 → +180.00',
      'the accounting lane is needed now',
    ]);
    expect(neededApprovals(now, ['CAPACITY', 'ACCOUNTING'])).toBe('capacity: PLANT_MANAGER (OVERTIME); accounting: ACCOUNTING (MIN_MARGIN)');
  });

  it('keeps quality’s grant when only cost grows: quality judged the options', () => {
    const withQuality = evaluation('MANAGER', 41_000, 0, { CAPACITY: 'OPS_MANAGER', QUALITY: 'QUALITY' });
    const costlier = evaluation('MANAGER', 45_000, 0, { CAPACITY: 'OPS_MANAGER', QUALITY: 'QUALITY' });
    expect(beyondDecided(withQuality, costlier)).toEqual({ lanes: ['CAPACITY'], differences: ['cost +410.00 → +450.00'] });
  });
});
