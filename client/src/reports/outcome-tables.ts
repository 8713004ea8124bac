import type { ChangeOrderReportQuery } from '../gql/graphql';
import type { ReportTable } from './tables';
import { LANE_LABEL } from '../shared/format';

/**
 * The outcome analytics of the change-order report as tables (docs/reports.md "Outcomes"), so the
 * screen and the CSV export show the same rows.
 */
export type Outcomes = ChangeOrderReportQuery['changeOrderReport']['outcomes'];

export function bandsTable(outcomes: Outcomes): ReportTable {
  return {
    id: 'outcome-bands',
    title: 'Outcomes per rule and utilization band',
    columns: [
      { label: 'Rule', kind: 'text' },
      { label: 'Highest raised utilization', kind: 'text' },
      { label: 'Auto-approved', kind: 'int' },
      { label: 'Of those later late or at risk', kind: 'int' },
      { label: 'To the ops manager', kind: 'int' },
      { label: 'Of those applied', kind: 'int' },
      { label: 'Rejected', kind: 'int' },
    ],
    rows: outcomes.bands.map((b) => [b.scopeLabel, `${b.fromPct}–${b.toPct} %`, b.autoApproved, b.autoLaterLateOrAtRisk, b.managerTier, b.managerApplied, b.rejected]),
  };
}

export function overturnedTable(outcomes: Outcomes): ReportTable {
  return {
    id: 'overturned-rejections',
    title: 'Rejections overturned on escalation',
    columns: [
      { label: 'Rule', kind: 'text' },
      { label: 'Rejected', kind: 'int' },
      { label: 'Escalated', kind: 'int' },
      { label: 'Overturned', kind: 'int' },
    ],
    rows: outcomes.overturnedRejections.map((o) => [o.scopeLabel, o.rejected, o.escalated, o.overturned]),
  };
}

export function laneTimingTable(outcomes: Outcomes): ReportTable {
  return {
    id: 'lane-timing',
    title: 'Time to decision per lane',
    columns: [
      { label: 'Lane', kind: 'text' },
      { label: 'Decisions', kind: 'int' },
      { label: 'Median hours', kind: 'hours' },
      { label: 'P90 hours', kind: 'hours' },
    ],
    rows: outcomes.timeToDecisionByLane.map((l) => [LANE_LABEL[l.lane], l.decisions, l.medianHours, l.p90Hours]),
  };
}
