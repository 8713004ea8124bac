import type { EntityManager } from '@mikro-orm/postgresql';
import {
  type ApproverRole,
  fromDay,
  hours,
  type Lane,
  type Policy,
  replayPolicy,
  type ReplayCase,
  type ReplayedVerdict,
  type ReplaySide,
  type StoredVerdict,
  toDay,
} from '../../engine/index.ts';
import type { PolicyReplay, PolicyReplayLaneRole, PolicyReplaySide, PolicyReplayVerdict } from '../../../../schema/generated/server.ts';

// The policy lab's history side (docs/product.md §4.4): the plant's stored verdicts of a period,
// replayed by the engine under two policies, in the API's shape — which is also how a published
// version stores it (policy.replay), so the version history shows exactly what was published.

/** A replay as the API returns it and a policy version stores it. */
export type PolicyReplayDto = Omit<PolicyReplay, '__typename'>;

/** A plant-local period, inclusive. */
export interface ReplayPeriod {
  readonly from: string;
  readonly to: string;
}

/**
 * The change orders proposed in the period (plant-local days) with their stored verdicts, which
 * lanes were granted, and how long each lane waited for its decision (or has so far, at `now`).
 */
export async function loadReplayCases(em: EntityManager, plantId: string, period: ReplayPeriod, now: Date): Promise<ReplayCase[]> {
  // Two plain reads merged here: a per-row subquery for the approvals cost more than the join.
  const inPeriod = `co.plant_id = ? and (co.created_at at time zone p.time_zone)::date between ?::date and ?::date`;
  const [rows, approvals] = await Promise.all([
    em.execute<{ id: string; number: string; proposedOn: string; evaluation: StoredVerdict }[]>(
      `select co.id, co.number, to_char((co.created_at at time zone p.time_zone)::date, 'YYYY-MM-DD') as "proposedOn", co.replay_verdict as evaluation
         from change_order co join plant p on p.id = co.plant_id
        where ${inPeriod}
        order by co.created_at, co.id`,
      [plantId, period.from, period.to],
    ),
    em.execute<{ id: string; lane: Lane; granted: boolean; waitedHours: number }[]>(
      `select a.change_order_id as id, a.lane, a.status = 'GRANTED' as granted,
              extract(epoch from (coalesce(a.decided_at, ?::timestamptz) - a.pending_since)) / 3600 as "waitedHours"
         from change_order_approval a join change_order co on co.id = a.change_order_id join plant p on p.id = co.plant_id
        where ${inPeriod}
        order by a.change_order_id, a.lane`,
      [now.toISOString(), plantId, period.from, period.to],
    ),
  ]);
  const lanes = new Map<string, { grantedLanes: Lane[]; waitedHours: Partial<Record<Lane, number>> }>();
  for (const a of approvals) {
    const entry = lanes.get(a.id) ?? { grantedLanes: [], waitedHours: {} };
    if (a.granted) entry.grantedLanes.push(a.lane);
    entry.waitedHours[a.lane] = Number(a.waitedHours);
    lanes.set(a.id, entry);
  }
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    proposedOn: toDay(r.proposedOn),
    evaluation: r.evaluation,
    ...(lanes.get(r.id) ?? { grantedLanes: [], waitedHours: {} }),
  }));
}

/** Replays the period under `current` and `draft` and shapes the result for the API. */
export async function historyComparison(
  em: EntityManager,
  plantId: string,
  current: Policy,
  draft: Policy,
  period: ReplayPeriod,
  now: Date,
): Promise<PolicyReplayDto> {
  const replay = replayPolicy(await loadReplayCases(em, plantId, period, now), current, draft);
  return {
    from: period.from,
    to: period.to,
    basePolicyVersion: current.version,
    replayed: replay.replayed,
    freezeWindowAsStored: replay.freezeWindowAsStored,
    current: sideDto(replay.current),
    draft: sideDto(replay.draft),
    weeks: replay.weeks.map((w) => ({ ...w, weekStart: fromDay(w.weekStart) })),
    changed: replay.changed.map((c) => ({
      changeOrderId: c.id,
      number: c.number,
      current: verdictDto(c.current),
      draft: verdictDto(c.draft),
      grantedNoLongerNeeded: [...c.grantedNoLongerNeeded],
    })),
  };
}

function sideDto(side: ReplaySide): PolicyReplaySide {
  return {
    auto: side.tiers.AUTO,
    manager: side.tiers.MANAGER,
    overtime: side.tiers.OVERTIME,
    infeasible: side.tiers.INFEASIBLE,
    decisions: (Object.entries(side.decisions) as [ApproverRole, number][]).map(([role, count]) => ({ role, count })),
    escalations: side.escalations,
    overtimeHours: hours(side.overtimeMinutes),
    overtimePremium: side.overtimePremiumCents,
    marginGivenAway: side.marginGivenAwayCents,
    grantedNoLongerNeeded: side.grantedNoLongerNeeded,
  };
}

function verdictDto(v: ReplayedVerdict): PolicyReplayVerdict {
  return { tier: v.tier, rules: [...v.rules], lanes: laneRolesDto(v.laneRoles) };
}

/** Routed lanes as a list, in lane order. */
export function laneRolesDto(roles: Partial<Record<Lane, ApproverRole>>): PolicyReplayLaneRole[] {
  return (['CAPACITY', 'ACCOUNTING', 'QUALITY'] as const).flatMap((lane) => (roles[lane] === undefined ? [] : [{ lane, role: roles[lane] }]));
}
