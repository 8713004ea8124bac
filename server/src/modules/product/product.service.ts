import type { EntityManager } from '@mikro-orm/postgresql';
import type { ProductDto, ProductOptionDto } from './product.dto.ts';

/** Loads a plant's whole catalogue (products, routings, options) in three queries. */
export async function loadCatalog(em: EntityManager, plantId: string): Promise<Map<string, ProductDto>> {
  const products = await em.execute<Omit<ProductDto, 'routing' | 'options'>[]>(
    `select id, sku, name, material_cost_cents as "materialCostCents", list_price_cents as "listPriceCents",
            min_lead_time_days as "minLeadTimeDays", active, version from product where plant_id = ? order by sku`,
    [plantId],
  );
  const steps = await em.execute<(ProductDto['routing'][number] & { productId: string })[]>(
    `select rs.product_id as "productId", rs.seq, rs.work_center_id as "workCenterId", rs.setup_minutes as "setupMinutes",
            rs.minutes_per_unit as "minutesPerUnit"
       from routing_step rs join product p on p.id = rs.product_id where p.plant_id = ? order by rs.product_id, rs.seq`,
    [plantId],
  );
  const options = await em.execute<(Omit<ProductOptionDto, 'stepWorkCenterId'> & { productId: string })[]>(
    `select o.id, o.product_id as "productId", o.attribute, o.value, o.add_cost_cents as "addCostCents",
            o.add_minutes_per_unit as "addMinutesPerUnit", o.step_seq as "stepSeq", o.review_required as "reviewRequired"
       from product_option o join product p on p.id = o.product_id where p.plant_id = ? order by o.attribute, o.value`,
    [plantId],
  );
  const catalog = new Map<string, ProductDto>();
  for (const p of products) {
    catalog.set(p.id, {
      ...p,
      materialCostCents: Number(p.materialCostCents),
      listPriceCents: Number(p.listPriceCents),
      routing: [],
      options: [],
    });
  }
  for (const { productId, ...s } of steps) catalog.get(productId)?.routing.push(s);
  for (const { productId, ...o } of options) {
    const product = catalog.get(productId);
    const step = product?.routing.find((s) => s.seq === o.stepSeq);
    product?.options.push({ ...o, addCostCents: Number(o.addCostCents), stepWorkCenterId: step?.workCenterId ?? null });
  }
  return catalog;
}
