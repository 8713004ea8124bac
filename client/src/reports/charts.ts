import type { ChartOption } from './echarts';
import { formatHours, formatPercent, periodLabel, type Granularity } from './format';
import { capacityAxes, RULE_LABEL, type CapacityRow, type ChangeOrderReport, type Funnel } from './tables';

/**
 * Chart options built from the same rows as the tables. ECharts draws into SVG attributes, where
 * CSS variables do not resolve, so the palette repeats styles/base.css by value.
 */
const COLOR = {
  text: '#111827',
  muted: '#4b5563',
  grid: '#e2e5ea',
  accent: '#1d4ed8',
  idle: '#eef0f3',
  ok: '#bbf7d0',
  high: '#fde68a',
  over: '#fca5a5',
  approved: '#16a34a',
  rejected: '#dc2626',
};

const TEXT = { color: COLOR.text, fontFamily: 'Inter, system-ui, sans-serif', fontSize: 12 };

/** The plant's policy ceilings (policy.autoApproveMaxUtilization, managerMaxUtilization). */
export interface Thresholds {
  auto: number;
  manager: number;
}

/**
 * Work centers × periods, each cell the utilization in percent, coloured like the board: up to
 * the auto-approve ceiling, up to the manager ceiling, beyond it. Cells without capacity stay blank.
 */
export function heatmapOption(rows: readonly CapacityRow[], granularity: Granularity, t: Thresholds): ChartOption {
  const { workCenters, periods } = capacityAxes(rows);
  const x = new Map(periods.map((p, i) => [p, i]));
  const y = new Map(workCenters.map((w, i) => [w, i]));
  const data = rows.map((r) => [x.get(r.periodStart)!, y.get(r.workCenterCode)!, r.capacityHours > 0 ? Math.round(r.utilization * 1000) / 10 : '-']);
  const auto = Math.round(t.auto * 100);
  const manager = Math.round(t.manager * 100);
  return {
    textStyle: TEXT,
    animation: false,
    tooltip: {
      formatter: (p: unknown) => {
        const [xi, yi, v] = (p as { value: [number, number, number | string] }).value;
        const pct = typeof v === 'number' ? `${v} %` : 'no capacity';
        return `${workCenters[yi]} · ${periodLabel(periods[xi]!, granularity)}: ${pct}`;
      },
    },
    grid: { left: 90, right: 16, top: 8, bottom: 72 },
    xAxis: {
      type: 'category',
      data: periods.map((p) => periodLabel(p, granularity)),
      splitArea: { show: false },
      axisLabel: { color: COLOR.muted, hideOverlap: true },
    },
    yAxis: { type: 'category', data: workCenters, inverse: true, axisLabel: { color: COLOR.muted } },
    visualMap: {
      type: 'piecewise',
      orient: 'horizontal',
      left: 'center',
      bottom: 8,
      dimension: 2,
      textStyle: TEXT,
      pieces: [
        { lte: 0, label: 'Idle', color: COLOR.idle },
        { gt: 0, lte: auto, label: `Up to ${auto} %`, color: COLOR.ok },
        { gt: auto, lte: manager, label: `Up to ${manager} %`, color: COLOR.high },
        { gt: manager, label: `Over ${manager} %`, color: COLOR.over },
      ],
    },
    series: [
      {
        type: 'heatmap',
        data,
        label: { show: periods.length <= 27, color: COLOR.text, fontSize: 11, formatter: (p: unknown) => {
          const v = (p as { value: [number, number, number | string] }).value[2];
          return typeof v === 'number' ? String(Math.round(v)) : '';
        } },
        itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
        emphasis: { itemStyle: { borderColor: COLOR.text, borderWidth: 1 } },
      },
    ],
  };
}

export function heatmapHeight(rows: readonly CapacityRow[]): number {
  return capacityAxes(rows).workCenters.length * 26 + 100;
}

export function funnelOption(f: Funnel): ChartOption {
  return {
    textStyle: TEXT,
    animation: false,
    tooltip: { trigger: 'item', formatter: '{b}: {c}' },
    series: [
      {
        type: 'funnel',
        sort: 'none',
        left: '5%',
        width: '90%',
        top: 8,
        bottom: 8,
        minSize: '12%',
        gap: 2,
        label: { show: true, position: 'inside', color: COLOR.text, formatter: '{b}: {c}' },
        itemStyle: { borderColor: '#ffffff' },
        data: f.stages.map((s, i) => ({ name: s.label, value: s.count, itemStyle: { color: ['#c7d7fe', '#a4bcfd', '#8098f9', '#6172f3'][i] } })),
      },
    ],
  };
}

function horizontalBars(labels: string[], series: { name: string; values: number[]; color: string }[], unit = ''): ChartOption {
  return {
    textStyle: TEXT,
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: series.length > 1 ? { top: 0, textStyle: TEXT } : undefined,
    grid: { left: 8, right: 40, top: series.length > 1 ? 28 : 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { color: COLOR.muted }, splitLine: { lineStyle: { color: COLOR.grid } } },
    yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { color: COLOR.muted } },
    series: series.map((s) => ({
      type: 'bar',
      name: s.name,
      data: s.values,
      stack: series.length > 1 ? 'total' : undefined,
      itemStyle: { color: s.color },
      barMaxWidth: 22,
      label: { show: series.length === 1, position: 'right', color: COLOR.text, formatter: `{c}${unit}` },
    })),
  };
}

export function exitsOption(f: Funnel): ChartOption {
  return horizontalBars(f.exits.map((e) => e.label), [{ name: 'Change orders', values: f.exits.map((e) => e.count), color: '#98a2b3' }]);
}

export function timingOption(r: ChangeOrderReport): ChartOption {
  return horizontalBars(
    ['Median', '90th percentile'],
    [{ name: 'Hours to decision', values: [r.medianHoursToDecision ?? 0, r.p90HoursToDecision ?? 0], color: COLOR.accent }],
    ' h',
  );
}

export function rulesOption(r: ChangeOrderReport): ChartOption {
  return horizontalBars(r.ruleCounts.map((c) => RULE_LABEL[c.rule] ?? c.rule), [{ name: 'Change orders', values: r.ruleCounts.map((c) => c.count), color: '#f59e0b' }]);
}

export function approversOption(r: ChangeOrderReport): ChartOption {
  const names = r.decisionsByApprover.map((d) => d.approver.name);
  return horizontalBars(names, [
    { name: 'Approved', values: r.decisionsByApprover.map((d) => d.approved), color: COLOR.approved },
    { name: 'Rejected', values: r.decisionsByApprover.map((d) => d.rejected), color: COLOR.rejected },
  ]);
}

/** One sentence for the chart's accessible name. */
export function timingSummary(r: ChangeOrderReport): string {
  if (r.medianHoursToDecision === null) return 'Time to decision: no change order was decided in this range.';
  return `Time to decision: median ${formatHours(r.medianHoursToDecision)} hours, 90th percentile ${formatHours(r.p90HoursToDecision ?? 0)} hours.`;
}

export function funnelSummary(f: Funnel): string {
  return `Change-order funnel: ${f.stages.map((s) => `${s.label} ${s.count}`).join(', ')}.`;
}

export function heatmapSummary(rows: readonly CapacityRow[]): string {
  const { workCenters, periods } = capacityAxes(rows);
  const peak = rows.reduce<CapacityRow | null>((m, r) => (r.capacityHours > 0 && (!m || r.utilization > m.utilization) ? r : m), null);
  const tail = peak ? `; highest ${formatPercent(peak.utilization)} at ${peak.workCenterCode} from ${peak.periodStart}` : '';
  return `Utilization heat map of ${workCenters.length} work centers over ${periods.length} periods${tail}. The table below has every value.`;
}
