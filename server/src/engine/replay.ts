import { type Day, weekdayOf } from './dates.ts';
import { capacityManager, costIncrease, freezeFires, laneRoles, minMargin, overtime, sameLaneRoles } from './rules.ts';
import { thresholdsFor } from './scopes.ts';
import { isRaised, judgedTier, minutesAboveManager } from './tiers.ts';
import type { ApproverRole, Evaluation, Lane, Policy, RequiredApproval, Rule, StoredImpact, Tier } from './types.ts';

// The policy lab's history replay (docs/product.md §4.4): a draft policy judged on the plans the
// plant's change orders were actually evaluated on. Pure: stored verdicts and two policies in, a
// comparison out; no clock, no I/O, fixed iteration order.

/** The parts of a stored verdict a replay reads (its plan's numbers, not the plan's jobs). */
export interface StoredVerdict extends Pick<Evaluation, 'tier' | 'terms' | 'requiredApprovals' | 'laneRoles' | 'freezeExposure' | 'customerTier'> {
  readonly impact: StoredImpact | null;
}

/** One stored change order as the replay reads it. */
export interface ReplayCase {
  readonly id: string;
  readonly number: string;
  /** The plant-local day it was proposed: the week its decisions count in. */
  readonly proposedOn: Day;
  /** The verdict as stored with the change order (its plan, buckets, cost and margin). */
  readonly evaluation: StoredVerdict;
  /** Lanes whose approval was granted. */
  readonly grantedLanes: readonly Lane[];
  /** Hours each routed lane waited for its decision (or has waited so far), for the SLA. */
  readonly waitedHours: Partial<Record<Lane, number>>;
}

/** What a policy asks of one change order's stored plan. */
export interface ReplayedVerdict {
  readonly tier: Tier;
  /** Every rule that fires, in the evaluation's order. */
  readonly rules: readonly Rule[];
  /** The role each lane is routed to. */
  readonly laneRoles: Partial<Record<Lane, ApproverRole>>;
}

/** Totals of one side (the current policy or the draft) over the replayed change orders. */
export interface ReplaySide {
  readonly tiers: Record<Tier, number>;
  /** Decisions asked of each role: one per routed lane, plus one for the plant manager per escalation. */
  readonly decisions: Record<ApproverRole, number>;
  /** Routed lanes that waited longer than the SLA and so would have escalated to the plant manager. */
  readonly escalations: number;
  /** Overtime the feasible verdicts add (minutes above regular capacity in the buckets they raise). */
  readonly overtimeMinutes: number;
  readonly overtimePremiumCents: number;
  /** Margin lost by feasible verdicts that no accounting decision reviews. */
  readonly marginGivenAwayCents: number;
  /** Lanes granted in reality that this side would not route at all. */
  readonly grantedNoLongerNeeded: number;
}

/** Decisions asked of one role in one week (weeks start on Monday), on each side. */
export interface ReplayWeek {
  readonly weekStart: Day;
  readonly role: ApproverRole;
  readonly current: number;
  readonly draft: number;
}

/** A change order whose verdict differs between the two sides. */
export interface ReplayChange {
  readonly id: string;
  readonly number: string;
  readonly current: ReplayedVerdict;
  readonly draft: ReplayedVerdict;
  /** Lanes granted in reality that the draft would not route. */
  readonly grantedNoLongerNeeded: readonly Lane[];
}

export interface PolicyReplay {
  readonly replayed: number;
  /**
   * Verdicts stored before the freeze window's exposure was recorded: their freeze window rule is
   * taken as it fired then, whatever the draft's window.
   */
  readonly freezeWindowAsStored: number;
  readonly current: ReplaySide;
  readonly draft: ReplaySide;
  readonly weeks: readonly ReplayWeek[];
  readonly changed: readonly ReplayChange[];
}

/**
 * Judges one stored plan under a policy with the engine's own tier and rule functions. The plan is
 * held as it was made: a policy that would have planned differently is judged on the same days.
 * Where the bucket's rule does not allow overtime, a plan that raises it above the manager ceiling
 * (and above its load before) fits no allowed tier: INFEASIBLE. A stored INFEASIBLE verdict has no plan and stays
 * INFEASIBLE. Rules the policy does not set (lead time, quality review) are kept as stored.
 */
export function rejudge(evaluation: StoredVerdict, policy: Policy): ReplayedVerdict {
  const stored = (rule: Rule) => evaluation.requiredApprovals.filter((a) => a.rule === rule);
  const impact = evaluation.impact;
  if (evaluation.tier === 'INFEASIBLE' || impact === null) {
    return { tier: 'INFEASIBLE', rules: evaluation.requiredApprovals.map((a) => a.rule), laneRoles: {} };
  }
  // the change's customer tier picks the scoped rules (§4.3); verdicts stored before them had none
  const customerTier = evaluation.customerTier ?? null;
  const noOvertimeAllowed = (b: (typeof impact.buckets)[number]) => {
    const rule = thresholdsFor(policy, b.workCenterId, customerTier);
    return !rule.overtimeAllowed && minutesAboveManager(b, rule) > 0;
  };
  if (impact.buckets.some(noOvertimeAllowed)) {
    return { tier: 'INFEASIBLE', rules: [...stored('MIN_LEAD_TIME'), ...stored('REVIEW_REQUIRED')].map((a) => a.rule), laneRoles: {} };
  }
  const exposure = evaluation.freezeExposure;
  const freeze: Pick<RequiredApproval, 'lane' | 'role' | 'rule'>[] =
    exposure === undefined || exposure === null
      ? stored('FREEZE_WINDOW')
      : freezeFires(exposure, policy)
        ? [{ lane: 'CAPACITY', role: 'PLANT_MANAGER', rule: 'FREEZE_WINDOW' }]
        : [];
  const input = { policy, impact, customerTier };
  // The order of docs/product.md §4.1, as the evaluation lists them.
  const approvals: Pick<RequiredApproval, 'lane' | 'role' | 'rule'>[] = [
    ...capacityManager(input),
    ...overtime(input),
    ...freeze,
    ...stored('MIN_LEAD_TIME'),
    ...costIncrease(input),
    ...minMargin({ ...input, cancel: evaluation.terms === null }),
    ...stored('REVIEW_REQUIRED'),
  ];
  return { tier: judgedTier(impact.buckets, policy, customerTier), rules: approvals.map((a) => a.rule), laneRoles: laneRoles(approvals) };
}

/** Replays stored change orders under the current policy and a draft, side by side. */
export function replayPolicy(cases: readonly ReplayCase[], current: Policy, draft: Policy): PolicyReplay {
  const sides = { current: emptySide(), draft: emptySide() };
  const weeks = new Map<string, { weekStart: Day; role: ApproverRole; current: number; draft: number }>();
  const changed: ReplayChange[] = [];
  let freezeWindowAsStored = 0;
  for (const c of cases) {
    if (c.evaluation.tier !== 'INFEASIBLE' && (c.evaluation.freezeExposure ?? null) === null) freezeWindowAsStored++;
    const verdicts = { current: rejudge(c.evaluation, current), draft: rejudge(c.evaluation, draft) };
    const dropped = { current: [] as Lane[], draft: [] as Lane[] };
    for (const side of ['current', 'draft'] as const) {
      const policy = side === 'current' ? current : draft;
      const asked = tally(sides[side], c, verdicts[side], policy);
      dropped[side] = c.grantedLanes.filter((lane) => verdicts[side].laneRoles[lane] === undefined);
      sides[side].grantedNoLongerNeeded += dropped[side].length;
      const weekStart = mondayOf(c.proposedOn);
      for (const role of asked) {
        const key = `${weekStart}|${role}`;
        const week = weeks.get(key) ?? { weekStart, role, current: 0, draft: 0 };
        week[side]++;
        weeks.set(key, week);
      }
    }
    if (!sameVerdict(verdicts.current, verdicts.draft)) {
      changed.push({ id: c.id, number: c.number, ...verdicts, grantedNoLongerNeeded: dropped.draft });
    }
  }
  return {
    replayed: cases.length,
    freezeWindowAsStored,
    ...sides,
    weeks: [...weeks.values()].sort((a, b) => a.weekStart - b.weekStart || ROLES.indexOf(a.role) - ROLES.indexOf(b.role)),
    changed,
  };
}

const ROLES: readonly ApproverRole[] = ['OPS_MANAGER', 'PLANT_MANAGER', 'ACCOUNTING', 'QUALITY'];

type MutableSide = { -readonly [K in keyof ReplaySide]: ReplaySide[K] };

function emptySide(): MutableSide {
  return {
    tiers: { AUTO: 0, MANAGER: 0, OVERTIME: 0, INFEASIBLE: 0 },
    decisions: { OPS_MANAGER: 0, PLANT_MANAGER: 0, ACCOUNTING: 0, QUALITY: 0 },
    escalations: 0,
    overtimeMinutes: 0,
    overtimePremiumCents: 0,
    marginGivenAwayCents: 0,
    grantedNoLongerNeeded: 0,
  };
}

/** Adds one verdict to a side's totals; returns the roles asked for a decision (escalations included). */
function tally(side: MutableSide, c: ReplayCase, verdict: ReplayedVerdict, policy: Policy): ApproverRole[] {
  side.tiers[verdict.tier]++;
  const asked: ApproverRole[] = [];
  for (const [lane, role] of Object.entries(verdict.laneRoles) as [Lane, ApproverRole][]) {
    asked.push(role);
    const waited = c.waitedHours[lane];
    if (role !== 'PLANT_MANAGER' && waited !== undefined && waited > policy.approvalSlaHours) {
      side.escalations++;
      asked.push('PLANT_MANAGER');
    }
  }
  for (const role of asked) side.decisions[role]++;
  const impact = c.evaluation.impact;
  if (verdict.tier !== 'INFEASIBLE' && impact !== null) {
    for (const b of impact.buckets) {
      if (isRaised(b)) side.overtimeMinutes += Math.max(0, b.loadAfterMinutes - Math.max(b.loadBeforeMinutes, b.capacityMinutes));
    }
    side.overtimePremiumCents += Math.max(0, impact.costDelta.overtimePremiumCents);
    if (verdict.laneRoles.ACCOUNTING === undefined) side.marginGivenAwayCents += Math.max(0, impact.marginBeforeCents - impact.marginAfterCents);
  }
  return asked;
}

function sameVerdict(a: ReplayedVerdict, b: ReplayedVerdict): boolean {
  return a.tier === b.tier && a.rules.join() === b.rules.join() && sameLaneRoles(a.laneRoles, b.laneRoles);
}

/** The Monday on or before a day. */
function mondayOf(day: Day): Day {
  return day - ((weekdayOf(day) + 6) % 7);
}
