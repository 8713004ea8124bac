import type { CapacityReportQuery, ChangeOrderReportQuery } from '../gql/graphql';
import { toCsv } from './csv';
import { formatMoney, plantCurrency, STATUS_LABEL, TIER_LABEL } from '../shared/format';
import { formatDate, formatHours, formatInt, formatPercent, periodLabel, type Granularity } from './format';

/**
 * Every table the Reports page shows, as data: the page renders these and the CSV export writes
 * the very same rows, so a download always matches what is on screen.
 */
export type ColumnKind = 'text' | 'int' | 'hours' | 'ratio' | 'date' | 'money';

export interface Column {
  /** Header in the table and the CSV. */
  label: string;
  kind: ColumnKind;
  /** A shorter header for the screen (e.g. a period's "3 Nov"), when it differs. */
  display?: string;
}

export type Cell = string | number | null;

export interface ReportTable {
  /** Stable id: test hooks and the CSV file name. */
  id: string;
  title: string;
  columns: Column[];
  rows: Cell[][];
}

/** How a cell reads on screen. */
export function displayCell(value: Cell, kind: ColumnKind): string {
  if (value === null) return '—';
  switch (kind) {
    case 'int':
      return formatInt(Number(value));
    case 'hours':
      return formatHours(Number(value));
    case 'ratio':
      return formatPercent(Number(value));
    case 'date':
      return formatDate(String(value));
    case 'money':
      return formatMoney(String(value), { bare: true });
    case 'text':
      return String(value);
  }
}

export function tableCsv(table: ReportTable): string {
  return toCsv(
    table.columns.map((c) => c.label),
    table.rows.map((row) => row.map((value, i) => ({ value, text: table.columns[i]!.kind === 'text' }))),
  );
}

// ── capacity ────────────────────────────────────────────────────────────────────────────────

export type CapacityRow = CapacityReportQuery['capacityReport'][number];

/** Work centers in report order (the plant's sort) and the periods, each once. */
export function capacityAxes(rows: readonly CapacityRow[]): { workCenters: string[]; periods: string[] } {
  const workCenters = [...new Set(rows.map((r) => r.workCenterCode))];
  const periods = [...new Set(rows.map((r) => r.periodStart))].sort();
  return { workCenters, periods };
}

/** One row per work center and period, every figure the API gives. */
export function capacityTable(rows: readonly CapacityRow[]): ReportTable {
  return {
    id: 'capacity',
    title: 'Capacity and load by work center and period',
    columns: [
      { label: 'Work center', kind: 'text' },
      { label: 'Period start', kind: 'date' },
      { label: 'Capacity (h)', kind: 'hours' },
      { label: 'Overtime available (h)', kind: 'hours' },
      { label: 'Load (h)', kind: 'hours' },
      { label: 'Overtime used (h)', kind: 'hours' },
      { label: 'Utilization', kind: 'ratio' },
    ],
    rows: rows.map((r) => [r.workCenterCode, r.periodStart, r.capacityHours, r.overtimeHours, r.loadHours, r.overtimeUsedHours, r.utilization]),
  };
}

/**
 * The heat map as a table: work centers × periods, each cell the utilization (empty where the
 * work center has no capacity in the period).
 */
export function utilizationTable(rows: readonly CapacityRow[], granularity: Granularity): ReportTable {
  const { workCenters, periods } = capacityAxes(rows);
  const byKey = new Map(rows.map((r) => [`${r.workCenterCode}|${r.periodStart}`, r]));
  return {
    id: 'utilization',
    title: 'Utilization by work center and period',
    columns: [
      { label: 'Work center', kind: 'text' },
      ...periods.map((p) => ({ label: p, kind: 'ratio' as const, display: periodLabel(p, granularity) })),
    ],
    rows: workCenters.map((wc) => [
      wc,
      ...periods.map((p) => {
        const r = byKey.get(`${wc}|${p}`);
        return r && r.capacityHours > 0 ? r.utilization : null;
      }),
    ]),
  };
}

// ── change orders ───────────────────────────────────────────────────────────────────────────

export type ChangeOrderReport = ChangeOrderReportQuery['changeOrderReport'];

export const LANE_LABEL: Record<string, string> = { CAPACITY: 'Capacity', ACCOUNTING: 'Accounting', QUALITY: 'Quality' };

export const RULE_LABEL: Record<string, string> = {
  CAPACITY_MANAGER: 'Utilization above the auto-approve limit',
  OVERTIME: 'Overtime needed',
  FREEZE_WINDOW: 'Inside the freeze window',
  MIN_LEAD_TIME: 'Shorter than the lead time',
  COST_INCREASE_LIMIT: 'Cost increase above the limit',
  MIN_MARGIN: 'Margin below the minimum',
  REVIEW_REQUIRED: 'Option needs quality review',
};

export interface Funnel {
  /** The approval route, each stage a subset of the one before. */
  stages: { key: string; label: string; count: number }[];
  /** Where the others left it (and those still open). */
  exits: { key: string; label: string; count: number }[];
}

/**
 * The change-order funnel from the current status counts: proposed → pending (needed approval)
 * → approved → applied, with the exits beside it. A change order that needed no approval left
 * at once, as auto-applied; one that cannot be placed, as infeasible. The auto-applied count comes
 * from the auto-approval rate (a ratio of whole change orders, so rounding recovers it exactly).
 */
export function funnel(report: ChangeOrderReport): Funnel {
  const n = (status: string) => report.byStatus.find((s) => s.key === status)?.count ?? 0;
  const autoApplied = Math.min(n('APPLIED'), Math.round((report.autoApprovalRate ?? 0) * report.total));
  const auto = autoApplied + n('AUTO_APPROVED');
  const infeasible = n('INFEASIBLE');
  const approved = n('APPROVED') + n('APPLIED') - autoApplied;
  const applied = n('APPLIED') - autoApplied;
  return {
    stages: [
      { key: 'PROPOSED', label: 'Proposed', count: report.total },
      { key: 'PENDING', label: 'Pending (needed approval)', count: report.total - auto - infeasible },
      { key: 'APPROVED', label: 'Approved', count: approved },
      { key: 'APPLIED', label: 'Applied', count: applied },
    ],
    exits: [
      { key: 'AUTO_APPLIED', label: 'Applied without approval', count: auto },
      { key: 'INFEASIBLE', label: 'Infeasible', count: infeasible },
      { key: 'REJECTED', label: 'Rejected', count: n('REJECTED') },
      { key: 'WITHDRAWN', label: 'Withdrawn', count: n('WITHDRAWN') },
      { key: 'CLOSED', label: 'Closed (counter-proposal declined)', count: n('CLOSED') },
      { key: 'OPEN', label: 'Still open', count: n('PENDING') + n('COUNTER_PROPOSED') + n('RETURNED') },
    ],
  };
}

const share = (count: number, total: number) => (total > 0 ? Math.round((count / total) * 10_000) / 10_000 : null);

export function funnelTable(report: ChangeOrderReport): ReportTable {
  const f = funnel(report);
  return {
    id: 'funnel',
    title: 'Change-order funnel',
    columns: [
      { label: 'Step', kind: 'text' },
      { label: 'Stage', kind: 'text' },
      { label: 'Change orders', kind: 'int' },
      { label: 'Share of proposed', kind: 'ratio' },
    ],
    rows: [
      ...f.stages.map((s) => ['Funnel', s.label, s.count, share(s.count, report.total)]),
      ...f.exits.map((s) => ['Left', s.label, s.count, share(s.count, report.total)]),
    ],
  };
}

export function summaryTable(report: ChangeOrderReport): ReportTable {
  return {
    id: 'summary',
    title: 'Key figures',
    columns: [
      { label: 'Proposed', kind: 'int' },
      { label: 'Auto-approval rate', kind: 'ratio' },
      { label: 'Median hours to decision', kind: 'hours' },
      { label: 'P90 hours to decision', kind: 'hours' },
      { label: 'Escalations', kind: 'int' },
      { label: 'SLA escalations', kind: 'int' },
      { label: 'Cost delta', kind: 'money', display: `Cost delta (${plantCurrency()})` },
      { label: 'Revenue delta', kind: 'money', display: `Revenue delta (${plantCurrency()})` },
    ],
    rows: [[
      report.total, report.autoApprovalRate, report.medianHoursToDecision, report.p90HoursToDecision,
      report.escalations, report.slaEscalations, report.costDelta, report.revenueDelta,
    ]],
  };
}

export function mixTable(report: ChangeOrderReport): ReportTable {
  const rows = (dimension: string, counts: readonly { key: string; count: number }[], labels: Record<string, string>): Cell[][] =>
    counts.map((c) => [dimension, labels[c.key] ?? c.key, c.count]);
  return {
    id: 'mix',
    title: 'Change orders by status, tier and lane',
    columns: [
      { label: 'Dimension', kind: 'text' },
      { label: 'Value', kind: 'text' },
      { label: 'Change orders', kind: 'int' },
    ],
    rows: [
      ...rows('Status', report.byStatus, STATUS_LABEL),
      ...rows('Tier', report.byTier, TIER_LABEL),
      ...rows('Lane', report.byLane, LANE_LABEL),
    ],
  };
}

export function rulesTable(report: ChangeOrderReport): ReportTable {
  return {
    id: 'rules',
    title: 'How often each rule fired',
    columns: [
      { label: 'Rule', kind: 'text' },
      { label: 'Meaning', kind: 'text' },
      { label: 'Change orders', kind: 'int' },
    ],
    rows: report.ruleCounts.map((r) => [r.rule, RULE_LABEL[r.rule] ?? r.rule, r.count]),
  };
}

export function approversTable(report: ChangeOrderReport, roleLabel: (role: string) => string): ReportTable {
  return {
    id: 'approvers',
    title: 'Decisions per approver',
    columns: [
      { label: 'Approver', kind: 'text' },
      { label: 'Email', kind: 'text' },
      { label: 'Role', kind: 'text' },
      { label: 'Approved', kind: 'int' },
      { label: 'Rejected', kind: 'int' },
    ],
    rows: report.decisionsByApprover.map((d) => [d.approver.name, d.approver.email, roleLabel(d.approver.role), d.approved, d.rejected]),
  };
}
