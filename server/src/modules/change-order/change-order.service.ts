import { buildSchedule, EngineError, type Evaluation, type Lane, type Schedule } from '../../engine/index.ts';
import type { ChangeOrderInput, DisputeFact } from '../../../../schema/generated/server.ts';
import { AppError, badInput, conflict, notFound } from '../../shared/errors.ts';
import type { Actor } from '../auth/actor.ts';
import { ROLE_WORDS, type Role } from '../auth/roles.ts';
import { approverWords, laneWords, listOf } from './approver-words.ts';
import type { PlantWrite } from '../events/write-path.ts';
import { isUuid } from '../../shared/ids.ts';
import { pgArray } from '../../db/sql.ts';
import { todayIn } from '../../shared/dates.ts';
import { formatMoneyDelta } from '../../shared/money.ts';
import { TIER_WORDS } from '../../shared/tiers.ts';
import { loadScheduleInput } from '../schedule/schedule.loader.ts';
import { applyEvaluation } from './apply.ts';
import { authorityFor, covers, nextTier, satisfies, type Authority } from './authority.ts';
import { authoritiesOf } from './authorities.ts';
import {
  approvalsOf, changeOrdersByIds, decideApproval, escalateApproval, insertChangeOrder, insertComment,
  resetApprovals, updateChangeOrder, type ApprovalRow, type ChangeOrderRow, type ChangeOrderStatus, type StoredRequest,
} from './change-order.repository.ts';
import { evaluateInput, evaluateStoredChange, stillCurrent, type EvaluationDeps, type PreviewResult } from './preview.service.ts';
import type { Transition, Transitions } from './transitions.ts';
import { disputeOf, inDispute, seenParts } from './dispute.ts';
import { beyondDecided, neededApprovals } from './decided-scope.ts';
import { checkOrderVersion } from './order-version.ts';

export const SCHEDULE_CHANGED_REASON = 'The schedule changed since evaluation; it needs these approvals now.';

/** What the change-order commands need: the evaluation's inputs and where transitions are recorded. */
export interface ChangeOrderDeps extends EvaluationDeps {
  /** The lifecycle's record and its subscribers (notifications, webhooks), assembled in services.ts. */
  transitions: Transitions;
}

/** The commands of the change-order lifecycle (docs/product.md §5). Each runs inside `withPlantWrite`. */
export class ChangeOrderCommands {
  readonly #deps: ChangeOrderDeps;
  constructor(deps: ChangeOrderDeps) {
    this.#deps = deps;
  }

  #now(): Date {
    return this.#deps.clock.now();
  }

  /**
   * Evaluates, records and routes a change; applies it at once when it needs no approval. `early`
   * is the evaluation made before the lock (`evaluateBeforeLock`): used when still current, else
   * the change is evaluated again here, under the lock.
   */
  async propose(w: PlantWrite, actor: Actor, input: ChangeOrderInput, comment: string | null, early: PreviewResult | null = null): Promise<string> {
    const now = this.#now();
    const { evaluation, parsed, today } =
      early && stillCurrent(early, w.seq, now) ? early : await evaluateInput(w.em, this.#deps, actor, input, w.seq);
    const orderVersion = await checkOrderVersion(w.em, w.plantId, parsed.change, input.expectedOrderVersion);
    const lanes = evaluation.laneRoles as Partial<Record<Lane, Role>>;
    const status = routeOf(evaluation);
    const request: StoredRequest = { change: parsed.change, input, customerId: parsed.customerId };
    const co = await insertChangeOrder(
      w.em,
      {
        plantId: w.plantId, status, proposerId: actor.userId!, orderId: evaluation.orderId, orderVersion, customerId: parsed.customerId,
        kinds: [...evaluation.kinds], request, evaluation, tier: evaluation.tier, policyVersion: evaluation.policyVersion,
        statusReason: status === 'INFEASIBLE' ? evaluation.infeasibleReason : null,
      },
      now,
    );
    const id = co.id;
    if (comment?.trim()) await insertComment(w.em, id, actor.userId!, checkComment(comment), now);
    this.#deps.transitions.record(w, { changeOrderId: id, orderId: evaluation.orderId, action: 'PROPOSED', from: null, to: status, version: 1, comment, policyVersion: evaluation.policyVersion, evaluation });
    if (status === 'PENDING') await resetApprovals(w.em, id, lanes, now);
    if (status === 'AUTO_APPROVED') await this.#apply(w, co, evaluation, today);
    return id;
  }

  /** Grants every pending lane the actor (or a delegation) covers; applies when all are granted. */
  async approve(w: PlantWrite, actor: Actor, id: string, expectedVersion: number, comment: string | null, seen: readonly DisputeFact[] = []): Promise<void> {
    const co = await this.#load(w, id, expectedVersion);
    requireStatus(co, ['PENDING'], 'approve');
    notOwn(co, actor, 'approve');
    const approvals = await approvalsOf(w.em, [co.id]);
    const decisions = await this.#decidable(w, actor, co, approvals);
    const now = this.#now();
    const disputeSeen = await this.#disputeSeen(w, co, approvals, seen, now);
    const allGranted = approvals.every((a) => a.status === 'GRANTED' || decisions.some((d) => d.approval.lane === a.lane));
    // A partial approval bumps the version (below), so its events carry the new one: a client
    // holding the event's version must be able to decide the remaining lanes without a CONFLICT.
    const version = allGranted ? co.version : co.version + 1;
    for (const { approval, authority } of decisions) {
      await decideApproval(w.em, co.id, approval.lane, { status: 'GRANTED', grantedRole: authority.role, decidedBy: authority.userId, delegateId: authority.delegateId, comment: comment?.trim() || null }, now);
      this.#deps.transitions.record(w, { changeOrderId: co.id, orderId: co.orderId, action: 'APPROVED', from: 'PENDING', to: 'PENDING', version, comment, policyVersion: co.policyVersion, lane: approval.lane, evaluation: co.evaluation, onBehalfOf: onBehalfOf(authority), disputeSeen });
    }
    if (!allGranted) {
      await updateChangeOrder(w.em, co.id, { status: 'PENDING' }, now);
      return;
    }
    await updateChangeOrder(w.em, co.id, { status: 'APPROVED', statusReason: null }, now);
    this.#deps.transitions.record(w, { changeOrderId: co.id, orderId: co.orderId, action: 'ALL_APPROVED', from: 'PENDING', to: 'APPROVED', version: co.version + 1, policyVersion: co.policyVersion });
    await this.#applyApproved(w, { ...co, version: co.version + 1, status: 'APPROVED' });
  }

  /** Rejects the lanes the actor covers, with a reason; any rejection rejects the change order. */
  async reject(w: PlantWrite, actor: Actor, id: string, expectedVersion: number, reason: string, seen: readonly DisputeFact[] = []): Promise<void> {
    const co = await this.#load(w, id, expectedVersion);
    requireStatus(co, ['PENDING'], 'reject');
    notOwn(co, actor, 'reject');
    const why = reason.trim();
    if (!why) throw badInput('Say why you reject it: the proposer and the audit trail need the reason.', 'reason');
    const approvals = await approvalsOf(w.em, [co.id]);
    const decisions = await this.#decidable(w, actor, co, approvals);
    const now = this.#now();
    const disputeSeen = await this.#disputeSeen(w, co, approvals, seen, now);
    for (const { approval, authority } of decisions) {
      await decideApproval(w.em, co.id, approval.lane, { status: 'REJECTED', grantedRole: authority.role, decidedBy: authority.userId, delegateId: authority.delegateId, comment: checkComment(why) }, now);
    }
    await updateChangeOrder(w.em, co.id, { status: 'REJECTED', statusReason: why }, now);
    this.#deps.transitions.record(w, { changeOrderId: co.id, orderId: co.orderId, action: 'REJECTED', from: 'PENDING', to: 'REJECTED', version: co.version + 1, comment: why, policyVersion: co.policyVersion, lane: decisions.map((d) => d.approval.lane).join(','), evaluation: co.evaluation, onBehalfOf: decisions.map((d) => onBehalfOf(d.authority)).find((o) => o !== null) ?? null, disputeSeen });
  }

  /**
   * The proposer (or a manager) sends a rejection up the chain, once per tier, with the data attached.
   * `by: 'SLA'`: pending lanes that waited too long go up one tier (only `lanes` when given).
   */
  async escalate(w: PlantWrite, actor: Actor, id: string, expectedVersion: number, comment: string, by: 'USER' | 'SLA' = 'USER', lanes?: readonly Lane[]): Promise<void> {
    const co = await this.#load(w, id, expectedVersion);
    const why = comment.trim();
    if (by === 'USER') {
      requireStatus(co, ['REJECTED'], 'escalate');
      if (actor.userId !== co.proposerId && actor.role !== 'OPS_MANAGER' && actor.role !== 'PLANT_MANAGER')
        throw new AppError('FORBIDDEN', `Only the proposer of ${co.number} or a manager may escalate it.`);
      if (!why) throw badInput('Say why it should be reconsidered: the comment goes up the chain with the data.', 'comment');
    }
    const approvals = await approvalsOf(w.em, [co.id]);
    const targets = approvals.filter((a) => (by === 'USER' ? a.status === 'REJECTED' : a.status === 'PENDING' && (!lanes || lanes.includes(a.lane))));
    const now = this.#now();
    let escalated = 0;
    for (const a of targets) {
      const decidedAs = a.grantedRole ?? a.requiredRole;
      const to = nextTier(by === 'USER' ? decidedAs : a.requiredRole);
      if (to === null) {
        if (by === 'USER') throw new AppError('FORBIDDEN', `The plant manager is the top of the chain: the ${laneWords(a.lane)} decision on ${co.number} is final.`);
        continue;
      }
      if (a.escalatedRoles.includes(a.requiredRole)) {
        if (by === 'USER') throw new AppError('CONFLICT', `${co.number} was already escalated past ${approverWords(a)} once.`, { currentVersion: co.version });
        continue;
      }
      await escalateApproval(w.em, co.id, a.lane, a.requiredRole, to, now);
      escalated++;
    }
    if (escalated === 0) return;
    await updateChangeOrder(w.em, co.id, { status: 'PENDING', statusReason: by === 'SLA' ? 'Waited longer than the approval SLA; escalated.' : `Escalated: ${why}` }, now);
    if (why) await insertComment(w.em, co.id, actor.userId ?? co.proposerId, checkComment(why), now);
    this.#deps.transitions.record(w, { changeOrderId: co.id, orderId: co.orderId, action: by === 'SLA' ? 'SLA_ESCALATED' : 'ESCALATED', from: co.status, to: 'PENDING', version: co.version + 1, comment: why || null, policyVersion: co.policyVersion, evaluation: co.evaluation });
  }

  /** An approver offers an alternative; it is evaluated now and waits for the proposer. */
  async counterPropose(w: PlantWrite, actor: Actor, id: string, expectedVersion: number, input: ChangeOrderInput, comment: string): Promise<void> {
    const co = await this.#load(w, id, expectedVersion);
    requireStatus(co, ['PENDING'], 'counter-propose');
    notOwn(co, actor, 'counter-propose');
    const why = comment.trim();
    if (!why) throw badInput('Say why you offer the alternative.', 'comment');
    const [decision] = await this.#decidable(w, actor, co, await approvalsOf(w.em, [co.id]));
    const { evaluation, parsed } = await evaluateInput(w.em, this.#deps, actor, input, w.seq);
    if (evaluation.orderId !== co.orderId) throw badInput(`An alternative must change the same order as ${co.number}.`, 'input');
    if (evaluation.tier === 'INFEASIBLE') throw badInput(`The alternative does not fit either: ${evaluation.infeasibleReason ?? ''}`.trim(), 'input');
    const now = this.#now();
    const counter = {
      byUserId: decision!.authority.userId, byRole: decision!.authority.role, delegateId: decision!.authority.delegateId,
      request: { change: parsed.change, input, customerId: co.customerId }, evaluation, comment: checkComment(why), createdAt: now.toISOString(),
    };
    await updateChangeOrder(w.em, co.id, { status: 'COUNTER_PROPOSED', statusReason: why, counter }, now);
    this.#deps.transitions.record(w, { changeOrderId: co.id, orderId: co.orderId, action: 'COUNTER_PROPOSED', from: 'PENDING', to: 'COUNTER_PROPOSED', version: co.version + 1, comment: why, policyVersion: evaluation.policyVersion, evaluation, onBehalfOf: onBehalfOf(decision!.authority) });
  }

  /**
   * The proposer answers a counter-proposal. Accepted: re-evaluated now, and applied when it needs
   * no more authority than the counter-proposer holds; otherwise routed again. Declined: CLOSED.
   */
  async respond(w: PlantWrite, actor: Actor, id: string, expectedVersion: number, accept: boolean, comment: string | null): Promise<void> {
    const co = await this.#load(w, id, expectedVersion);
    requireStatus(co, ['COUNTER_PROPOSED'], 'answer a counter-proposal on');
    if (actor.userId !== co.proposerId) throw new AppError('FORBIDDEN', `Only the proposer of ${co.number} answers its counter-proposal.`);
    const counter = co.counter!;
    const now = this.#now();
    if (!accept) {
      await updateChangeOrder(w.em, co.id, { status: 'CLOSED', statusReason: comment?.trim() || 'Counter-proposal declined.' }, now);
      this.#deps.transitions.record(w, { changeOrderId: co.id, orderId: co.orderId, action: 'COUNTER_DECLINED', from: 'COUNTER_PROPOSED', to: 'CLOSED', version: co.version + 1, comment, policyVersion: co.policyVersion });
      return;
    }
    const { evaluation, today } = await evaluateStoredChange(w.em, this.#deps, w.plantId, counter.request.change, w.seq);
    this.#deps.transitions.record(w, { changeOrderId: co.id, orderId: co.orderId, action: 'COUNTER_ACCEPTED', from: 'COUNTER_PROPOSED', to: 'COUNTER_PROPOSED', version: co.version, comment, policyVersion: evaluation.policyVersion, evaluation });
    const accepted: ChangeOrderRow = { ...co, request: counter.request, evaluation };
    if (evaluation.tier === 'INFEASIBLE') return this.#infeasible(w, accepted, evaluation, now);
    const lanes = evaluation.laneRoles as Partial<Record<Lane, Role>>;
    await resetApprovals(w.em, co.id, lanes, now);
    const beyond = beyondDecided(counter.evaluation, evaluation);
    const withinAuthority = beyond.lanes.length === 0 && Object.entries(lanes).every(([lane, role]) => satisfies(counter.byRole, lane as Lane, role));
    if (!withinAuthority) {
      const since = beyond.differences.length ? ` Since it was offered: ${beyond.differences.join('; ')}.` : '';
      await updateChangeOrder(w.em, co.id, { status: 'PENDING', statusReason: `The accepted alternative needs more authority than its proposer holds.${since}`, evaluation, request: counter.request }, now);
      this.#deps.transitions.record(w, { changeOrderId: co.id, orderId: co.orderId, action: 'REEVALUATED', from: 'COUNTER_PROPOSED', to: 'PENDING', version: co.version + 1, policyVersion: evaluation.policyVersion, evaluation });
      return;
    }
    for (const lane of Object.keys(lanes) as Lane[]) {
      await decideApproval(w.em, co.id, lane, { status: 'GRANTED', grantedRole: counter.byRole, decidedBy: counter.byUserId, delegateId: counter.delegateId, comment: counter.comment }, now);
    }
    await updateChangeOrder(w.em, co.id, { status: 'APPROVED', statusReason: null, evaluation, request: counter.request }, now);
    await this.#apply(w, { ...accepted, version: co.version + 1, status: 'APPROVED' }, evaluation, today);
  }

  /**
   * The proposer confirms a change order that came back to them when its order changed
   * (docs/change-orders.md, "Lost updates"): made from the order version they name now,
   * re-evaluated under the lock and routed like a new proposal, with fresh approvals.
   */
  async confirm(w: PlantWrite, actor: Actor, id: string, expectedVersion: number, expectedOrderVersion: number, comment: string | null): Promise<void> {
    const co = await this.#load(w, id, expectedVersion);
    requireStatus(co, ['RETURNED'], 'confirm');
    if (actor.userId !== co.proposerId) throw new AppError('FORBIDDEN', `Only the proposer of ${co.number} confirms it on its order's new terms.`);
    const orderVersion = await checkOrderVersion(w.em, w.plantId, co.request.change, expectedOrderVersion);
    const { evaluation, today } = await evaluateStoredChange(w.em, this.#deps, w.plantId, co.request.change, w.seq);
    const now = this.#now();
    if (comment?.trim()) await insertComment(w.em, co.id, actor.userId!, checkComment(comment), now);
    const lanes = evaluation.laneRoles as Partial<Record<Lane, Role>>;
    const status = routeOf(evaluation);
    await updateChangeOrder(w.em, co.id, { status, statusReason: status === 'INFEASIBLE' ? evaluation.infeasibleReason : null, evaluation, orderVersion }, now);
    this.#deps.transitions.record(w, { changeOrderId: co.id, orderId: co.orderId, action: 'CONFIRMED', from: 'RETURNED', to: status, version: co.version + 1, comment, policyVersion: evaluation.policyVersion, evaluation });
    if (status === 'PENDING') await resetApprovals(w.em, co.id, lanes, now);
    if (status === 'AUTO_APPROVED') await this.#apply(w, { ...co, version: co.version + 1, status }, evaluation, today);
  }

  /** The proposer withdraws a change order that is still open. */
  async withdraw(w: PlantWrite, actor: Actor, id: string, expectedVersion: number, comment: string | null): Promise<void> {
    const co = await this.#load(w, id, expectedVersion);
    requireStatus(co, ['PENDING', 'REJECTED', 'COUNTER_PROPOSED', 'RETURNED'], 'withdraw');
    if (actor.userId !== co.proposerId) throw new AppError('FORBIDDEN', `Only the proposer may withdraw ${co.number}.`);
    await updateChangeOrder(w.em, co.id, { status: 'WITHDRAWN', statusReason: comment?.trim() || 'Withdrawn by the proposer.' }, this.#now());
    this.#deps.transitions.record(w, { changeOrderId: co.id, orderId: co.orderId, action: 'WITHDRAWN', from: co.status, to: 'WITHDRAWN', version: co.version + 1, comment, policyVersion: co.policyVersion });
  }

  /** Adds a comment; comments do not change the status or the version. */
  async comment(w: PlantWrite, actor: Actor, id: string, body: string): Promise<void> {
    const [co] = await changeOrdersByIds(w.em, w.plantId, isUuid(id) ? [id] : []);
    if (!co) throw notFound('Change order', id);
    await insertComment(w.em, co.id, actor.userId!, checkComment(body), this.#now());
    this.#deps.transitions.record(w, { changeOrderId: co.id, orderId: co.orderId, action: 'COMMENTED', from: co.status, to: co.status, version: co.version, comment: body.trim(), policyVersion: co.policyVersion });
  }

  async #load(w: PlantWrite, id: string, expectedVersion: number): Promise<ChangeOrderRow> {
    const [co] = await changeOrdersByIds(w.em, w.plantId, isUuid(id) ? [id] : [], true);
    if (!co) throw notFound('Change order', id);
    if (co.version !== expectedVersion) throw conflict(`Change order ${co.number}`, co.version);
    return co;
  }

  async #today(w: PlantWrite): Promise<string> {
    const [plant] = await w.em.execute<{ tz: string }[]>('select time_zone as tz from plant where id = ?', [w.plantId]);
    return todayIn(plant!.tz, this.#now());
  }

  /** The pending lanes this actor may decide, each with the authority used. FORBIDDEN when none. */
  async #decidable(w: PlantWrite, actor: Actor, co: ChangeOrderRow, approvals: ApprovalRow[]): Promise<{ approval: ApprovalRow; authority: Authority }[]> {
    const authorities = (await authoritiesOf(w.em, actor, await this.#today(w))).filter((a) => a.userId !== co.proposerId);
    const pending = approvals.filter((a) => a.status === 'PENDING');
    const decisions = pending.flatMap((approval) => {
      const authority = authorityFor(authorities, approval.lane, approval.requiredRole);
      return authority ? [{ approval, authority }] : [];
    });
    if (decisions.length === 0) {
      const waiting = listOf(pending.map(approverWords)) || 'nobody';
      const who = actor.role ? `you (${ROLE_WORDS[actor.role]})` : `a ${actor.kind === 'api' ? 'API' : actor.kind} token`;
      throw new AppError('FORBIDDEN', `${co.number} waits for ${waiting}; ${who} cannot decide it.`);
    }
    return decisions;
  }

  /**
   * Apply after the last approval: re-evaluate under the lock, apply only if still covered — by
   * the granting roles, and by what the approvers saw: a plan with a higher tier, more cost or
   * another lane than the stored evaluation (the one they decided on) goes back to them.
   */
  async #applyApproved(w: PlantWrite, co: ChangeOrderRow): Promise<void> {
    const now = this.#now();
    const { evaluation, today } = await evaluateStoredChange(w.em, this.#deps, w.plantId, co.request.change, w.seq);
    if (evaluation.tier === 'INFEASIBLE') return this.#infeasible(w, co, evaluation, now);
    const approvals = await approvalsOf(w.em, [co.id]);
    const granted = approvals.filter((a) => a.status === 'GRANTED');
    const lanes = Object.entries(evaluation.laneRoles) as [Lane, Role][];
    const beyond = beyondDecided(co.evaluation, evaluation);
    const uncovered = lanes.filter(([lane, role]) => !covers(granted, lane, role as never) || beyond.lanes.includes(lane));
    if (uncovered.length === 0) return this.#apply(w, co, evaluation, today);
    // The schedule moved under it: ask again for exactly what is no longer covered, with the numbers.
    await w.em.execute('delete from change_order_approval where change_order_id = ? and lane = any(?::text[])', [co.id, pgArray(uncovered.map(([l]) => l))]);
    for (const [lane, role] of uncovered) {
      await w.em.execute('insert into change_order_approval (change_order_id, lane, required_role, status, pending_since) values (?, ?, ?, ?, ?)', [co.id, lane, role, 'PENDING', now]);
    }
    const since = beyond.differences.length ? ` Since the approval: ${beyond.differences.join('; ')}.` : '';
    const reason = `${SCHEDULE_CHANGED_REASON}${since} Needed now: ${neededApprovals(evaluation, uncovered.map(([lane]) => lane))}.`;
    await updateChangeOrder(w.em, co.id, { status: 'PENDING', statusReason: reason, evaluation }, now);
    this.#deps.transitions.record(w, { changeOrderId: co.id, orderId: co.orderId, action: 'REEVALUATED', from: co.status, to: 'PENDING', version: co.version + 1, comment: reason, policyVersion: evaluation.policyVersion, evaluation });
  }

  async #apply(w: PlantWrite, co: ChangeOrderRow, evaluation: Evaluation, today: string): Promise<void> {
    await applyEvaluation(w, co, evaluation, today);
    const now = this.#now();
    await updateChangeOrder(w.em, co.id, { status: 'APPLIED', evaluation, applied: true }, now);
    this.#deps.transitions.record(w, { changeOrderId: co.id, orderId: co.orderId, action: 'APPLIED', from: co.status, to: 'APPLIED', version: co.version + 1, policyVersion: evaluation.policyVersion, evaluation });
    await this.#returnOutdated(w, co.orderId, now);
  }

  /**
   * The order's terms just changed: every open change order made from an older version of them
   * goes back to its proposer (docs/change-orders.md, "Lost updates"). Applying it would overwrite
   * the newer terms with ones decided on the old, so it is RETURNED, nothing of it applied, with
   * its evaluation redone against the new terms: the proposer reads what it would mean now, and
   * confirms it on those terms (approvals start afresh) or withdraws it.
   */
  async #returnOutdated(w: PlantWrite, orderId: string, now: Date): Promise<void> {
    const outdated = await w.em.execute<{ id: string }[]>(
      `select co.id from change_order co join sales_order o on o.id = co.order_id
        where co.plant_id = ? and co.order_id = ? and co.status in ('PENDING', 'REJECTED', 'COUNTER_PROPOSED', 'RETURNED') and co.order_version < o.version
        order by co.created_at`,
      [w.plantId, orderId],
    );
    if (outdated.length === 0) return;
    // The cached schedule is the one before this write; the new terms are only in this transaction.
    const schedule = buildSchedule(await loadScheduleInput(w.em, w.plantId));
    const [order] = await w.em.execute<{ number: string; version: number }[]>('select number, version from sales_order where id = ?', [orderId]);
    for (const co of await changeOrdersByIds(w.em, w.plantId, outdated.map((o) => o.id), true)) {
      const { evaluation, meaning } = await this.#againstNewTerms(w, co, schedule);
      const reason = `${order!.number} changed before this was applied (it was made from version ${co.orderVersion}, the order is now at version ${order!.version}); ${meaning}. Nothing was applied: confirm it on the new terms or withdraw it.`;
      await updateChangeOrder(w.em, co.id, { status: 'RETURNED', statusReason: reason, evaluation }, now);
      this.#deps.transitions.record(w, { changeOrderId: co.id, orderId: co.orderId, action: 'ORDER_CHANGED', from: co.status, to: 'RETURNED', version: co.version + 1, comment: reason, policyVersion: evaluation.policyVersion, evaluation });
    }
  }

  /** A stored change re-evaluated on the order's new terms, and what it would mean now in words. */
  async #againstNewTerms(w: PlantWrite, co: ChangeOrderRow, schedule: Schedule): Promise<{ evaluation: Evaluation; meaning: string }> {
    try {
      const { evaluation } = await evaluateStoredChange(w.em, this.#deps, w.plantId, co.request.change, w.seq, schedule);
      const money = evaluation.impact ? `, price ${formatMoneyDelta(evaluation.impact.priceDeltaCents)}, cost ${formatMoneyDelta(evaluation.impact.costDelta.totalCents)}` : '';
      const need = evaluation.tier === 'INFEASIBLE' ? 'no longer fit the schedule' : `need ${TIER_WORDS[evaluation.tier]}`;
      return { evaluation, meaning: `re-evaluated against the new terms, it would now ${need}${money}` };
    } catch (err) {
      // The order can no longer change at all (cancelled): the evaluation it was decided on stays.
      if (!(err instanceof EngineError)) throw err;
      return { evaluation: co.evaluation, meaning: `it no longer applies: ${err.message}` };
    }
  }

  /**
   * The parts of the dispute the approver had on screen, with their numbers computed here, under
   * the plant lock, as they stand when the decision takes effect (docs/product.md §5.5).
   */
  async #disputeSeen(w: PlantWrite, co: ChangeOrderRow, approvals: readonly ApprovalRow[], seen: readonly DisputeFact[], now: Date): Promise<Transition['disputeSeen']> {
    if (seen.length === 0) return null;
    if (!inDispute(approvals)) throw badInput(`${co.number} is not in dispute: there was no dispute to see.`, 'seen');
    return seenParts(await disputeOf(w.em, co, now), seen);
  }

  async #infeasible(w: PlantWrite, co: ChangeOrderRow, evaluation: Evaluation, now: Date): Promise<void> {
    const reason = `The schedule changed since evaluation and it no longer fits by its date: ${evaluation.infeasibleReason ?? ''}`.trim();
    await updateChangeOrder(w.em, co.id, { status: 'INFEASIBLE', statusReason: reason, evaluation }, now);
    this.#deps.transitions.record(w, { changeOrderId: co.id, orderId: co.orderId, action: 'REEVALUATED', from: co.status, to: 'INFEASIBLE', version: co.version + 1, comment: reason, policyVersion: evaluation.policyVersion, evaluation });
  }
}

/** Where a freshly evaluated change goes: applied at once, waiting for approvals, or INFEASIBLE. */
function routeOf(evaluation: Evaluation): ChangeOrderStatus {
  if (evaluation.tier === 'INFEASIBLE') return 'INFEASIBLE';
  return Object.keys(evaluation.laneRoles).length === 0 ? 'AUTO_APPROVED' : 'PENDING';
}

function requireStatus(co: ChangeOrderRow, allowed: ChangeOrderStatus[], verb: string): void {
  if (!allowed.includes(co.status)) {
    throw new AppError('CONFLICT', `${co.number} is ${co.status.toLowerCase().replace('_', ' ')}; you can no longer ${verb} it.`, { currentVersion: co.version, status: co.status });
  }
}

function notOwn(co: ChangeOrderRow, actor: Actor, verb: string): void {
  if (actor.userId === co.proposerId || actor.onBehalfOf === co.proposerId) {
    throw new AppError('FORBIDDEN', `You proposed ${co.number}; someone else must ${verb} it.`);
  }
}

/** The audit's "delegate on behalf of user" when a decision used someone else's authority. */
function onBehalfOf(authority: Authority): { userId: string; delegateId: string } | null {
  return authority.delegateId ? { userId: authority.userId, delegateId: authority.delegateId } : null;
}

function checkComment(text: string): string {
  const body = text.trim();
  if (!body) throw badInput('A comment cannot be empty.', 'body');
  if (body.length > 4000) throw badInput('A comment can have at most 4,000 characters.', 'body');
  return body;
}
