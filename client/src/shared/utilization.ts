/**
 * How a bucket's utilization reads on the board, the wall and the reports: one scale and one
 * palette, so a 95 % day is the same amber on every screen. The thresholds come from the plant's policy
 * (docs/product.md §4: autoApproveMaxUtilization, managerMaxUtilization), so a bucket is amber exactly when a
 * change landing on it would need the ops manager. The defaults below only apply until the policy
 * has loaded.
 */
export interface Thresholds {
  /** At or below: no capacity approval (policy autoApproveMaxUtilization). */
  auto: number;
  /** Above auto, up to this: the ops manager (policy managerMaxUtilization). */
  manager: number;
}

export const DEFAULT_THRESHOLDS: Readonly<Thresholds> = { auto: 0.8, manager: 1.0 };

/**
 * - `off`: no capacity that day (weekend, holiday, maintenance)
 * - `idle`: capacity but nothing loaded
 * - `ok`: up to the auto-approve ceiling, changes need no approval
 * - `high`: up to the manager ceiling, the ops manager decides
 * - `over`: beyond it, only overtime (the plant manager) can carry it
 */
export type UtilizationLevel = 'off' | 'idle' | 'ok' | 'high' | 'over';

export function utilizationLevel(
  capacityHours: number,
  loadHours: number,
  utilization: number,
  t: Thresholds = DEFAULT_THRESHOLDS,
): UtilizationLevel {
  if (capacityHours <= 0) return loadHours > 0 ? 'over' : 'off';
  if (loadHours <= 0) return 'idle';
  // a float sum of allocations may land a hair above the ceiling it was planned under
  if (utilization <= t.auto + 1e-9) return 'ok';
  if (utilization <= t.manager + 1e-9) return 'high';
  return 'over';
}

/**
 * The colour of each loaded level. Plot draws report charts into SVG attributes, where CSS
 * variables do not resolve, so the palette lives here and `installUtilizationPalette` hands it to
 * CSS (`--util-ok`, `--util-ok-soft`, …) for the board and the wall. Fills meet 3:1 non-text
 * contrast on white; the soft shades are status-badge backgrounds.
 */
export const UTILIZATION_COLOR = {
  ok: '#16a34a',
  high: '#d97706',
  over: '#dc2626',
  idle: '#d5dae1',
} as const satisfies Partial<Record<UtilizationLevel, string>>;

const SOFT_COLOR = { ok: '#dcfce7', high: '#fef3c7', over: '#fee2e2' } as const;

/** Text readable on each fill (report cells print the percentage on it). */
export const UTILIZATION_INK: Record<keyof typeof UTILIZATION_COLOR, string> = { ok: '#111827', high: '#111827', over: '#ffffff', idle: '#111827' };

export function installUtilizationPalette(root: HTMLElement): void {
  for (const [level, colour] of Object.entries(UTILIZATION_COLOR)) root.style.setProperty(`--util-${level}`, colour);
  for (const [level, colour] of Object.entries(SOFT_COLOR)) root.style.setProperty(`--util-${level}-soft`, colour);
}

export function levelLabels(t: Thresholds = DEFAULT_THRESHOLDS): Record<UtilizationLevel, string> {
  return {
    off: 'Non-working day',
    idle: 'Idle',
    ok: `Up to ${Math.round(t.auto * 100)} %`,
    high: `Up to ${Math.round(t.manager * 100)} %`,
    over: `Over ${Math.round(t.manager * 100)} %`,
  };
}

export function formatPercent(fraction: number): string {
  return `${Math.round(fraction * 100)} %`;
}

export function formatHours(hours: number): string {
  return `${Number.isInteger(hours) ? hours : hours.toFixed(1)} h`;
}
