import type { ChangeKind, Tier } from '../gql/graphql';

/** The board's own wording; formats every page shares are in app/format.ts. */

/** Who a tier needs, in a rep's words. */
export const TIER_LABEL: Record<Tier, string> = {
  AUTO: 'No approval needed',
  MANAGER: 'Ops manager approves',
  OVERTIME: 'Overtime: plant manager approves',
  INFEASIBLE: 'Does not fit by this date',
};

export const TIER_SHORT: Record<Tier, string> = { AUTO: 'Auto', MANAGER: 'Ops manager', OVERTIME: 'Overtime', INFEASIBLE: 'Infeasible' };

export const KIND_LABEL: Record<ChangeKind, string> = {
  QUANTITY: 'quantity',
  DUE_DATE: 'due date',
  SPEC: 'spec',
  CANCEL: 'cancel',
  NEW_ORDER: 'new order',
  MOVE_JOB: 'job move',
};
