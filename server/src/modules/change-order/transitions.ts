import type { PlantWrite } from '../events/write-path.ts';
import { noteTransition } from '../notification/notifier.ts';
import type { ChangeOrderStatus } from './change-order.repository.ts';

/** One step of a change order's lifecycle, as the audit trail and the board see it. */
export interface Transition {
  changeOrderId: string;
  orderId: string;
  /** PROPOSED, APPROVED, REJECTED, ESCALATED, SLA_ESCALATED, COUNTER_PROPOSED, COUNTER_ACCEPTED, COUNTER_DECLINED, WITHDRAWN, APPLIED, REEVALUATED, ORDER_CHANGED, CONFIRMED, COMMENTED */
  action: string;
  from: ChangeOrderStatus | null;
  to: ChangeOrderStatus;
  /** The version after the transition. */
  version: number;
  comment?: string | null;
  policyVersion: number;
  /** The evaluation snapshot the transition was decided on. */
  evaluation?: unknown;
  /** The lane a decision was made in. */
  lane?: string | null;
  /** Set when a delegate decided with someone else's authority: the audit records both names. */
  onBehalfOf?: { userId: string; delegateId: string } | null;
}

/**
 * Every transition writes an audit event (actor and delegate from the write, the evaluation
 * snapshot) and a CHANGE_ORDER_UPDATED board event, in the same transaction (docs/product.md §5, §6).
 */
export function recordTransition(w: PlantWrite, t: Transition): void {
  w.audit({
    action: t.action,
    entityType: 'ChangeOrder',
    entityId: t.changeOrderId,
    fromStatus: t.from,
    toStatus: t.to,
    comment: t.comment ?? null,
    policyVersion: t.policyVersion,
    onBehalfOf: t.onBehalfOf ?? null,
    data: { ...(t.lane ? { lane: t.lane } : {}), ...(t.evaluation ? { evaluation: t.evaluation } : {}) },
  });
  w.emit({ type: 'CHANGE_ORDER_UPDATED', changeOrderId: t.changeOrderId, orderId: t.orderId, status: t.to, version: t.version });
  noteTransition(w, t); // in-app notifications and the webhook outbox, written before commit
}
