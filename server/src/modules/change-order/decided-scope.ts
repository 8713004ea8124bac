import type { Evaluation, Lane } from '../../engine/index.ts';
import { formatMoneyDelta as signed } from '../../shared/money.ts';
import { TIER_WORDS } from '../../shared/tiers.ts';

const TIER_RANK: Record<string, number> = { AUTO: 0, MANAGER: 1, OVERTIME: 2, INFEASIBLE: 3 };

/** What a re-evaluation asks beyond the one its approvers decided on. */
export interface BeyondDecided {
  /** Lanes whose grants no longer cover it, whatever role granted them. */
  lanes: Lane[];
  /** The differences in numbers, for the status reason (empty when nothing grew). */
  differences: string[];
}

/**
 * An approval covers what the approver saw, not every plan their role could approve
 * (docs/change-orders.md, "An approval covers what the approver saw"): when the re-evaluation at
 * apply needs a higher tier, costs more or needs a lane the decided one did not, the lanes that
 * judged it must decide again. A higher tier or more cost reopens capacity and accounting (who
 * weigh load and margin); a new lane is open anyway. Quality judged the options, which a schedule
 * change does not alter.
 */
export function beyondDecided(decided: Evaluation, now: Evaluation): BeyondDecided {
  const differences: string[] = [];
  const lanes = new Set<Lane>();
  const required = (lane: Lane) => now.laneRoles[lane] !== undefined;
  if (TIER_RANK[now.tier]! > TIER_RANK[decided.tier]!) {
    differences.push(`${TIER_WORDS[decided.tier]} → ${TIER_WORDS[now.tier]}`);
    if (required('CAPACITY')) lanes.add('CAPACITY');
  }
  const costBefore = decided.impact?.costDelta;
  const costNow = now.impact?.costDelta;
  if (costBefore && costNow && costNow.totalCents > costBefore.totalCents) {
    const premium = costNow.overtimePremiumCents !== costBefore.overtimePremiumCents
      ? `, of which overtime premium ${signed(costBefore.overtimePremiumCents)} → ${signed(costNow.overtimePremiumCents)}` : '';
    differences.push(`cost ${signed(costBefore.totalCents)} → ${signed(costNow.totalCents)}${premium}`);
    for (const lane of ['CAPACITY', 'ACCOUNTING'] as const) if (required(lane)) lanes.add(lane);
  }
  for (const lane of Object.keys(now.laneRoles) as Lane[]) {
    if (decided.laneRoles[lane] === undefined) {
      differences.push(`the ${lane.toLowerCase()} lane is needed now`);
      lanes.add(lane);
    }
  }
  return { lanes: [...lanes], differences };
}

/** The approvals an evaluation needs, in words: "capacity: PLANT_MANAGER (OVERTIME), …". */
export function neededApprovals(evaluation: Evaluation, lanes: readonly Lane[]): string {
  return lanes.map((lane) => {
    const rules = evaluation.requiredApprovals.filter((r) => r.lane === lane).map((r) => r.rule);
    return `${lane.toLowerCase()}: ${evaluation.laneRoles[lane]}${rules.length ? ` (${rules.join(', ')})` : ''}`;
  }).join('; ');
}
