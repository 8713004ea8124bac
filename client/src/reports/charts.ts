import { axisY, barX, cell, ruleX, text, type PlotOptions } from '@observablehq/plot';
import { levelLabels, UTILIZATION_COLOR, UTILIZATION_INK, utilizationLevel, type Thresholds } from '../shared/utilization';
import { formatDate } from '../shared/dates';
import { formatHours, formatPercent, periodLabel, type Granularity } from './format';
import { capacityAxes, RULE_LABEL, type CapacityRow, type ChangeOrderReport, type Funnel } from './tables';

/** A chart's content; ReportChart.vue adds the size it is drawn at. */
export type ChartOptions = Omit<PlotOptions, 'width' | 'height'>;

/**
 * Chart options built from the same rows as the tables. Plot writes colours into SVG attributes,
 * where CSS variables do not resolve: utilization takes the board's palette from its source.
 */
const COLOR = {
  text: '#111827',
  accent: '#1d4ed8',
  approved: '#16a34a',
  rejected: '#dc2626',
};

const STYLE = { color: COLOR.text, fontFamily: 'Inter, system-ui, sans-serif', fontSize: '12px', overflow: 'visible' };

/** Category labels wider than this many characters wrap onto a second line. */
const LABEL_CHARS = 26;

/** Room for the longest category label left of the bars (Plot does not measure text). */
function labelMargin(labels: readonly string[]): number {
  return 16 + 7 * Math.min(LABEL_CHARS, Math.max(0, ...labels.map((l) => l.length)));
}

/** The plant's policy ceilings (policy.autoApproveMaxUtilization, managerMaxUtilization). */

/**
 * Work centers × periods, each cell the utilization in percent, coloured like the board: up to
 * the auto-approve ceiling, up to the manager ceiling, beyond it. Cells without capacity stay blank.
 */
export function heatmapOption(rows: readonly CapacityRow[], granularity: Granularity, t: Thresholds): ChartOptions {
  const { workCenters, periods } = capacityAxes(rows);
  const labels = levelLabels(t);
  const levels = ['idle', 'ok', 'high', 'over'] as const;
  const cells = rows
    .filter((r) => r.capacityHours > 0)
    .map((r) => {
      const pct = Math.round(r.utilization * 1000) / 10;
      const level = utilizationLevel(r.capacityHours, r.loadHours, r.utilization, t) as (typeof levels)[number];
      return { workCenter: r.workCenterCode, period: r.periodStart, pct, tier: labels[level], ink: UTILIZATION_INK[level] };
    });
  type Cell = (typeof cells)[number];
  // Periods are keyed by their ISO start (two weeks a year apart can share a "3 Nov" label); at
  // most ~20 of them are labelled so that long day ranges stay legible.
  const every = Math.ceil(periods.length / 20);
  return {
    style: STYLE,
    marginLeft: labelMargin(workCenters),
    marginBottom: 28,
    x: { domain: periods, ticks: periods.filter((_, i) => i % every === 0), tickFormat: (p: string) => periodLabel(p, granularity), label: null, tickSize: 0 },
    y: { domain: workCenters, label: null, tickSize: 0 },
    color: { domain: levels.map((l) => labels[l]), range: levels.map((l) => UTILIZATION_COLOR[l]), legend: true },
    marks: [
      cell(cells, { x: 'period', y: 'workCenter', fill: 'tier', inset: 0.5, title: (c: Cell) => `${c.workCenter} · ${periodLabel(c.period, granularity)}: ${c.pct} %`, tip: true }),
      // One text mark per ink: a constant fill stays out of the colour scale.
      ...(periods.length <= 27
        ? [...new Set(cells.map((c) => c.ink))].map((ink) =>
          text(cells.filter((c) => c.ink === ink), { x: 'period', y: 'workCenter', text: (c: Cell) => String(Math.round(c.pct)), fill: ink, fontSize: 11 }))
        : []),
    ],
  };
}

export function heatmapHeight(rows: readonly CapacityRow[]): number {
  return capacityAxes(rows).workCenters.length * 26 + 40;
}

/** The funnel as bars centred on one axis, each as wide as its stage's count. */
export function funnelOption(f: Funnel): ChartOptions {
  const shades = ['#c7d7fe', '#a4bcfd', '#8098f9', '#6172f3'];
  const stages = f.stages.map((s, i) => ({ ...s, color: shades[i]!, text: `${s.label}: ${s.count}` }));
  type Stage = (typeof stages)[number];
  return {
    style: STYLE,
    margin: 8,
    x: { axis: null },
    y: { axis: null, domain: stages.map((s) => s.label), padding: 0.06 },
    color: { type: 'identity' },
    marks: [
      barX(stages, { x1: (s: Stage) => -s.count / 2, x2: (s: Stage) => s.count / 2, y: 'label', fill: 'color', title: 'text', tip: true }),
      text(stages, { x: 0, y: 'label', text: 'text', fill: COLOR.text }),
    ],
  };
}

function horizontalBars(labels: string[], series: { name: string; values: number[]; color: string }[], { unit = '', integer = true } = {}): ChartOptions {
  const bars = series.flatMap((s) => labels.map((label, i) => ({ label, series: s.name, value: s.values[i] ?? 0 })));
  type Bar = (typeof bars)[number];
  const single = series.length === 1;
  // Counts get whole-number ticks only: d3 picks about as many ticks as asked for on [0, max].
  const max = Math.max(0, ...labels.map((_, i) => series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0)));
  return {
    style: STYLE,
    marginLeft: labelMargin(labels),
    marginRight: 48,
    marginTop: 8,
    // An empty report (every value 0) still gets a readable axis from 0 to 1.
    x: { domain: [0, max || 1], nice: true, grid: true, label: null, ...(integer ? { ticks: Math.max(1, Math.min(8, Math.ceil(max))), tickFormat: 'd' } : {}) },
    y: { domain: labels, label: null },
    color: { domain: series.map((s) => s.name), range: series.map((s) => s.color), legend: !single },
    marks: [
      axisY({ tickSize: 0, lineWidth: LABEL_CHARS * 0.6 }),
      // Several series stack along x (Plot's implicit stackX).
      barX(bars, { x: 'value', y: 'label', fill: 'series', title: (b: Bar) => `${b.series}: ${b.value}${unit}`, tip: true }),
      single ? text(bars, { x: 'value', y: 'label', text: (b: Bar) => `${b.value}${unit}`, textAnchor: 'start', dx: 4, fill: COLOR.text }) : null,
      ruleX([0]),
    ],
  };
}

export function exitsOption(f: Funnel): ChartOptions {
  return horizontalBars(f.exits.map((e) => e.label), [{ name: 'Change orders', values: f.exits.map((e) => e.count), color: '#98a2b3' }]);
}

export function timingOption(r: ChangeOrderReport): ChartOptions {
  return horizontalBars(
    ['Median', '90th percentile'],
    [{ name: 'Hours to decision', values: [r.medianHoursToDecision ?? 0, r.p90HoursToDecision ?? 0], color: COLOR.accent }],
    { unit: ' h', integer: false },
  );
}

export function rulesOption(r: ChangeOrderReport): ChartOptions {
  return horizontalBars(r.ruleCounts.map((c) => RULE_LABEL[c.rule] ?? c.rule), [{ name: 'Change orders', values: r.ruleCounts.map((c) => c.count), color: '#f59e0b' }]);
}

export function approversOption(r: ChangeOrderReport): ChartOptions {
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
  const tail = peak ? `; highest ${formatPercent(peak.utilization)} at ${peak.workCenterCode} from ${formatDate(peak.periodStart, 'short')}` : '';
  return `Utilization heat map of ${workCenters.length} work centers over ${periods.length} periods${tail}. The table below has every value.`;
}
