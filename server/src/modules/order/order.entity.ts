import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';
import { Plant } from '../plant/plant.entity.ts';
import { Customer } from '../customer/customer.entity.ts';
import { Product } from '../product/product.entity.ts';
import { WorkCenter } from '../work-center/work-center.entity.ts';

export const ORDER_STATUSES = ['CONFIRMED', 'IN_PRODUCTION', 'DONE', 'SHIPPED', 'CANCELLED'] as const;
export const JOB_STATUSES = ['PLANNED', 'STARTED', 'DONE'] as const;

/** A customer order; table `sales_order` because ORDER is an SQL keyword. */
export const Order = defineEntity({
  name: 'Order',
  tableName: 'sales_order',
  properties: {
    id: p.uuid().primary().defaultRaw('gen_random_uuid()'),
    plant: () => p.manyToOne(Plant),
    number: p.string().length(32),
    customer: () => p.manyToOne(Customer),
    product: () => p.manyToOne(Product),
    quantity: p.integer(),
    /** Chosen ProductOption ids. */
    optionIds: p.array().columnType('uuid[]').defaultRaw("'{}'"),
    dueDate: p.string().columnType('date'),
    unitPriceCents: p.bigint('number'),
    status: p.enum(ORDER_STATUSES).default('CONFIRMED'),
    version: p.integer().default(1),
    createdAt: p.datetime().defaultRaw('now()'),
  },
  uniques: [{ properties: ['plant', 'number'] }],
});
export type Order = InferEntity<typeof Order>;

/** One routing step of one order on one work center; its allocations sum to `minutes`. */
export const Job = defineEntity({
  name: 'Job',
  properties: {
    id: p.uuid().primary().defaultRaw('gen_random_uuid()'),
    order: () => p.manyToOne(Order),
    plant: () => p.manyToOne(Plant),
    seq: p.integer(),
    workCenter: () => p.manyToOne(WorkCenter),
    minutes: p.integer(),
    status: p.enum(JOB_STATUSES).default('PLANNED'),
    startDate: p.string().columnType('date'),
    endDate: p.string().columnType('date'),
    version: p.integer().default(1),
  },
  uniques: [{ properties: ['order', 'seq'] }],
  indexes: [{ properties: ['plant', 'startDate'] }],
});
export type Job = InferEntity<typeof Job>;

/** Minutes of one job on one day: the rows buckets are derived from. */
export const Allocation = defineEntity({
  name: 'Allocation',
  properties: {
    job: () => p.manyToOne(Job).primary().deleteRule('cascade'),
    date: p.string().columnType('date').primary(),
    workCenter: () => p.manyToOne(WorkCenter),
    plant: () => p.manyToOne(Plant),
    minutes: p.integer(),
  },
  indexes: [{ properties: ['plant', 'date', 'workCenter'] }],
});
export type Allocation = InferEntity<typeof Allocation>;
