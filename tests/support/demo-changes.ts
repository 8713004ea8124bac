import type { ApiClient } from './api.ts';

interface BoardOrders {
  plants: { id: string; today: string }[];
}

interface Preview {
  tier: string;
  requiredApprovals: { lane: string }[];
  impact: { buckets: { workCenterId: string; date: string }[] } | null;
}

const taken = new Set<string>();

/**
 * Quantity increases on demo orders that the ops manager alone decides (tier MANAGER, only the
 * capacity lane), found by previewing: the demo plant's load decides which orders qualify, so the
 * tests ask the engine rather than hard-coding order numbers. Each order is handed out once, and
 * the changes found together touch no common bucket: applying one leaves the others' verdicts as
 * they were (on some days two such orders share a work center's day, and the second one, decided
 * after the first was applied, would rightly need more approvals).
 */
export async function findManagerTierChanges(
  client: ApiClient, count: number, opts: { raisingBefore?: string } = {},
): Promise<{ orderId: string; quantity: number }[]> {
  const { plants } = await client.data<BoardOrders>('{ plants { id today } }');
  const plant = plants[0]!;
  const to = new Date(Date.parse(`${plant.today}T00:00:00Z`) + 42 * 86_400_000).toISOString().slice(0, 10);
  const { board } = await client.data<{ board: { orders: { id: string; quantity: number; status: string }[] } }>(
    'query($p: ID!, $f: Date!, $t: Date!) { board(plantId: $p, from: $f, to: $t) { orders { id quantity status } } }',
    { p: plant.id, f: plant.today, t: to },
  );
  const found: { orderId: string; quantity: number }[] = [];
  const touched = new Set<string>();
  for (const order of board.orders) {
    if (found.length === count) break;
    if (order.status !== 'CONFIRMED' || taken.has(order.id)) continue;
    const quantity = Math.ceil(order.quantity * 1.2) + 1;
    const res = await client.request<{ previewChangeOrder: Preview }>(
      'query($i: ChangeOrderInput!) { previewChangeOrder(input: $i) { tier requiredApprovals { lane } impact { buckets { workCenterId date } } } }',
      { i: { orderId: order.id, quantity } },
    );
    const evaluation = res.data?.previewChangeOrder;
    const buckets = (evaluation?.impact?.buckets ?? []).map((b) => `${b.workCenterId}|${b.date}`);
    // `raisingBefore`: a change that loads at least one day before that date (a screen's window)
    const early = !opts.raisingBefore || (evaluation?.impact?.buckets ?? []).some((b) => b.date < opts.raisingBefore!);
    if (evaluation?.tier === 'MANAGER' && evaluation.requiredApprovals.every((a) => a.lane === 'CAPACITY') && early && !buckets.some((b) => touched.has(b))) {
      taken.add(order.id);
      for (const b of buckets) touched.add(b);
      found.push({ orderId: order.id, quantity });
    }
  }
  if (found.length < count) throw new Error(`only ${found.length} of ${count} manager-tier changes found in the demo plant`);
  return found;
}
