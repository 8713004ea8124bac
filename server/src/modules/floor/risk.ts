import type { EntityManager } from '@mikro-orm/postgresql';
import {
  fromDay, isAtRisk, projectedFinish, riskCause, toDay, type CapacityTier, type Day, type Order, type Schedule,
} from '../../engine/index.ts';
import { pgArray } from '../../db/sql.ts';
import type { PlantWrite } from '../events/write-path.ts';
import { evaluateStoredChange, type EvaluationDeps } from '../change-order/preview.service.ts';
import { plantById } from '../plant/plant.service.ts';
import { enqueueDeliveries, ORDER_AT_RISK, type Webhook } from '../webhook/webhook.outbox.ts';
import { TIER_WORDS } from '../../shared/tiers.ts';

/** An at-risk order's promise dates, by tier (a null date: the tier cannot promise one). */
type PromiseDates = { tier: CapacityTier; dueDate: string | null }[];

/** What a write that moved orders' work must store and tell about their risk (see {@link assessRisk}). */
export interface RiskAssessment {
  /** Each order's at-risk flag and cause in words. */
  readonly rows: readonly { id: string; atRisk: boolean; cause: string | null }[];
  /** The orders that become at risk with it, and what their reps and webhooks are told. */
  readonly fresh: readonly { order: Order; number: string; cause: string; message: string; promise: PromiseDates }[];
}

/**
 * Late and at risk (docs/product.md §12): after a write that moved orders' work, each order's
 * at-risk flag and cause are stored; an order that has just become at risk is told at once to its
 * rep (a notification) and to the plant's webhooks (`order.at_risk`), with the cause and the dates
 * the plant can promise instead. Runs inside the write, so the flag, the message and the board
 * event commit together — and a write that changes nothing tells nobody twice.
 */
export async function refreshRisk(w: PlantWrite, deps: EvaluationDeps, schedule: Schedule, orders: readonly Order[], today: string): Promise<string[]> {
  return writeRisk(w, await assessRisk(w.em, deps, w.plantId, schedule, orders, today, w.seq));
}

/**
 * The reading half of {@link refreshRisk}: causes in words and, for orders not flagged yet, the
 * capable-to-promise dates (an evaluation each: the costly part). Reads only, so the day turn
 * runs it before it takes the plant lock; `lockedSeq` as in `evaluateStoredChange`.
 */
export async function assessRisk(
  em: EntityManager, deps: EvaluationDeps, plantId: string, schedule: Schedule, orders: readonly Order[], today: string, lockedSeq: number | null,
): Promise<RiskAssessment> {
  if (orders.length === 0) return { rows: [], fresh: [] };
  const ids = orders.map((o) => o.id);
  const names = await em.execute<{ id: string; number: string; atRisk: boolean }[]>(
    'select id, number, at_risk as "atRisk" from sales_order where id = any(?::uuid[])', [pgArray(ids)]);
  const codes = await em.execute<{ id: string; code: string }[]>('select id, code from work_center where plant_id = ?', [plantId]);
  const wcCode = new Map(codes.map((c) => [c.id, c.code]));
  const byId = new Map(names.map((n) => [n.id, n]));
  const numberOf = async (id: string) => byId.get(id)?.number
    ?? (await em.execute<{ number: string }[]>('select number from sales_order where id = ?', [id]))[0]?.number ?? id;

  const rows: { id: string; atRisk: boolean; cause: string | null }[] = [];
  const fresh: RiskAssessment['fresh'][number][] = [];
  for (const order of orders) {
    const cause = riskCause(schedule, order, toDay(today));
    const words = cause && `${cause.behindOrderId ? `queued behind ${await numberOf(cause.behindOrderId)} on ` : 'no room on '}${wcCode.get(cause.workCenterId) ?? cause.workCenterId}, `
      + `${Math.round(cause.lateMinutes / 6) / 10} h short on ${fromDay(order.dueDate)}; projected to finish ${fromDay(cause.projectedFinish)}`;
    rows.push({ id: order.id, atRisk: isAtRisk(order), cause: words });
    if (!isAtRisk(order) || byId.get(order.id)?.atRisk) continue;
    const number = byId.get(order.id)?.number ?? order.id;
    const promise = await promiseDates(em, deps, plantId, order, toDay(today), lockedSeq, schedule);
    const dates = promise.filter((p) => p.dueDate !== null).map((p) => `${p.dueDate} (${TIER_WORDS[p.tier].toLowerCase()})`).join(', ');
    const message = `${number} is at risk: ${words ?? ''}. Due ${fromDay(order.dueDate)}; the plant can promise ${dates || 'no date within two years'}.`;
    fresh.push({ order, number, cause: words ?? '', message, promise });
  }
  return { rows, fresh };
}

/**
 * The writing half of {@link refreshRisk}, under the plant lock: stores the flags and tells the
 * reps and webhooks of the orders that just became at risk. Returns those orders' ids.
 */
export async function writeRisk(w: PlantWrite, assessment: RiskAssessment): Promise<string[]> {
  const { rows, fresh } = assessment;
  if (rows.length === 0) return [];
  // the flags as they were before this update (one snapshot): an order is told only when its flag
  // rises here, even when the assessment was made before the lock by a write that lost a race
  const flaggedBefore = await w.em.execute<{ id: string }[]>(
    `with prev as (select id, at_risk from sales_order where id = any(?::uuid[])),
          n as (select * from unnest(?::uuid[], ?::boolean[], ?::text[]) as n(id, at_risk, cause)),
          u as (update sales_order o set at_risk = n.at_risk, risk_cause = n.cause from n where o.id = n.id)
     select id from prev where at_risk`,
    [pgArray(rows.map((r) => r.id)), pgArray(rows.map((r) => r.id)), `{${rows.map((r) => r.atRisk).join(',')}}`, textArray(rows.map((r) => r.cause))],
  );
  const already = new Set(flaggedBefore.map((r) => r.id));
  const rising = fresh.filter((f) => !already.has(f.order.id));
  if (rising.length) await tellReps(w, rising);
  return rising.map((f) => f.order.id);
}

/** A text[] literal with NULLs (pgArray quotes every value). */
function textArray(values: readonly (string | null)[]): string {
  return `{${values.map((v) => (v === null ? 'NULL' : `"${v.replace(/["\\]/g, '\\$&')}"`)).join(',')}}`;
}

/**
 * The notification and the webhook event of orders that just became at risk. The rep of an order
 * is whoever proposed its latest change order; an order nobody proposed a change to (seeded or
 * imported) belongs to the plant's sales reps.
 */
async function tellReps(w: PlantWrite, fresh: RiskAssessment['fresh']): Promise<void> {
  const { em, plantId } = w;
  const [ctx] = await em.execute<{ reps: { orderId: string; userId: string }[]; salesReps: string[]; hooks: Webhook[]; now: string }[]>(
    `select coalesce((select json_agg(json_build_object('orderId', x.order_id, 'userId', x.proposer_id)) from (
              select distinct on (co.order_id) co.order_id, co.proposer_id from change_order co
               where co.order_id = any(?::uuid[]) order by co.order_id, co.created_at desc) x), '[]') as reps,
            coalesce((select json_agg(u.id) from app_user u where u.plant_id = ? and u.role = 'SALES_REP'), '[]') as "salesReps",
            coalesce((select json_agg(json_build_object('id', h.id, 'events', h.events)) from webhook h where h.plant_id = ? and h.deleted_at is null), '[]') as hooks,
            now() as now`,
    [pgArray(fresh.map((f) => f.order.id)), plantId, plantId],
  );
  const notifications: unknown[][] = [];
  const events = [];
  for (const { order, number, cause, message, promise } of fresh) {
    const promised = promise.filter((p) => p.dueDate !== null);
    const rep = ctx!.reps.find((r) => r.orderId === order.id)?.userId;
    for (const userId of rep ? [rep] : ctx!.salesReps) notifications.push([plantId, userId, 'ORDER_AT_RISK', order.id, message, JSON.stringify(promised)]);
    events.push({
      event: ORDER_AT_RISK,
      occurredAt: new Date(ctx!.now).toISOString(),
      order: { id: order.id, number, dueDate: fromDay(order.dueDate), projectedFinish: fromDay(projectedFinish(order)!), riskCause: cause, promiseDates: promise },
    });
  }
  if (notifications.length) {
    await em.execute(
      `insert into notification (plant_id, user_id, kind, order_id, message, promise_dates) values ${notifications.map(() => '(?, ?, ?, ?, ?, ?::jsonb)').join(', ')}`,
      notifications.flat(),
    );
  }
  await enqueueDeliveries(em, plantId, ctx!.hooks, events);
}

const PROMISE_ASK_DAYS = 60;

/** Capable-to-promise for an at-risk order on its current terms: the earliest due date per tier. */
async function promiseDates(
  em: EntityManager, deps: EvaluationDeps, plantId: string, order: Pick<Order, 'id' | 'dueDate'>, today: Day, lockedSeq: number | null, schedule?: Schedule,
): Promise<PromiseDates> {
  try {
    // The alternatives are forward plans, whatever date is asked; ask for a date still ahead (a due date
    // already past is no change the engine evaluates).
    const change = { orderId: order.id, dueDate: Math.max(order.dueDate, today + PROMISE_ASK_DAYS) };
    const { evaluation } = await evaluateStoredChange(em, deps, plantId, change, lockedSeq, schedule);
    return evaluation.alternatives.map((a) => ({ tier: a.tier, dueDate: a.dueDate === null ? null : fromDay(a.dueDate) }));
  } catch {
    // an order the engine cannot re-plan (a routing step gone): the rep hears of the risk without dates
    return [];
  }
}

/**
 * The dates the plant can promise an at-risk order now (`Order.promiseDates`), read outside any
 * write: the order panel offers each as a one-click proposal. None for an order on time.
 */
export async function promiseDatesNow(
  em: EntityManager, deps: EvaluationDeps, order: { id: string; plantId: string; dueDate: string; atRisk: boolean },
): Promise<{ tier: CapacityTier; dueDate: string }[]> {
  if (!order.atRisk) return [];
  const plant = await plantById(em, deps.clock, order.plantId);
  const dates = await promiseDates(em, deps, order.plantId, { id: order.id, dueDate: toDay(order.dueDate) }, toDay(plant.today), null);
  return dates.filter((p): p is { tier: CapacityTier; dueDate: string } => p.dueDate !== null);
}
