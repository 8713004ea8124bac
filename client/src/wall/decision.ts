import type { WallChangeOrderFragment } from '../gql/graphql';

/** An approver's decisions in a change order's history. */
const DECISIONS = new Set(['APPROVED', 'REJECTED', 'COUNTER_PROPOSED']);
/** Anything that took a change out of "within policy": a decision, or its escalation. */
const ROUTED = new Set([...DECISIONS, 'ESCALATED', 'SLA_ESCALATED']);

/**
 * Who decided a change the wall lists under today's decisions: "within policy" only when no
 * person ever decided it (its history has no approval, rejection, escalation or counter), else the
 * last person who did. Read from the history, not from the approvals: an escalation re-opens a
 * rejected lane, and a counter-proposal accepted re-routes the change, so the approvals alone can
 * say nothing of a decision that was made (a rejected-then-escalated change once read "Applied
 * within policy").
 */
export function decidedBy(co: Pick<WallChangeOrderFragment, 'status' | 'proposer' | 'history'>): { within: boolean; by: string } {
  if (co.status === 'WITHDRAWN' || co.status === 'CLOSED') return { within: false, by: co.proposer.name };
  const decided = [...co.history].reverse().find((h) => DECISIONS.has(h.action) && h.actor);
  if (decided) return { within: false, by: decided.actor!.name };
  return { within: co.status === 'APPLIED' && !co.history.some((h) => ROUTED.has(h.action)), by: '' };
}
