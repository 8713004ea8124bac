/**
 * How a bucket's utilization reads on the board. The thresholds are the policy defaults of
 * SPEC §4 (autoApproveMaxUtilization 0.80, managerMaxUtilization 1.00); when the policy query
 * lands the board will take the plant's current values instead of these.
 */
export const AUTO_APPROVE_MAX_UTILIZATION = 0.8;
export const MANAGER_MAX_UTILIZATION = 1.0;

/**
 * - `off`: no capacity that day (weekend, holiday, maintenance)
 * - `idle`: capacity but nothing loaded
 * - `ok`: up to the auto-approve ceiling, changes need no approval
 * - `high`: up to 100 %, the ops manager decides
 * - `over`: beyond capacity, only overtime can carry it
 */
export type UtilizationLevel = 'off' | 'idle' | 'ok' | 'high' | 'over';

export function utilizationLevel(capacityHours: number, loadHours: number, utilization: number): UtilizationLevel {
  if (capacityHours <= 0) return loadHours > 0 ? 'over' : 'off';
  if (loadHours <= 0) return 'idle';
  if (utilization <= AUTO_APPROVE_MAX_UTILIZATION) return 'ok';
  if (utilization <= MANAGER_MAX_UTILIZATION) return 'high';
  return 'over';
}

export const LEVEL_LABEL: Record<UtilizationLevel, string> = {
  off: 'Non-working day',
  idle: 'Idle',
  ok: `Up to ${Math.round(AUTO_APPROVE_MAX_UTILIZATION * 100)} %`,
  high: `Up to ${Math.round(MANAGER_MAX_UTILIZATION * 100)} %`,
  over: `Over ${Math.round(MANAGER_MAX_UTILIZATION * 100)} %`,
};

export function formatPercent(fraction: number): string {
  return `${Math.round(fraction * 100)} %`;
}

export function formatHours(hours: number): string {
  return `${Number.isInteger(hours) ? hours : hours.toFixed(1)} h`;
}
