import type { EntityManager } from '@mikro-orm/postgresql';
import { PLANT_SCOPE, sameScope, scopeLabel, type Lane, type Policy, type RuleScope } from '../../engine/index.ts';

/**
 * Learning from outcomes (docs/reports.md "Outcomes"): what became of the change orders the
 * rules decided, per rule instance and 5-point utilization band, and a suggestion in words when
 * the data supports one. A suggestion is only text: a person changes the policy, or not.
 */

/** One change order as the outcome analytics read it (the raw rows the API test recomputes from). */
export interface OutcomeRow {
  readonly tier: string;
  readonly status: string;
  /** The rule instance behind its tier (the plant rule on verdicts from before scoped rules). */
  readonly scope: RuleScope;
  readonly workCenterCode: string | null;
  /** Highest utilization after (percent) among the buckets it raised; null when it raised none. */
  readonly maxRaisedPct: number | null;
  /** Applied with no approval at all. */
  readonly autoApproved: boolean;
  /** Its order is at risk now, or its last step ends after its due date. */
  readonly laterLateOrAtRisk: boolean;
  /** Rejected in some lane at least once. */
  readonly rejected: boolean;
  /** Escalated after a rejection. */
  readonly escalatedAfterRejection: boolean;
}

export interface OutcomeBand {
  scopeLabel: string;
  /** The band is above `fromPct` up to and including `toPct` (a change at exactly 80 % is in 75–80). */
  fromPct: number;
  toPct: number;
  autoApproved: number;
  autoLaterLateOrAtRisk: number;
  managerTier: number;
  managerApplied: number;
  rejected: number;
}

export interface OverturnedRejections {
  scopeLabel: string;
  rejected: number;
  escalated: number;
  overturned: number;
}

export interface LaneTiming {
  lane: Lane;
  decisions: number;
  medianHours: number | null;
  p90Hours: number | null;
}

export interface ChangeOrderOutcomes {
  bands: OutcomeBand[];
  overturnedRejections: OverturnedRejections[];
  timeToDecisionByLane: LaneTiming[];
  suggestions: string[];
}

/** What the suggestions read of the current policy. */
export type Thresholds = Pick<Policy, 'autoApproveMaxUtilizationBp' | 'scopedRules'>;

const BAND = 5;
/** Fewer examples than this support no suggestion. */
export const MIN_EVIDENCE = 5;

/** The band a utilization falls in: above `from`, up to `from + 5`. */
export function bandOf(pct: number): number {
  return Math.max(0, Math.ceil(pct / BAND) - 1) * BAND;
}

/** Change orders proposed in the range, one row each, with what the outcome analytics need. */
export async function outcomeRows(em: EntityManager, plantId: string, from: string, to: string): Promise<OutcomeRow[]> {
  const rows = await em.execute<(Omit<OutcomeRow, 'scope' | 'maxRaisedPct'> & { scopeWc: string | null; scopeTier: RuleScope['customerTier']; maxRaisedPct: string | null })[]>(
    `select co.tier, co.status,
            co.evaluation->'tierScope'->>'workCenterId' as "scopeWc", co.evaluation->'tierScope'->>'customerTier' as "scopeTier",
            wc.code as "workCenterCode",
            (select max((b->>'utilizationAfterPct')::numeric) from jsonb_array_elements(coalesce(co.evaluation->'impact'->'buckets', '[]')) b
              where (b->>'loadAfterMinutes')::int > (b->>'loadBeforeMinutes')::int) as "maxRaisedPct",
            (co.status = 'APPLIED' and not exists (select 1 from change_order_approval a where a.change_order_id = co.id)) as "autoApproved",
            coalesce(o.at_risk or (select max(j.end_date) from job j where j.order_id = o.id) > o.due_date, false) as "laterLateOrAtRisk",
            exists (select 1 from audit_event e where e.entity_type = 'ChangeOrder' and e.entity_id = co.id::text and e.to_status = 'REJECTED') as rejected,
            exists (select 1 from audit_event e join audit_event r on r.entity_type = e.entity_type and r.entity_id = e.entity_id
                     and r.to_status = 'REJECTED' and r.id < e.id
                     where e.entity_type = 'ChangeOrder' and e.entity_id = co.id::text and e.action in ('ESCALATED', 'SLA_ESCALATED')) as "escalatedAfterRejection"
       from change_order co
       left join work_center wc on wc.id = (co.evaluation->'tierScope'->>'workCenterId')::uuid
       left join sales_order o on o.id = coalesce(co.order_id, (co.evaluation->>'orderId')::uuid)
      where co.plant_id = ? and co.created_at >= ?::date and co.created_at < ?::date + interval '1 day'
      order by co.created_at, co.id`,
    [plantId, from, to],
    { connectionType: 'read' },
  );
  return rows.map(({ scopeWc, scopeTier, maxRaisedPct, ...r }) => ({
    ...r,
    scope: { workCenterId: scopeWc ?? null, customerTier: scopeTier ?? null },
    maxRaisedPct: maxRaisedPct === null ? null : Number(maxRaisedPct),
  }));
}

/** Hours from proposal to each lane's decision, per lane (approvals decided, for proposals in the range). */
export async function laneTimings(em: EntityManager, plantId: string, from: string, to: string): Promise<LaneTiming[]> {
  const rows = await em.execute<{ lane: Lane; decisions: string; median: number | null; p90: number | null }[]>(
    `select a.lane, count(*) as decisions,
            percentile_cont(0.5) within group (order by extract(epoch from a.decided_at - co.created_at)) / 3600 as median,
            percentile_cont(0.9) within group (order by extract(epoch from a.decided_at - co.created_at)) / 3600 as p90
       from change_order_approval a join change_order co on co.id = a.change_order_id
      where co.plant_id = ? and co.created_at >= ?::date and co.created_at < ?::date + interval '1 day' and a.decided_at is not null
      group by a.lane order by a.lane`,
    [plantId, from, to],
    { connectionType: 'read' },
  );
  const round2 = (v: number | null) => (v == null ? null : Math.round(Number(v) * 100) / 100);
  return rows.map((r) => ({ lane: r.lane, decisions: Number(r.decisions), medianHours: round2(r.median), p90Hours: round2(r.p90) }));
}

/**
 * The analytics from the raw rows, pure: bands per rule instance (changes that raised no bucket
 * have no band), rejections overturned on escalation per rule instance, and the suggestions the
 * current policy's thresholds make of them.
 */
export function summarizeOutcomes(rows: readonly OutcomeRow[], lanes: LaneTiming[], policy: Thresholds): ChangeOrderOutcomes {
  const label = (r: OutcomeRow) => scopeLabel(r.scope, r.workCenterCode);
  const bands = new Map<string, OutcomeBand>();
  const overturned = new Map<string, OverturnedRejections>();
  const scopes = new Map<string, { scope: RuleScope; label: string }>();
  for (const r of rows) {
    const name = label(r);
    scopes.set(name, { scope: r.scope, label: name });
    if (r.rejected) {
      const o = overturned.get(name) ?? { scopeLabel: name, rejected: 0, escalated: 0, overturned: 0 };
      o.rejected++;
      if (r.escalatedAfterRejection) o.escalated++;
      if (r.escalatedAfterRejection && r.status === 'APPLIED') o.overturned++;
      overturned.set(name, o);
    }
    if (r.maxRaisedPct === null) continue;
    const fromPct = bandOf(r.maxRaisedPct);
    const key = `${name}|${fromPct}`;
    const b = bands.get(key) ?? { scopeLabel: name, fromPct, toPct: fromPct + BAND, autoApproved: 0, autoLaterLateOrAtRisk: 0, managerTier: 0, managerApplied: 0, rejected: 0 };
    if (r.autoApproved) {
      b.autoApproved++;
      if (r.laterLateOrAtRisk) b.autoLaterLateOrAtRisk++;
    }
    if (r.tier === 'MANAGER') {
      b.managerTier++;
      if (r.status === 'APPLIED') b.managerApplied++;
    }
    if (r.rejected) b.rejected++;
    bands.set(key, b);
  }
  const bandList = [...bands.values()].sort((a, b) => a.scopeLabel.localeCompare(b.scopeLabel) || a.fromPct - b.fromPct);
  const overturnedList = [...overturned.values()].sort((a, b) => a.scopeLabel.localeCompare(b.scopeLabel));
  return {
    bands: bandList,
    overturnedRejections: overturnedList,
    timeToDecisionByLane: lanes,
    suggestions: [...scopes.values()].flatMap(({ scope, label: name }) =>
      suggestionsFor(name, currentAutoPct(policy, scope), bandList.filter((b) => b.scopeLabel === name), overturned.get(name)),
    ),
  };
}

/** The auto-approve limit (percent) the current policy gives a rule instance; null when that rule is gone. */
function currentAutoPct(policy: Thresholds, scope: RuleScope): number | null {
  if (sameScope(scope, PLANT_SCOPE)) return policy.autoApproveMaxUtilizationBp / 100;
  const rule = (policy.scopedRules ?? []).find((r) => sameScope(r.scope, scope));
  return rule === undefined ? null : rule.autoApproveMaxUtilizationBp / 100;
}

const ruleName = (label: string) => (label === 'plant' ? 'the plant rule' : `the ${label} rule`);

/** Plain-language suggestions for one rule instance, only where the numbers carry them. */
function suggestionsFor(label: string, autoPct: number | null, bands: readonly OutcomeBand[], overturned: OverturnedRejections | undefined): string[] {
  const out: string[] = [];
  if (autoPct !== null) {
    const below = bands.find((b) => b.toPct === autoPct);
    const above = bands.find((b) => b.fromPct === autoPct);
    if (below && below.autoApproved >= MIN_EVIDENCE && below.autoLaterLateOrAtRisk === 0 && above && above.managerTier > 0 && above.rejected === 0) {
      out.push(
        `Under ${ruleName(label)}, the ${below.autoApproved} auto-approved changes between ${below.fromPct} % and ${below.toPct} % never later became late or at risk, ` +
          `and none of the ${above.managerTier} changes between ${above.fromPct} % and ${above.toPct} % that went to the ops manager was rejected: ` +
          `raising the auto-approve limit to ${above.toPct} % would have removed ${above.managerTier} manager decision${above.managerTier === 1 ? '' : 's'}.`,
      );
    }
    if (below && below.autoApproved >= MIN_EVIDENCE && below.autoLaterLateOrAtRisk * 4 >= below.autoApproved) {
      out.push(
        `Under ${ruleName(label)}, ${below.autoLaterLateOrAtRisk} of the ${below.autoApproved} auto-approved changes between ${below.fromPct} % and ${below.toPct} % later became late or at risk: ` +
          `lowering the auto-approve limit to ${below.fromPct} % would have sent them to the ops manager.`,
      );
    }
  }
  if (overturned && overturned.escalated >= 3 && overturned.overturned * 2 >= overturned.escalated) {
    out.push(
      `Under ${ruleName(label)}, ${overturned.overturned} of ${overturned.escalated} rejections escalated were overturned: the limits may be set too tight.`,
    );
  }
  return out;
}

/** The outcome analytics of a plant's change orders proposed in [from, to], judged against its current policy. */
export async function changeOrderOutcomes(em: EntityManager, plantId: string, from: string, to: string, policy: Thresholds): Promise<ChangeOrderOutcomes> {
  const [rows, lanes] = await Promise.all([outcomeRows(em, plantId, from, to), laneTimings(em, plantId, from, to)]);
  return summarizeOutcomes(rows, lanes, policy);
}
