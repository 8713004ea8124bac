import type { EntityManager } from '@mikro-orm/postgresql';
import type { BucketImpact, Impact } from '../../engine/index.ts';
import { fromDay } from '../../engine/index.ts';
import type { ChangeKind, ChangeOrderStatus, CustomerTier, DisputeFact, Tier } from '../../../../schema/generated/server.ts';
import { pgArray } from '../../db/sql.ts';
import { apiHours } from '../../shared/units.ts';
import type { ApprovalRow, ChangeOrderRow } from './change-order.repository.ts';

/**
 * Disputes with the data attached (docs/product.md §5.5): what an escalated change order is about
 * in numbers, for the plant manager who settles it. Read when asked, from the live schedule and
 * the plant's last 90 days; the parts the approver had on screen are kept with the decision.
 */

/** How far back the customer's history and similar decisions look. */
export const DISPUTE_DAYS = 90;

export interface CompetingOrderDto {
  orderId: string;
  orderNumber: string;
  customerName: string;
  customerTier: CustomerTier;
  dueDate: string;
  projectedFinish: string | null;
  atRisk: boolean;
  hours: number;
  workCenterCodes: string[];
}

export interface DisputeCustomerDto {
  customerId: string;
  name: string;
  tier: CustomerTier;
  orders: number;
  ordersAtRisk: number;
  changeOrdersProposed: number;
  changeOrdersApplied: number;
  changeOrdersRejected: number;
}

export interface SimilarDecisionDto {
  changeOrderId: string;
  number: string;
  status: ChangeOrderStatus;
  tier: Tier;
  kinds: ChangeKind[];
  orderNumber: string | null;
  customerName: string | null;
  sameCustomer: boolean;
  sharedWorkCenterCodes: string[];
  atRisk: boolean;
  late: boolean;
  proposedAt: Date;
}

export interface DisputeDto {
  buckets: BucketImpact[];
  competingOrders: CompetingOrderDto[];
  customer: DisputeCustomerDto | null;
  margin: Impact | null;
  similarDecisions: SimilarDecisionDto[];
}

/** A change order is in dispute once a lane was escalated (by a person or the SLA) or waits for the plant manager. */
export const inDispute = (approvals: readonly ApprovalRow[]): boolean =>
  approvals.some((a) => a.escalations > 0 || (a.status === 'PENDING' && a.requiredRole === 'PLANT_MANAGER'));

/** The buckets a change raises: only those count for its tier (docs/product.md §3.6), so only those are contested. */
const raisedBuckets = (co: ChangeOrderRow): BucketImpact[] => (co.evaluation.impact?.buckets ?? []).filter((b) => b.loadAfterMinutes > b.loadBeforeMinutes);

/** The dispute of a change order as of `now` (the plant's clock). */
export async function disputeOf(em: EntityManager, co: ChangeOrderRow, now: Date): Promise<DisputeDto> {
  const buckets = raisedBuckets(co);
  const since = new Date(now.getTime() - DISPUTE_DAYS * 86_400_000);
  const [competingOrders, customer, similarDecisions] = await Promise.all([
    competing(em, co, buckets),
    customerHistory(em, co, since),
    similar(em, co, buckets, since),
  ]);
  return { buckets, competingOrders, customer, margin: co.evaluation.impact, similarDecisions };
}

/** Other orders holding load in the raised buckets now, most minutes first. */
async function competing(em: EntityManager, co: ChangeOrderRow, buckets: readonly BucketImpact[]): Promise<CompetingOrderDto[]> {
  if (buckets.length === 0) return [];
  const rows = await em.execute<(Omit<CompetingOrderDto, 'hours'> & { minutes: string })[]>(
    `select o.id as "orderId", o.number as "orderNumber", cu.name as "customerName", cu.tier as "customerTier", o.due_date::text as "dueDate",
            (select max(j2.end_date) from job j2 where j2.order_id = o.id)::text as "projectedFinish", o.at_risk as "atRisk",
            sum(a.minutes) as minutes, array_agg(distinct wc.code order by wc.code) as "workCenterCodes"
       from unnest(?::uuid[], ?::date[]) as c(work_center_id, date)
       join allocation a on a.plant_id = ? and a.work_center_id = c.work_center_id and a.date = c.date
       join job j on j.id = a.job_id
       join sales_order o on o.id = j.order_id
       join customer cu on cu.id = o.customer_id
       join work_center wc on wc.id = a.work_center_id
      where o.id <> ?::uuid
      group by o.id, cu.name, cu.tier
      order by minutes desc, o.number limit 50`,
    [pgArray(buckets.map((b) => b.workCenterId)), pgArray(buckets.map((b) => fromDay(b.day))), co.plantId, co.orderId],
  );
  return rows.map(({ minutes, ...r }) => ({ ...r, hours: apiHours(Number(minutes)) }));
}

/** The customer's tier, orders and other change orders since `since`. */
async function customerHistory(em: EntityManager, co: ChangeOrderRow, since: Date): Promise<DisputeCustomerDto | null> {
  if (!co.customerId) return null;
  const [row] = await em.execute<Record<keyof DisputeCustomerDto, string>[]>(
    `select cu.id as "customerId", cu.name, cu.tier,
            (select count(*) from sales_order o where o.customer_id = cu.id) as orders,
            (select count(*) from sales_order o where o.customer_id = cu.id and o.at_risk) as "ordersAtRisk",
            count(co.id) as "changeOrdersProposed",
            count(co.id) filter (where co.status = 'APPLIED') as "changeOrdersApplied",
            count(co.id) filter (where co.status = 'REJECTED') as "changeOrdersRejected"
       from customer cu
       left join change_order co on co.customer_id = cu.id and co.id <> ?::uuid and co.created_at >= ?
      where cu.id = ? and cu.plant_id = ?
      group by cu.id`,
    [co.id, since, co.customerId, co.plantId],
  );
  if (!row) return null;
  const count = (v: string) => Number(v);
  return {
    customerId: row.customerId, name: row.name, tier: row.tier as CustomerTier,
    orders: count(row.orders), ordersAtRisk: count(row.ordersAtRisk), changeOrdersProposed: count(row.changeOrdersProposed),
    changeOrdersApplied: count(row.changeOrdersApplied), changeOrdersRejected: count(row.changeOrdersRejected),
  };
}

/**
 * Decided change orders since `since` of the same tier sharing a kind, for the same customer or
 * raising a bucket on one of the same work centers, with what became of their orders.
 */
async function similar(em: EntityManager, co: ChangeOrderRow, buckets: readonly BucketImpact[], since: Date): Promise<SimilarDecisionDto[]> {
  const workCenters = [...new Set(buckets.map((b) => b.workCenterId))];
  const rows = await em.execute<SimilarDecisionDto[]>(
    `select s.id as "changeOrderId", s.number, s.status, s.tier, s.kinds, o.number as "orderNumber", cu.name as "customerName",
            coalesce(s.customer_id = ?::uuid, false) as "sameCustomer", s.shared as "sharedWorkCenterCodes",
            coalesce(o.at_risk, false) as "atRisk",
            coalesce((select max(j.end_date) from job j where j.order_id = o.id) > o.due_date, false) as late,
            s.created_at as "proposedAt"
       from (select co.*, coalesce((select array_agg(distinct wc.code order by wc.code)
                                      from jsonb_array_elements(coalesce(co.evaluation->'impact'->'buckets', '[]')) b
                                      join work_center wc on wc.id = (b->>'workCenterId')::uuid
                                     where (b->>'loadAfterMinutes')::int > (b->>'loadBeforeMinutes')::int
                                       and wc.id = any(?::uuid[])), '{}') as shared
               from change_order co
              where co.plant_id = ? and co.id <> ?::uuid and co.created_at >= ? and co.tier = ? and co.kinds && ?::text[]
                and co.status in ('APPLIED', 'REJECTED', 'CLOSED', 'WITHDRAWN')) s
       left join sales_order o on o.id = s.order_id
       left join customer cu on cu.id = s.customer_id
      where s.customer_id = ?::uuid or cardinality(s.shared) > 0
      order by s.created_at desc, s.id desc limit 20`,
    [co.customerId, pgArray(workCenters), co.plantId, co.id, since, co.tier, pgArray(co.kinds), co.customerId],
  );
  return rows;
}

/** The parts of a dispute an approver saw, with their numbers, as the audit entry keeps them. */
export function seenParts(dispute: DisputeDto, facts: readonly DisputeFact[]): { facts: DisputeFact[]; data: Partial<DisputeDto> } {
  const unique = [...new Set(facts)];
  const key: Record<DisputeFact, keyof DisputeDto> = {
    BUCKETS: 'buckets', COMPETING_ORDERS: 'competingOrders', CUSTOMER_HISTORY: 'customer', MARGIN: 'margin', SIMILAR_DECISIONS: 'similarDecisions',
  };
  return { facts: unique, data: Object.fromEntries(unique.map((f) => [key[f], dispute[key[f]]])) };
}
