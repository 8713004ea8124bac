import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { allocationsOfJobs, jobsOfOrders } from '../modules/order/order.service.ts';
import type { AllocationDto, JobDto } from '../modules/order/order.dto.ts';
import { approvalsOf, type ApprovalRow } from '../modules/change-order/change-order.repository.ts';
import { pgArray } from '../db/sql.ts';
import type { UserRow } from '../modules/auth/auth.service.ts';

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
    userById: new DataLoader<string, UserRow | null>(async (ids) => {
      const rows = await em.execute<UserRow[]>(
        `select id, email, name, role, plant_id as "plantId" from app_user where id = any(?::uuid[])`,
        [pgArray(ids)],
      );
      const byId = new Map(rows.map((u) => [u.id, u]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
