import type { EntityManager } from '@mikro-orm/postgresql';
import type { ProductRecord } from './records.ts';

/** Open (confirmed or in production) orders per SKU: products whose routing shape is pinned by work in progress. */
export async function openOrdersByProduct(em: EntityManager, plantId: string): Promise<Map<string, number>> {
  const rows = await em.execute<{ sku: string; n: number }[]>(
    `select p.sku, count(*)::int as n from sales_order o join product p on p.id = o.product_id
      where o.plant_id = ? and o.status in ('CONFIRMED', 'IN_PRODUCTION') group by p.sku`, [plantId]);
  return new Map(rows.map((r) => [r.sku, r.n]));
}

/**
 * True when the routing's steps or their work centers differ: open orders' jobs are planned per
 * step on a work center, so only times may change under them.
 */
export function routingShapeChanged(before: ProductRecord, after: ProductRecord): boolean {
  const shape = (p: ProductRecord) => [...p.routing].sort((a, b) => a.seq - b.seq).map((s) => `${s.seq}:${s.workCenterCode}`).join(',');
  return shape(before) !== shape(after);
}
