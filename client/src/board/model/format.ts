import type { ChangeKind, Role, Tier } from '../../gql/graphql';
import { ROLE_LABEL } from '../../auth/session.store';

/** The board's own wording; formats every page shares are in shared/format.ts. */

/** Who a tier needs, as a sentence in a rep's words (a tier's name is shared/format.ts's TIER_LABEL). */
export const TIER_VERDICT: Record<Tier, string> = {
  AUTO: 'No approval needed',
  MANAGER: 'Ops manager approves',
  OVERTIME: 'Overtime: plant manager approves',
  INFEASIBLE: 'Does not fit by this date',
};

export const KIND_LABEL: Record<ChangeKind, string> = {
  QUANTITY: 'quantity',
  DUE_DATE: 'due date',
  SPEC: 'spec',
  CANCEL: 'cancel',
  NEW_ORDER: 'new order',
  MOVE_JOB: 'job move',
};

/**
 * The verdict in one line, naming every approver a change needs (not only its capacity tier's):
 * "Ops manager and Accounting approve".
 */
export function verdictText(tier: Tier, approvers: readonly { role: Role }[]): string {
  if (tier === 'INFEASIBLE' || approvers.length === 0) return TIER_VERDICT[tier];
  const names = [...new Set(approvers.map((a) => ROLE_LABEL[a.role]))];
  const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `${tier === 'OVERTIME' ? 'Overtime: ' : ''}${list} ${names.length === 1 ? 'approves' : 'approve'}`;
}
