import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray } from '../../db/sql.ts';
import { validateRange } from '../schedule/board.service.ts';
import { isUuid } from '../../shared/ids.ts';
import { badInput } from '../../shared/errors.ts';

/** Reports may span two years; more would let one client hurt the board. */
export const MAX_REPORT_DAYS = 731;

export type Granularity = 'DAY' | 'WEEK' | 'MONTH';

export interface CapacityReportRow {
  workCenterId: string;
  workCenterCode: string;
  periodStart: string;
  capacityMinutes: number;
  overtimeMinutes: number;
  loadMinutes: number;
  overtimeUsedMinutes: number;
}

const TRUNC: Record<Granularity, string> = { DAY: 'day', WEEK: 'week', MONTH: 'month' };

/**
 * Capacity per work center per period in one SQL statement of aggregates (calendar + exceptions +
 * allocations). Reports read from a replica when one is configured.
 *
 * It works per period, not per work-center day: capacity is each weekday's minutes times how often
 * that weekday falls in the period, corrected by the exceptions in it; load and overtime used come
 * from the days that have allocations. A work center × day grid (30,000 rows over two years on a
 * 42-work-center plant) cost the monthly report 150–200 ms (docs/performance.md, reports).
 */
export async function capacityReport(
  em: EntityManager,
  plantId: string,
  from: string,
  to: string,
  granularity: Granularity,
  workCenterIds: readonly string[] | null | undefined,
): Promise<CapacityReportRow[]> {
  validateRange(from, to, MAX_REPORT_DAYS);
  if (workCenterIds?.some((id) => !isUuid(id))) throw badInput('A work center id is not one of this plant.', 'workCenterIds');
  const filter = workCenterIds?.length ? 'and id = any(?::uuid[])' : '';
  // a weekday's minutes by day of week (0 = Sunday) or by date
  const weekday = (dow: string) => `wc.weekly_minutes[${dow} + 1]`;
  const dowOf = (date: string) => `extract(dow from ${date})::int`;
  const overtimeOn = (minutes: string) => `case when ${minutes} > 0 then wc.overtime_minutes_per_day else 0 end`;
  const rows = await em.execute<(Pick<CapacityReportRow, 'workCenterId' | 'workCenterCode' | 'periodStart'> & Record<string, string>)[]>(
    `with days as (select d::date as date, greatest(date_trunc('${TRUNC[granularity]}', d::date::timestamp)::date, ?::date) as period
                     from generate_series(?::date, ?::date, interval '1 day') d),
          weekdays as (select period, ${dowOf('date')} as dow, count(*) as n from days group by 1, 2),
          wc as (select id, code, sort, weekly_minutes, overtime_minutes_per_day from work_center where plant_id = ? ${filter}),
          base as (select wc.id, w.period, sum(${weekday('w.dow')} * w.n) as capacity, sum(${overtimeOn(weekday('w.dow'))} * w.n) as overtime
                     from wc cross join weekdays w group by 1, 2),
          exceptions as (select wc.id, days.period,
                                sum(ex.minutes - ${weekday(dowOf('ex.date'))}) as capacity,
                                sum(${overtimeOn('ex.minutes')} - ${overtimeOn(weekday(dowOf('ex.date')))}) as overtime
                           from work_center_exception ex join wc on wc.id = ex.work_center_id join days on days.date = ex.date group by 1, 2),
          load as (select work_center_id as id, date, sum(minutes) as minutes from allocation
                    where plant_id = ? and date between ?::date and ?::date group by 1, 2),
          used as (select wc.id, days.period, sum(load.minutes) as load,
                          sum(greatest(load.minutes - coalesce(ex.minutes, ${weekday(dowOf('load.date'))}), 0)) as overtime_used
                     from load join wc on wc.id = load.id join days on days.date = load.date
                     left join work_center_exception ex on ex.work_center_id = load.id and ex.date = load.date group by 1, 2)
     select wc.id as "workCenterId", wc.code as "workCenterCode", base.period::text as "periodStart",
            base.capacity + coalesce(exceptions.capacity, 0) as "capacityMinutes",
            base.overtime + coalesce(exceptions.overtime, 0) as "overtimeMinutes",
            coalesce(used.load, 0) as "loadMinutes",
            coalesce(used.overtime_used, 0) as "overtimeUsedMinutes"
       from base join wc on wc.id = base.id
       left join exceptions on exceptions.id = base.id and exceptions.period = base.period
       left join used on used.id = base.id and used.period = base.period
      order by wc.sort, wc.code, base.period`,
    [from, from, to, plantId, ...(workCenterIds?.length ? [pgArray(workCenterIds)] : []), plantId, from, to],
    { connectionType: 'read' },
  );
  return rows.map((r) => ({
    workCenterId: r.workCenterId!,
    workCenterCode: r.workCenterCode!,
    periodStart: r.periodStart!,
    capacityMinutes: Number(r.capacityMinutes),
    overtimeMinutes: Number(r.overtimeMinutes),
    loadMinutes: Number(r.loadMinutes),
    overtimeUsedMinutes: Number(r.overtimeUsedMinutes),
  }));
}

export type ApproverDecisionsRow = ChangeOrderReport['decisionsByApprover'][number];

export interface ChangeOrderReport {
  /** The plant, for the outcome analytics, resolved only when asked for. */
  plantId: string;
  from: string;
  to: string;
  total: number;
  byStatus: { key: string; count: number }[];
  byTier: { key: string; count: number }[];
  byLane: { key: string; count: number }[];
  autoApprovalRate: number | null;
  medianHoursToDecision: number | null;
  p90HoursToDecision: number | null;
  escalations: number;
  slaEscalations: number;
  costDeltaCents: number;
  revenueDeltaCents: number;
  ruleCounts: { rule: string; count: number }[];
  decisionsByApprover: { approverId: string; approved: number; rejected: number }[];
}

/** Change orders proposed in [from, to] (plant-local dates compared as UTC days). */
const IN_RANGE = `co.plant_id = ? and co.created_at >= ?::date and co.created_at < ?::date + interval '1 day'`;

/**
 * Change-order analytics from SQL aggregates: the status, tier and lane mix, how often rules fire,
 * how long decisions take (proposal → final APPLIED/REJECTED/CLOSED/WITHDRAWN/INFEASIBLE audit
 * entry), escalations, money moved by applied change orders, and decisions per approver.
 */
export async function changeOrderReport(em: EntityManager, plantId: string, from: string, to: string): Promise<ChangeOrderReport> {
  validateRange(from, to, MAX_REPORT_DAYS);
  const read = { connectionType: 'read' as const };
  const range = [plantId, from, to];
  const count = (sql: string) => em.execute<{ key: string; count: string }[]>(sql, range, read);
  // The nine aggregates are independent: run them at once on separate pool connections.
  const statusRows = count(`select status as key, count(*) as count from change_order co where ${IN_RANGE} group by 1 order by 1`);
  const tierRows = count(`select tier as key, count(*) as count from change_order co where ${IN_RANGE} group by 1 order by 1`);
  const laneRows = count(
    `select a.lane as key, count(distinct co.id) as count from change_order co join change_order_approval a on a.change_order_id = co.id
      where ${IN_RANGE} group by 1 order by 1`,
  );
  const totalRows = em.execute<{ total: string; auto: string }[]>(
    `select count(*) as total,
            count(*) filter (where not exists (select 1 from audit_event e where e.entity_type = 'ChangeOrder' and e.entity_id = co.id::text and e.action = 'APPROVED')
                               and co.status = 'APPLIED') as auto
       from change_order co where ${IN_RANGE}`,
    range, read,
  );
  const timingRows = em.execute<{ median: number | null; p90: number | null }[]>(
    `with decided as (
       select co.id, min(e.created_at) - co.created_at as took from change_order co
         join audit_event e on e.entity_type = 'ChangeOrder' and e.entity_id = co.id::text
          and e.to_status in ('APPLIED', 'REJECTED', 'CLOSED', 'WITHDRAWN', 'INFEASIBLE') and e.action <> 'COMMENTED'
        where ${IN_RANGE} group by co.id, co.created_at)
     select percentile_cont(0.5) within group (order by extract(epoch from took)) / 3600 as median,
            percentile_cont(0.9) within group (order by extract(epoch from took)) / 3600 as p90 from decided`,
    range, read,
  );
  const escalationRows = em.execute<{ manual: string; sla: string }[]>(
    `select count(*) filter (where e.action = 'ESCALATED') as manual, count(*) filter (where e.action = 'SLA_ESCALATED') as sla
       from audit_event e join change_order co on e.entity_type = 'ChangeOrder' and e.entity_id = co.id::text where ${IN_RANGE}`,
    range, read,
  );
  const moneyRows = em.execute<{ cost: string | null; revenue: string | null }[]>(
    `select sum(b.cost_delta_cents) as cost, sum(b.price_delta_cents) as revenue
       from billing_adjustment b join change_order co on co.id = b.change_order_id where ${IN_RANGE}`,
    range, read,
  );
  const ruleRows = em.execute<{ rule: string; count: string }[]>(
    `select r->>'rule' as rule, count(distinct co.id) as count
       from change_order co cross join lateral jsonb_array_elements(co.evaluation->'requiredApprovals') r
      where ${IN_RANGE} group by 1 order by 2 desc, 1`,
    range, read,
  );
  const approverRows = em.execute<{ approverId: string; approved: string; rejected: string }[]>(
    `select e.actor_id as "approverId", count(*) filter (where e.action = 'APPROVED') as approved,
            count(*) filter (where e.action = 'REJECTED') as rejected
       from audit_event e join change_order co on e.entity_type = 'ChangeOrder' and e.entity_id = co.id::text
      where ${IN_RANGE} and e.action in ('APPROVED', 'REJECTED') and e.actor_id is not null
      group by 1 order by 2 desc, 3 desc, 1`,
    range, read,
  );
  const [byStatus, byTier, byLane, [totals], [timing], [escalations], [money], rules, approvers] = await Promise.all([
    statusRows, tierRows, laneRows, totalRows, timingRows, escalationRows, moneyRows, ruleRows, approverRows,
  ]);
  const total = Number(totals?.total ?? 0);
  const toCount = (rows: { key: string; count: string }[]) => rows.map((r) => ({ key: r.key, count: Number(r.count) }));
  const round2 = (v: number | null | undefined) => (v == null ? null : Math.round(Number(v) * 100) / 100);
  return {
    plantId, from, to, total,
    byStatus: toCount(byStatus), byTier: toCount(byTier), byLane: toCount(byLane),
    autoApprovalRate: total === 0 ? null : Math.round((Number(totals!.auto) / total) * 10_000) / 10_000,
    medianHoursToDecision: round2(timing?.median), p90HoursToDecision: round2(timing?.p90),
    escalations: Number(escalations?.manual ?? 0), slaEscalations: Number(escalations?.sla ?? 0),
    costDeltaCents: Number(money?.cost ?? 0), revenueDeltaCents: Number(money?.revenue ?? 0),
    ruleCounts: rules.map((r) => ({ rule: r.rule, count: Number(r.count) })),
    decisionsByApprover: approvers.map((a) => ({ approverId: a.approverId, approved: Number(a.approved), rejected: Number(a.rejected) })),
  };
}
