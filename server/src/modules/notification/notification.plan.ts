import { fromDay, type Evaluation, type Lane } from '../../engine/index.ts';
import { formatMoneyDelta as signed } from '../../shared/money.ts';
import { satisfies } from '../change-order/authority.ts';
import { TIER_WORDS } from '../../shared/tiers.ts';
import type { ApprovalRow, ChangeOrderStatus, StoredCounter } from '../change-order/change-order.repository.ts';
import type { PlantUser, Transition } from '../change-order/transitions.ts';
import { approverWords, laneWords, listOf } from '../change-order/approver-words.ts';

/** Why a user is notified (the SDL's NotificationKind). */
export type NotificationKind = 'DECISION_NEEDED' | 'NO_LONGER_NEEDED' | 'CHANGE_ORDER_UPDATED' | 'COUNTER_PROPOSAL_ANSWERED' | 'BILLING_ADJUSTMENT' | 'ORDER_AT_RISK';

/** Everything the plan needs about one change order after a write, read inside that write. */
export interface PlanInput {
  co: { id: string; number: string; status: ChangeOrderStatus; proposerId: string; counter: StoredCounter | null; evaluation: Evaluation };
  /** The change order's transitions in this write, in order. */
  transitions: readonly Transition[];
  /** Its approvals as they are at the end of the write. */
  approvals: readonly ApprovalRow[];
  users: ReadonlyMap<string, PlantUser>;
  /** Active delegations today: user id → the delegates acting for them. */
  delegatesOf: ReadonlyMap<string, readonly string[]>;
  /** The user who made the write; null for the system (SLA escalation). */
  actorId: string | null;
  orderNumber: string | null;
  /** The billing adjustment an APPLIED transition in this write recorded, if any. */
  billing: { priceDeltaCents: number; costDeltaCents: number } | null;
}

export interface PlannedNotification {
  userId: string;
  kind: NotificationKind;
  changeOrderId: string;
  actions: string[];
  message: string;
}

/**
 * Who hears about a write to one change order, and what they read (pure; issue 4 item 8):
 * - the proposer, on every transition someone else made;
 * - whoever can decide a lane when it becomes pending (proposed, escalated, re-evaluated): every
 *   user whose role satisfies it, and their active delegates — never the proposer;
 * - those same deciders when the change order stops waiting for them without their decision;
 * - the counter-proposer when the proposer answers;
 * - accounting when an applied change recorded a billing adjustment (docs/product.md §1: accounting sees
 *   every price and cost change).
 * The actor is never notified of their own action. One notification per user and kind per write,
 * so an approval that completes and applies a change order reads as one message.
 */
export function planNotifications(input: PlanInput): PlannedNotification[] {
  const { co, transitions, actorId } = input;
  if (transitions.length === 0) return [];
  const out = new Map<string, PlannedNotification>();
  const add = (userId: string, kind: NotificationKind, message: string) => {
    if (userId === actorId || !input.users.has(userId)) return;
    const key = `${userId}|${kind}`;
    if (!out.has(key)) out.set(key, { userId, kind, changeOrderId: co.id, actions: transitions.map((t) => t.action), message });
  };
  const actor = actorLabel(input);
  const story = transitions.map((t, i) => fragment(input, t, transitions[i + 1])).filter((f) => f !== null).join('; ');
  const pending = input.approvals.filter((a) => a.status === 'PENDING');
  // What it still waits for, once the write moved it (a comment alone moves nothing).
  const moved = transitions.some((t) => t.action !== 'COMMENTED');
  const waiting = moved && co.status === 'PENDING' && pending.length ? `; waiting for ${listOf(pending.map(approverWords))}` : '';

  // The proposer: every transition of their change order made by someone else.
  if (actorId !== co.proposerId && story) add(co.proposerId, 'CHANGE_ORDER_UPDATED', `${co.number}: ${story}${waiting}.`);

  // The counter-proposer, when the proposer answers.
  if (co.counter && transitions.some((t) => t.action === 'COUNTER_ACCEPTED' || t.action === 'COUNTER_DECLINED')) {
    for (const id of [co.counter.byUserId, co.counter.delegateId]) if (id) add(id, 'COUNTER_PROPOSAL_ANSWERED', `${co.number}: ${story}${waiting}.`);
  }

  // Deciders of lanes that became pending.
  const opened = transitions.filter((t) => t.to === 'PENDING' && (t.from !== 'PENDING' || t.action === 'SLA_ESCALATED' || t.action === 'REEVALUATED'));
  if (opened.length && co.status === 'PENDING') {
    // An SLA escalation from PENDING opens only the lanes it escalated (pending since just now).
    const onlySla = opened.every((t) => t.action === 'SLA_ESCALATED');
    const latest = Math.max(...pending.map((a) => new Date(a.pendingSince).getTime()));
    const lanes = onlySla ? pending.filter((a) => new Date(a.pendingSince).getTime() === latest) : pending;
    const lead = leadFor(input, opened[opened.length - 1]!, actor);
    for (const [userId, decides] of decidersOf(input, lanes)) {
      const as = decides.onBehalfOf.length ? ` (as delegate of ${listOf(decides.onBehalfOf.map((id) => input.users.get(id)!.name))})` : '';
      const facts = factsFor(input, decides.lanes);
      add(userId, 'DECISION_NEEDED', `${co.number} needs your decision in the ${listOf(decides.lanes.map(laneWords))} lane${decides.lanes.length > 1 ? 's' : ''}${as}: ${lead}. ${facts}`.trim());
    }
  }

  // Deciders whose pending lane stopped waiting without their decision.
  const closed = transitions.find((t) => t.from === 'PENDING' && ['WITHDRAWN', 'REJECTED', 'COUNTER_PROPOSED', 'CLOSED', 'RETURNED'].includes(t.to));
  if (closed && co.status !== 'PENDING' && pending.length) {
    for (const [userId] of decidersOf(input, pending)) add(userId, 'NO_LONGER_NEEDED', `${co.number} no longer waits for your decision: ${story}.`);
  }

  // Accounting sees every applied price and cost change.
  if (input.billing && transitions.some((t) => t.action === 'APPLIED')) {
    const { priceDeltaCents, costDeltaCents } = input.billing;
    const impact = co.evaluation.impact;
    const margin = impact && impact.marginBeforePct !== null && impact.marginAfterPct !== null ? `, margin ${impact.marginBeforePct}% → ${impact.marginAfterPct}%` : '';
    const message = `${co.number} was applied${input.orderNumber ? ` to ${input.orderNumber}` : ''}: price ${signed(priceDeltaCents)}, cost ${signed(costDeltaCents)}${margin}; a billing adjustment was recorded.`;
    for (const u of input.users.values()) if (u.role === 'ACCOUNTING') add(u.id, 'BILLING_ADJUSTMENT', message);
  }
  return [...out.values()];
}

/** Users who may decide each of `lanes` (by role, or as an active delegate), the proposer excluded. */
function decidersOf(input: PlanInput, lanes: readonly ApprovalRow[]) {
  const result = new Map<string, { lanes: Lane[]; onBehalfOf: string[] }>();
  const grant = (userId: string, lane: Lane, onBehalfOf: string | null) => {
    if (userId === input.co.proposerId) return;
    const entry = result.get(userId) ?? { lanes: [], onBehalfOf: [] };
    if (!entry.lanes.includes(lane)) entry.lanes.push(lane);
    if (onBehalfOf && !entry.onBehalfOf.includes(onBehalfOf)) entry.onBehalfOf.push(onBehalfOf);
    result.set(userId, entry);
  };
  for (const a of lanes) {
    for (const u of input.users.values()) {
      if (!satisfies(u.role, a.lane, a.requiredRole)) continue;
      grant(u.id, a.lane, null);
      for (const d of input.delegatesOf.get(u.id) ?? []) if (input.users.has(d)) grant(d, a.lane, u.id);
    }
  }
  // Someone deciding by their own role is not "a delegate" for that lane.
  for (const [userId, entry] of result) {
    const own = input.users.get(userId)!.role;
    if (entry.lanes.every((lane) => lanes.some((a) => a.lane === lane && satisfies(own, a.lane, a.requiredRole)))) entry.onBehalfOf = [];
  }
  return result;
}

function actorLabel(input: PlanInput): string {
  return input.actorId ? (input.users.get(input.actorId)?.name ?? 'someone') : 'Takt';
}

/** One transition in words, as the proposer or counter-proposer reads it. */
function fragment(input: PlanInput, t: Transition, next: Transition | undefined): string | null {
  const actor = actorLabel(input);
  const said = t.comment?.trim() ? `: “${clip(t.comment.trim())}”` : '';
  switch (t.action) {
    case 'PROPOSED':
      return `${actor} proposed it`;
    case 'APPROVED':
      return `${actor} approved the ${laneWords(t.lane ?? '')} lane`;
    case 'ALL_APPROVED':
      return next?.action === 'APPLIED' ? null : 'every approval is granted';
    case 'REJECTED':
      return `${actor} rejected it in the ${listOf((t.lane ?? '').split(',').filter(Boolean).map(laneWords))} lane${said}`;
    case 'ESCALATED':
      return `${actor} escalated it to the plant manager${said}`;
    case 'SLA_ESCALATED':
      return 'it waited longer than the approval SLA and went up to the plant manager';
    case 'COUNTER_PROPOSED':
      return `${actor} offers an alternative (${terms(t.evaluation as Evaluation | undefined)})${said} — accept or decline it`;
    case 'COUNTER_ACCEPTED':
      return `${actor} accepted the counter-proposal`;
    case 'COUNTER_DECLINED':
      return `${actor} declined the counter-proposal${said}; it is closed`;
    case 'WITHDRAWN':
      return `${actor} withdrew it${said}`;
    case 'APPLIED':
      return `applied to the schedule${input.orderNumber ? ` (${input.orderNumber})` : ''}`;
    case 'ORDER_CHANGED':
      return `its order${input.orderNumber ? ` ${input.orderNumber}` : ''} changed before it was applied, so it came back to you with nothing applied (re-evaluated against the new terms: ${terms(t.evaluation as Evaluation | undefined)}) — confirm it on the new terms or withdraw it`;
    case 'CONFIRMED':
      return `${actor} confirmed it on the order's new terms${said}`;
    case 'REEVALUATED':
      return t.to === 'INFEASIBLE' ? `it no longer fits the schedule${said}` : 'it was re-evaluated and needs approval again';
    case 'COMMENTED':
      return `${actor} commented${said}`;
    default:
      return `${t.action.toLowerCase().replaceAll('_', ' ')} (${t.from ?? '—'} → ${t.to})`;
  }
}

/** Why a lane now waits for the reader. */
function leadFor(input: PlanInput, t: Transition, actor: string): string {
  const on = input.orderNumber ? ` on ${input.orderNumber}` : '';
  const said = t.comment?.trim() ? ` “${clip(t.comment.trim())}”` : '';
  switch (t.action) {
    case 'PROPOSED':
      return `${actor} proposed ${input.co.evaluation.kinds.map((k) => k.toLowerCase().replace('_', ' ')).join(' + ')}${on}`;
    case 'ESCALATED':
      return `${actor} escalated it after a rejection${said}`;
    case 'CONFIRMED':
      return `${actor} confirmed it on ${input.orderNumber ?? 'the order'}'s new terms after the order changed`;
    case 'SLA_ESCALATED':
      return 'it waited longer than the approval SLA';
    case 'REEVALUATED':
      return t.from === 'COUNTER_PROPOSED' ? `${actor} accepted a counter-proposal that needs more authority` : 'the schedule changed since it was approved';
    default:
      return `${actor}: ${t.action.toLowerCase()}`;
  }
}

/** The numbers a decider needs: terms, tier, price and cost, and each rule that requires them. */
function factsFor(input: PlanInput, lanes: readonly Lane[]): string {
  const e = input.co.evaluation;
  const money = e.impact ? `, price ${signed(e.impact.priceDeltaCents)}, cost ${signed(e.impact.costDelta.totalCents)}` : '';
  const rules = e.requiredApprovals.filter((r) => lanes.includes(r.lane)).map((r) => `${r.message}.`).join(' ');
  return `${terms(e)}; ${TIER_WORDS[e.tier]}${money}. ${rules}`.trim();
}

function terms(e: Evaluation | undefined): string {
  if (!e) return 'see the change order';
  if (!e.terms) return 'cancel the order';
  return `quantity ${e.terms.quantity}, due ${fromDay(e.terms.dueDate)}`;
}

const clip = (text: string) => (text.length > 140 ? `${text.slice(0, 139)}…` : text);

