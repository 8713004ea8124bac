import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';
import { Plant } from '../plant/plant.entity.ts';
import { WorkCenter } from '../work-center/work-center.entity.ts';

/** Something the plant makes to order, with its routing and spec options. */
export const Product = defineEntity({
  name: 'Product',
  properties: {
    id: p.uuid().primary().defaultRaw('gen_random_uuid()'),
    plant: () => p.manyToOne(Plant),
    sku: p.string().length(64),
    name: p.string(),
    materialCostCents: p.bigint('number'),
    listPriceCents: p.bigint('number'),
    minLeadTimeDays: p.integer(),
    /** False once retired: no new orders (docs/import.md). */
    active: p.boolean().default(true),
    version: p.integer().default(1),
  },
  uniques: [{ properties: ['plant', 'sku'] }],
});
export type Product = InferEntity<typeof Product>;

/** One step of a product's routing. */
export const RoutingStep = defineEntity({
  name: 'RoutingStep',
  properties: {
    id: p.uuid().primary().defaultRaw('gen_random_uuid()'),
    product: () => p.manyToOne(Product),
    seq: p.integer(),
    workCenter: () => p.manyToOne(WorkCenter),
    setupMinutes: p.integer(),
    /** May be fractional (1.5 min/unit); a job's minutes are rounded up once per job. */
    minutesPerUnit: p.double(),
  },
  uniques: [{ properties: ['product', 'seq'] }],
});
export type RoutingStep = InferEntity<typeof RoutingStep>;

/** A spec attribute value a product offers; may add cost, time and a quality review. */
export const ProductOption = defineEntity({
  name: 'ProductOption',
  properties: {
    id: p.uuid().primary().defaultRaw('gen_random_uuid()'),
    product: () => p.manyToOne(Product),
    attribute: p.string(),
    value: p.string(),
    addCostCents: p.bigint('number').default(0),
    addMinutesPerUnit: p.double().default(0),
    stepSeq: p.integer().nullable(),
    reviewRequired: p.boolean().default(false),
  },
  uniques: [{ properties: ['product', 'attribute', 'value'] }],
});
export type ProductOption = InferEntity<typeof ProductOption>;
