import type { Orm } from '../../server/src/db/orm.ts';
import { addDays } from '../../server/src/shared/dates.ts';
import type { GraphQLClient } from './http.ts';

export const PROPOSE = `mutation($input: ChangeOrderInput!) { proposeChangeOrder(input: $input) { id status version tier } }`;

/**
 * The input as the board sends it: a change to an existing order's terms names the order version it
 * was made from, read just now (outside any timed call).
 */
export async function madeFromCurrent(client: GraphQLClient, input: Record<string, unknown>): Promise<Record<string, unknown>> {
  if (typeof input.orderId !== 'string' || input.moveJob) return input;
  const { data } = await client.call<{ order: { version: number } }>('query($id: ID!) { order(id: $id) { version } }', { id: input.orderId });
  return { ...input, expectedOrderVersion: data.order.version };
}

export interface Proposed {
  id: string;
  status: string;
  version: number;
  tier: string;
}

/**
 * Real change orders that apply at once: on a plant with open capacity, moving an order's due
 * date three weeks later and back again stays in the AUTO tier with no approval lane, so every
 * proposal re-plans the order and commits CHANGE_ORDER_UPDATED + SCHEDULE_CHANGED (the order's
 * jobs with their allocations and every bucket whose load changed) through the one write path.
 * Orders are dealt out to `ways` disjoint lanes, so concurrent proposers never race for one order.
 */
export class DueDateToggler {
  readonly #lanes: { id: string; due: string; version: number; later: boolean }[][];
  readonly #next: number[];
  /** Orders whose change did not apply at once (excluded from then on). */
  readonly skipped: { orderId: string; status: string; tier: string }[] = [];

  private constructor(lanes: { id: string; due: string; version: number; later: boolean }[][]) {
    this.#lanes = lanes;
    this.#next = lanes.map(() => 0);
  }

  static async load(orm: Orm, plantId: string, ways = 1): Promise<DueDateToggler> {
    // far enough out to be clear of the freeze window and the first weeks' load
    const rows = await orm.em.fork().execute<{ id: string; due: string; version: number }[]>(
      `select o.id, o.due_date::text as due, o.version from sales_order o join plant p on p.id = o.plant_id
        where o.plant_id = ? and o.status = 'CONFIRMED' and o.due_date > current_date + 21 order by o.due_date, o.id`,
      [plantId],
    );
    if (rows.length < ways) throw new Error(`only ${rows.length} orders to toggle for ${ways} proposers`);
    const lanes = Array.from({ length: ways }, (_, w) => rows.filter((_, i) => i % ways === w).map((r) => ({ ...r, later: false })));
    return new DueDateToggler(lanes);
  }

  /** Proposes the next toggle of lane `lane` as `client`; returns the change order as proposed. */
  async propose(client: GraphQLClient, lane = 0): Promise<Proposed> {
    const orders = this.#lanes[lane]!;
    if (orders.length === 0) throw new Error(`lane ${lane} has no order left that changes in the AUTO tier`);
    const i = this.#next[lane]! % orders.length;
    this.#next[lane] = i + 1;
    const o = orders[i]!;
    const dueDate = o.later ? o.due : addDays(o.due, 21);
    // Lanes are disjoint: only this toggler changes the order, so it knows the version it made.
    const { data } = await client.call<{ proposeChangeOrder: Proposed }>(PROPOSE, { input: { orderId: o.id, dueDate, expectedOrderVersion: o.version } });
    const co = data.proposeChangeOrder;
    if (co.status === 'APPLIED') {
      o.later = !o.later;
      o.version++;
    }
    else {
      this.skipped.push({ orderId: o.id, status: co.status, tier: co.tier });
      orders.splice(i, 1);
    }
    return co;
  }
}
