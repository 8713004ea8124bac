import type { ChangeKind, DisputeFact, PolicyRule, Role } from '../gql/graphql';
import { ROLE_LABEL } from '../auth/session.store';

/** The decision pages' own wording; formats every page shares are in shared/format.ts. */

export const KIND_LABEL: Record<ChangeKind, string> = {
  QUANTITY: 'Quantity',
  DUE_DATE: 'Due date',
  SPEC: 'Spec',
  CANCEL: 'Cancel',
  NEW_ORDER: 'New order',
  MOVE_JOB: 'Job move',
};

export const RULE_LABEL: Record<PolicyRule, string> = {
  CAPACITY_MANAGER: 'Utilization above auto-approve',
  OVERTIME: 'Overtime needed',
  FREEZE_WINDOW: 'Inside the freeze window',
  MIN_LEAD_TIME: 'Shorter than lead time',
  COST_INCREASE_LIMIT: 'Cost increase above limit',
  MIN_MARGIN: 'Margin below minimum',
  REVIEW_REQUIRED: 'Option needs quality review',
};

export function roleLabel(role: Role): string {
  return ROLE_LABEL[role];
}

/** Audit actions in words ("APPROVED" → "Approved"). */
export function actionLabel(action: string): string {
  const words = action.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The parts of a dispute as the history names them (docs/product.md §5.5). */
export const DISPUTE_FACT_LABEL: Record<DisputeFact, string> = {
  BUCKETS: 'buckets',
  COMPETING_ORDERS: 'competing orders',
  CUSTOMER_HISTORY: 'customer history',
  MARGIN: 'margin',
  SIMILAR_DECISIONS: 'similar decisions',
};
