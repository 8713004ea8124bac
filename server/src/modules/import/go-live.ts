import type { EntityManager } from '@mikro-orm/postgresql';
import type { ChangeKind, ChangeOrderInput, ChangeOrderStatus, Tier } from '../../../../schema/generated/server.ts';
import type { Services } from '../../services.ts';
import { EngineError } from '../../engine/index.ts';
import { AppError } from '../../shared/errors.ts';
import type { Actor } from '../auth/actor.ts';
import type { Role } from '../auth/roles.ts';
import type { PlantWrite } from '../events/write-path.ts';
import { ChangeOrderCommands } from '../change-order/change-order.service.ts';
import { approvalsOf, changeOrdersByIds, type ChangeOrderOriginRow } from '../change-order/change-order.repository.ts';
import { ScheduleCache } from '../schedule/schedule.loader.ts';
import { canonical } from '../masterdata/records.ts';
import { optionKey, type MasterData } from '../masterdata/snapshot.ts';
import type { RowError } from './contract.ts';
import { orderTerms, type OrderProposal } from './import.plan.ts';

/**
 * Orders after go-live (docs/import.md): once a plant has orders, a new or changed order row is
 * not written but proposed as a change order, through the same command as a proposal from the
 * board, so the rules evaluate and route it like any other; its origin (import or integration,
 * batch, file row) is recorded beside it.
 */

/** An order row as proposed (the GraphQL ImportChangeOrder). */
export interface ImportChangeOrder {
  file: string;
  row: number;
  orderNumber: string;
  kinds: ChangeKind[];
  tier: Tier;
  status: ChangeOrderStatus;
  waitsFor: string[];
  changeOrderId: string | null;
  changeOrderNumber: string | null;
}

/** Who proposes an import's order rows: the signed-in importer, or for an API token the admin who created it. */
export interface Proposer {
  actor: Actor;
  source: ChangeOrderOriginRow['source'];
  tokenName: string | null;
}

/** Statuses of a change order still waiting for a decision or an answer. */
const OPEN = ['PENDING', 'APPROVED', 'REJECTED', 'COUNTER_PROPOSED', 'RETURNED'];

/**
 * The proposer of rows that become change orders. A user imports as themself. An API token is no
 * person and holds no role, so a change order it sends stands in the name of the admin who created
 * the token — the one accountable for the integration — and its origin names the token. It needs
 * the `orders:write` scope. Null: no one to propose (the CLI without `--as`).
 */
export async function proposerOf(em: EntityManager, actor: Actor | null): Promise<Proposer | null> {
  if (!actor) return null;
  if (actor.kind === 'user') return { actor, source: 'IMPORT', tokenName: null };
  if (actor.kind !== 'api' || !actor.scopes?.includes('orders:write') || !actor.tokenId) {
    throw new AppError('FORBIDDEN', 'The plant is live: new and changed orders become change orders, and pushing them needs an API token with the orders:write scope.');
  }
  const [creator] = await em.execute<{ id: string; role: Role; name: string }[]>(
    'select u.id, u.role, u.name from access_token t join app_user u on u.id = t.created_by where t.id = ?', [actor.tokenId]);
  if (!creator) throw new AppError('FORBIDDEN', `The token "${actor.name}" has no creator to stand as the proposer of its change orders; an admin creates a new token.`);
  return { actor: { kind: 'user', userId: creator.id, role: creator.role, plantId: actor.plantId, name: creator.name }, source: 'INTEGRATION', tokenName: actor.name };
}

/** Open change orders made from order rows, by the order number they name (the newest one per number). */
export async function openProposalsOf(em: EntityManager, plantId: string): Promise<Map<string, { changeOrder: string; terms: string }>> {
  const rows = await em.execute<{ changeOrder: string; orderNumber: string; terms: string }[]>(
    `select number as "changeOrder", origin->>'orderNumber' as "orderNumber", origin->>'terms' as terms from change_order
      where plant_id = ? and origin is not null and status = any(?::text[]) order by created_at`, [plantId, `{${OPEN.join(',')}}`]);
  return new Map(rows.map((r) => [r.orderNumber, { changeOrder: r.changeOrder, terms: r.terms }]));
}

export interface ProposalContext {
  /** The plant's master data with this import's written. */
  data: MasterData;
  /** The plant's orders' ids and versions, by number. */
  orderIds: ReadonlyMap<string, { id: string; version: number }>;
  /** The file label of the orders (`orders.csv`, or the sheet `orders`). */
  file: string;
  batch: string | null;
  /** A dry run reports what would happen and names no change order (it rolls back). */
  dryRun: boolean;
}

/**
 * Proposes each row, one after the other in this write: each is evaluated against the schedule as
 * the rows before it left it. A row the rules refuse outright (the order is done or cancelled, an
 * option does not fit) becomes a row error, so nothing of the import is written.
 */
export async function proposeOrderRows(
  services: Services, w: PlantWrite, proposer: Proposer | null, proposals: readonly OrderProposal[], ctx: ProposalContext, errors: RowError[],
): Promise<ImportChangeOrder[]> {
  const out: ImportChangeOrder[] = [];
  for (const p of proposals) {
    if (!proposer) {
      errors.push({ file: ctx.file, row: p.row, column: 'number', value: p.value.number,
        reason: `the plant is live: ${p.before ? 'this change' : 'this new order'} becomes a change order, which needs a proposer; import from the import page, or with takt import --as <your email>` });
      continue;
    }
    // A fresh cache per row: the evaluation must read this transaction's schedule (the import's
    // writes and the rows before it), never a cached one, and must not cache what may roll back.
    const commands = new ChangeOrderCommands({ clock: services.clock, schedules: new ScheduleCache(), transitions: services.transitions });
    let id: string;
    try {
      id = await commands.propose(w, proposer.actor, inputOf(p, ctx), null);
    } catch (err) {
      if (!(err instanceof AppError || err instanceof EngineError)) throw err;
      errors.push({ file: ctx.file, row: p.row, column: 'number', value: p.value.number, reason: `cannot be proposed: ${err.message}` });
      continue;
    }
    const origin: ChangeOrderOriginRow = {
      source: proposer.source, tokenName: proposer.tokenName, batch: ctx.batch, file: ctx.file, row: p.row, orderNumber: p.value.number, terms: orderTerms(p.value),
    };
    await w.em.execute('update change_order set origin = ?::jsonb where id = ?', [JSON.stringify(origin), id]);
    const [co] = await changeOrdersByIds(w.em, w.plantId, [id]);
    const waitsFor = (await approvalsOf(w.em, [id])).filter((a) => a.status === 'PENDING').map((a) => `${a.lane}: ${a.requiredRole}`);
    out.push({
      file: ctx.file, row: p.row, orderNumber: p.value.number, kinds: co!.kinds as ChangeKind[], tier: co!.tier as Tier, status: co!.status, waitsFor,
      changeOrderId: ctx.dryRun ? null : id, changeOrderNumber: ctx.dryRun ? null : co!.number,
    });
  }
  return out;
}

/** The row as a change-order input: a new order with its own number, or what differs from the order as it is. */
function inputOf(p: OrderProposal, ctx: ProposalContext): ChangeOrderInput {
  const o = p.value;
  const product = ctx.data.products.get(o.sku)!;
  const optionIds = Object.entries(o.options).map(([attribute, value]) => product.optionIds.get(optionKey(attribute, value))!);
  const price = o.unitPriceCents !== null ? { unitPrice: o.unitPriceCents } : {};
  if (!p.before) {
    return { newOrder: { number: o.number, customerId: ctx.data.customers.get(o.customerCode)!.id, productId: product.id, quantity: o.quantity, optionIds, dueDate: o.dueDate, ...price } };
  }
  const b = p.before;
  const order = ctx.orderIds.get(o.number)!;
  return {
    orderId: order.id,
    expectedOrderVersion: order.version,
    ...(o.quantity !== b.quantity ? { quantity: o.quantity } : {}),
    ...(o.dueDate !== b.dueDate ? { dueDate: o.dueDate } : {}),
    ...(canonical(o.options) !== canonical(b.options) ? { optionIds } : {}),
    ...(o.unitPriceCents !== null && o.unitPriceCents !== b.unitPriceCents ? price : {}),
  };
}
