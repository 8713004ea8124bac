import { capacityOn } from './calendar.ts';
import type { Day } from './dates.ts';
import { EngineError } from './errors.ts';
import { evaluateChange } from './evaluate.ts';
import { bucketImpact } from './impact.ts';
import { sameLaneRoles } from './rules.ts';
import type { Schedule } from './schedule.ts';
import { bucketTier } from './tiers.ts';
import type { ApproverRole, CapacityTier, Change, Lane, Policy, Tier } from './types.ts';

// The policy lab's view of the present (docs/product.md §4.4): a draft policy against the live
// schedule. Pure: the schedule, the pending requests and two policies in, what changes out.

/** A pending change order's stored request. */
export interface PendingRequest {
  readonly id: string;
  readonly number: string;
  readonly change: Change;
}

/** A pending change order whose verdict on today's schedule differs under the draft. */
export interface PendingTierChange {
  readonly id: string;
  readonly number: string;
  readonly currentTier: Tier;
  readonly draftTier: Tier;
  readonly currentLaneRoles: Partial<Record<Lane, ApproverRole>>;
  readonly draftLaneRoles: Partial<Record<Lane, ApproverRole>>;
}

/** A bucket whose load sits in another tier band under the draft. */
export interface BucketCrossing {
  readonly workCenterId: string;
  readonly workCenterCode: string;
  readonly day: Day;
  readonly loadMinutes: number;
  readonly capacityMinutes: number;
  readonly utilizationPct: number;
  readonly currentTier: CapacityTier;
  readonly draftTier: CapacityTier;
}

export interface PresentReplay {
  readonly pending: readonly PendingTierChange[];
  readonly buckets: readonly BucketCrossing[];
}

/**
 * Re-evaluates each pending request on the live schedule under both policies (the engine's own
 * evaluation, so the plan may differ too), and lists the working buckets from `from` to `to`
 * whose load falls in another tier band under the draft. A request the schedule no longer
 * accepts (its order closed since) is left out: apply would refuse it under either policy.
 */
export function replayPresent(
  schedule: Schedule,
  current: Policy,
  draft: Policy,
  pending: readonly PendingRequest[],
  today: Day,
  range: { readonly from: Day; readonly to: Day },
): PresentReplay {
  const changes: PendingTierChange[] = [];
  for (const p of pending) {
    const verdicts = tryBoth(schedule, current, draft, p.change, today);
    if (verdicts === null) continue;
    const [now, then] = verdicts;
    if (now.tier === then.tier && sameLaneRoles(now.laneRoles, then.laneRoles)) continue;
    changes.push({ id: p.id, number: p.number, currentTier: now.tier, draftTier: then.tier, currentLaneRoles: now.laneRoles, draftLaneRoles: then.laneRoles });
  }
  const buckets: BucketCrossing[] = [];
  for (const wc of [...schedule.workCenters.values()].sort((a, b) => a.code.localeCompare(b.code))) {
    for (let day = range.from; day <= range.to; day++) {
      if (capacityOn(wc, day) <= 0) continue;
      const load = schedule.load.loadOn(wc.id, day);
      const bucket = bucketImpact(wc, day, load, load);
      const currentTier = bucketTier(bucket, current);
      const draftTier = bucketTier(bucket, draft);
      if (currentTier === draftTier) continue;
      buckets.push({ workCenterId: wc.id, workCenterCode: wc.code, day, loadMinutes: load, capacityMinutes: bucket.capacityMinutes, utilizationPct: bucket.utilizationAfterPct, currentTier, draftTier });
    }
  }
  return { pending: changes, buckets };
}

function tryBoth(schedule: Schedule, current: Policy, draft: Policy, change: Change, today: Day) {
  try {
    return [evaluateChange(schedule, current, change, today), evaluateChange(schedule, draft, change, today)] as const;
  } catch (err) {
    if (err instanceof EngineError) return null;
    throw err;
  }
}
