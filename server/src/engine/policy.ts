import type { Policy } from './types.ts';

/** Default policy: 80% auto, 100% manager, overtime allowed, 3-day freeze, 5,000.00 limit, 15%. */
export const DEFAULT_POLICY: Policy = Object.freeze({
  version: 1,
  autoApproveMaxUtilizationBp: 8000,
  managerMaxUtilizationBp: 10_000,
  overtimeAllowed: true,
  freezeWindowWorkingDays: 3,
  costIncreaseLimitCents: 500_000,
  minMarginBp: 1500,
  approvalSlaHours: 8,
  shipBufferDays: 1,
});

/**
 * Converts a fraction or percentage as people type it (0.8, 15) into basis points, rounding to
 * the nearest basis point so 0.1 + 0.7 style float noise cannot move a ceiling.
 */
export function fractionToBasisPoints(fraction: number): number {
  return Math.round(fraction * 10_000);
}

/** Percent (15 or 12.5) to basis points (1500, 1250). */
export function percentToBasisPoints(percent: number): number {
  return Math.round(percent * 100);
}
