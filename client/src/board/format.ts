import type { ChangeKind, ChangeOrderStatus, Lane, MeasureUnit, Tier } from '../gql/graphql';

/** Money is an exact decimal string from the API; format it by string, never through a float. */
export function formatMoney(value: string, opts: { sign?: boolean } = {}): string {
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!match) return value;
  const [, minus, whole, fraction = ''] = match;
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const zero = /^0+$/.test(whole!) && /^0*$/.test(fraction);
  const sign = minus && !zero ? '−' : opts.sign && !zero ? '+' : '';
  return `${sign}${grouped}.${(fraction + '00').slice(0, 2)}`;
}

export function moneySign(value: string): -1 | 0 | 1 {
  if (/^-?0*(\.0*)?$/.test(value.trim())) return 0;
  return value.trim().startsWith('-') ? -1 : 1;
}

/** Who a tier needs, in a rep's words. */
export const TIER_LABEL: Record<Tier, string> = {
  AUTO: 'No approval needed',
  MANAGER: 'Ops manager approves',
  OVERTIME: 'Overtime: plant manager approves',
  INFEASIBLE: 'Does not fit by this date',
};

export const TIER_SHORT: Record<Tier, string> = { AUTO: 'Auto', MANAGER: 'Ops manager', OVERTIME: 'Overtime', INFEASIBLE: 'Infeasible' };

export const STATUS_LABEL: Record<ChangeOrderStatus, string> = {
  AUTO_APPROVED: 'Auto-approved',
  PENDING: 'Pending',
  APPROVED: 'Approved',
  APPLIED: 'Applied',
  REJECTED: 'Rejected',
  COUNTER_PROPOSED: 'Counter-proposed',
  WITHDRAWN: 'Withdrawn',
  CLOSED: 'Closed',
  INFEASIBLE: 'Infeasible',
};

export const KIND_LABEL: Record<ChangeKind, string> = {
  QUANTITY: 'quantity',
  DUE_DATE: 'due date',
  SPEC: 'spec',
  CANCEL: 'cancel',
  NEW_ORDER: 'new order',
  MOVE_JOB: 'job move',
};

export const LANE_LABEL: Record<Lane, string> = { CAPACITY: 'Capacity', ACCOUNTING: 'Cost & margin', QUALITY: 'Quality' };

export function formatMeasure(value: number, unit: MeasureUnit): string {
  switch (unit) {
    case 'PERCENT':
      return `${Number.isInteger(value) ? value : value.toFixed(1)} %`;
    case 'MINUTES':
      return `${(value / 60).toFixed(1)} h`;
    case 'CENTS':
      return formatMoney((value / 100).toFixed(2));
    case 'WORKING_DAYS':
      return `${value} working day${value === 1 ? '' : 's'}`;
    case 'OPTION':
      return value > 0 ? 'flagged' : 'none';
  }
}
