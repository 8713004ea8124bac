import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { allocationsOfJobs, jobsOfOrders } from '../modules/order/order.service.ts';
import type { AllocationDto, JobDto } from '../modules/order/order.dto.ts';
import { approvalsOf, type ApprovalRow } from '../modules/change-order/change-order.repository.ts';
import { pgArray } from '../db/sql.ts';
import type { Evaluation } from '../engine/index.ts';
import type { UserRow } from '../modules/auth/auth.service.ts';
import { ordersByIds } from '../modules/order/order.service.ts';
import type { OrderDto } from '../modules/order/order.dto.ts';
import { AUDIT_COLUMNS, AUDIT_FROM, type AuditEventRow } from '../modules/audit/audit.queries.ts';
import type { CommentRow } from '../modules/change-order/change-order.repository.ts';

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

/** Per-request batch loaders: nested fields cost one query per level, not one per row. */
export function createLoaders(em: EntityManager) {
  return {
    jobsByOrder: new DataLoader<string, JobDto[]>(async (orderIds) => {
      const byOrder = groupBy(await jobsOfOrders(em, orderIds), (j) => j.orderId);
      return orderIds.map((id) => byOrder.get(id) ?? []);
    }),
    allocationsByJob: new DataLoader<string, AllocationDto[]>(async (jobIds) => {
      const byJob = groupBy(await allocationsOfJobs(em, jobIds), (a) => a.jobId);
      return jobIds.map((id) => byJob.get(id) ?? []);
    }),
    approvalsByChangeOrder: new DataLoader<string, ApprovalRow[]>(async (ids) => {
      const byCo = groupBy(await approvalsOf(em, ids), (a) => a.changeOrderId);
      return ids.map((id) => byCo.get(id) ?? []);
    }),
    /** Orders of the caller's plant by id (null for ids that are not orders, e.g. a new order not yet applied). */
    orderById: new DataLoader<string, OrderDto | null, string>(async (keys) => {
      const byPlant = groupBy([...keys], (k) => k.split('|')[0]!);
      const found = new Map<string, OrderDto>();
      for (const [plantId, ks] of byPlant) {
        for (const o of await ordersByIds(em, plantId, ks.map((k) => k.split('|')[1]!))) found.set(`${plantId}|${o.id}`, o);
      }
      return keys.map((k) => found.get(k) ?? null);
    }),
    /** Work-center codes by id, for the scopes of policy rules (null for an id that names none). */
    workCenterCodeById: new DataLoader<string, string | null>(async (ids) => {
      const rows = await em.execute<{ id: string; code: string }[]>('select id, code from work_center where id = any(?::uuid[])', [pgArray(ids)]);
      const byId = new Map(rows.map((r) => [r.id, r.code]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    commentsByChangeOrder: new DataLoader<string, CommentRow[]>(async (ids) => {
      const rows = await em.execute<(CommentRow & { changeOrderId: string })[]>(
        `select id, change_order_id as "changeOrderId", author_id as "authorId", body, created_at as "createdAt"
           from change_order_comment where change_order_id = any(?::uuid[]) order by created_at, id`,
        [pgArray(ids)],
      );
      const byCo = groupBy(rows, (r) => r.changeOrderId);
      return ids.map((id) => byCo.get(id) ?? []);
    }),
    historyByChangeOrder: new DataLoader<string, AuditEventRow[]>(async (ids) => {
      const rows = await em.execute<AuditEventRow[]>(
        `select ${AUDIT_COLUMNS} from ${AUDIT_FROM} where audit_event.entity_type = 'ChangeOrder' and audit_event.entity_id = any(?::text[]) order by audit_event.id`,
        [pgArray(ids)],
      );
      const byCo = groupBy(rows, (r) => r.entityId);
      return ids.map((id) => byCo.get(id) ?? []);
    }),
    userById: new DataLoader<string, UserRow | null>(async (ids) => {
      const rows = await em.execute<UserRow[]>(
        `select id, email, name, role, plant_id as "plantId", active, version from app_user where id = any(?::uuid[])`,
        [pgArray(ids)],
      );
      const byId = new Map(rows.map((u) => [u.id, u]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    /** An audit entry's evaluation snapshot, read only when asked for (it is the row's bulk). */
    evaluationByAuditEvent: new DataLoader<string, Evaluation | null>(async (ids) => {
      const rows = await em.execute<{ id: string; evaluation: Evaluation | null }[]>(
        `select id::text as id, data->'evaluation' as evaluation from audit_event where id = any(?::bigint[])`,
        [pgArray(ids)],
      );
      const byId = new Map(rows.map((r) => [r.id, r.evaluation]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
