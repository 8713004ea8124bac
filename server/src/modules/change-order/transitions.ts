import type { PlantWrite, WriteTopic } from '../events/write-path.ts';
import type { ChangeOrderStatus } from './change-order.repository.ts';
import { readTransitionBatch, type TransitionBatch } from './transition-batch.ts';

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
 * Hears of a write's change-order transitions, inside its transaction, after the command: what it
 * writes commits exactly when the transitions do (no notification for a change that rolled back).
 */
export type TransitionSubscriber = (w: PlantWrite, batch: TransitionBatch) => Promise<void>;

/**
 * The change-order lifecycle's record on the write path. Every transition writes an audit event
 * (actor and delegate from the write, the evaluation snapshot) and a CHANGE_ORDER_UPDATED board
 * event, in the same transaction (docs/product.md §5, §6). At the end of the write its subscribers,
 * registered at assembly (services.ts), receive all of the write's transitions together — after
 * the command, so they see the approvals and status the write ends with (a proposal's approval
 * rows are created after its PROPOSED transition).
 */
export class Transitions implements WriteTopic<Transition> {
  readonly subscribers: readonly TransitionSubscriber[];
  constructor(subscribers: readonly TransitionSubscriber[]) {
    this.subscribers = subscribers;
  }

  record(w: PlantWrite, t: Transition): void {
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
    w.publish(this, t);
  }

  /** Reads once what the subscribers need (one round trip under the plant lock), then runs them in order. */
  async deliver(w: PlantWrite, transitions: readonly Transition[]): Promise<void> {
    if (this.subscribers.length === 0) return;
    const batch = await readTransitionBatch(w, transitions);
    for (const subscriber of this.subscribers) await subscriber(w, batch);
  }
}
