import { defineStore } from 'pinia';
import { computed, ref, shallowRef, watch } from 'vue';
import { request } from '../../api/graphql';
import { useSessionStore } from '../../auth/session.store';
import { BoardMyChangeOrdersDocument } from '../../gql/graphql';
import { useBoardStore } from './board.store';
import type { Order } from './board-data';
import { useOpenChangeOrdersStore } from './open-change-orders.store';

/**
 * Which orders the board highlights. "Mine" are the orders this user proposed a change to (a new
 * order included) and their customers. Orders at risk of missing their date join when the floor's
 * progress reaches the client: one more entry here and in `FILTER_LABEL` (docs/product.md §9).
 */
export type OrderFilter = 'all' | 'my-customers' | 'my-orders' | 'pending';
export const FILTER_LABEL: Record<OrderFilter, string> = {
  all: 'All orders',
  'my-customers': 'My customers',
  'my-orders': 'My orders',
  pending: 'With a pending change',
};

/** What a job block's colour says. */
export type ColorBy = 'none' | 'customer' | 'status' | 'tier';
export const COLOR_BY_LABEL: Record<ColorBy, string> = { none: 'Job status', customer: 'Customer', status: 'Order status', tier: 'Customer tier' };

/** What a day's cell says at day zoom. */
export type CellNumbers = 'percent' | 'hours';

/** Customer colours: eight hues light enough for dark text on them (tile-jobs.css `.cc-N`). */
const CUSTOMER_HUES = 8;
const MY_ORDERS_LIMIT = 1000;

function hashOf(id: string): number {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) | 0;
  return Math.abs(h);
}

/**
 * How the board is read: the order filter, the colouring of job blocks and
 * the cell numbers. Blocks that do not match the filter recede rather than vanish, so the rows keep
 * their lanes and a filter costs no re-layout of the virtualized tiles.
 */
export const useBoardViewStore = defineStore('boardView', () => {
  const session = useSessionStore();
  const board = useBoardStore();
  const openChangeOrders = useOpenChangeOrdersStore();

  const filter = ref<OrderFilter>('all');
  const colorBy = ref<ColorBy>('none');
  const cellNumbers = ref<CellNumbers>('percent');
  const myOrderIds = shallowRef<ReadonlySet<string>>(new Set());
  const myCustomerIds = shallowRef<ReadonlySet<string>>(new Set());
  let mineLoaded: string | null = null;

  async function loadMine(): Promise<void> {
    const me = session.me?.id;
    if (!me || mineLoaded === me) return;
    mineLoaded = me;
    const orders = new Set<string>();
    const customers = new Set<string>();
    let after: string | null = null;
    do {
      const { changeOrders }: { changeOrders: { nodes: { orderId: string; order?: { customer: { id: string } } | null }[]; endCursor?: string | null; hasNextPage: boolean } } =
        await request(BoardMyChangeOrdersDocument, { proposerId: me, first: 100, after });
      for (const co of changeOrders.nodes) {
        orders.add(co.orderId);
        if (co.order) customers.add(co.order.customer.id);
      }
      after = changeOrders.hasNextPage ? (changeOrders.endCursor ?? null) : null;
    } while (after && orders.size < MY_ORDERS_LIMIT);
    myOrderIds.value = orders;
    myCustomerIds.value = customers;
  }
  watch(filter, (f) => { if (f === 'my-orders' || f === 'my-customers') void loadMine().catch(() => (mineLoaded = null)); }, { immediate: true });

  const pendingOrderIds = computed(() => new Set(openChangeOrders.list.map((co) => co.orderId)));

  /** The orders the filter keeps, or null when it keeps every order. */
  const matching = computed<ReadonlySet<string> | null>(() => {
    switch (filter.value) {
      case 'all': return null;
      case 'my-orders': return myOrderIds.value;
      case 'pending': return pendingOrderIds.value;
      case 'my-customers': {
        const ids = myCustomerIds.value;
        return new Set(board.orders.filter((o) => ids.has(o.customer.id)).map((o) => o.id));
      }
    }
    return null;
  });
  const matchCount = computed(() => (matching.value ? board.orders.filter((o) => matching.value!.has(o.id)).length : board.orders.length));

  /** The colour class of an order's blocks under the chosen colouring ('' for job status). */
  function colorClass(order: Order | undefined): string {
    if (!order || colorBy.value === 'none') return '';
    if (colorBy.value === 'customer') return ` cc-${hashOf(order.customer.id) % CUSTOMER_HUES}`;
    if (colorBy.value === 'status') return ` cs-${order.status.toLowerCase().replace('_', '-')}`;
    return ` ct-${order.customer.tier.toLowerCase()}`;
  }

  function $reset(): void {
    filter.value = 'all';
    colorBy.value = 'none';
    cellNumbers.value = 'percent';
    myOrderIds.value = new Set();
    myCustomerIds.value = new Set();
    mineLoaded = null;
  }

  // Another user signing in on this browser starts from the plain board, not the last one's mine.
  watch(() => session.me, (user) => { if (!user) $reset(); });

  return { filter, colorBy, cellNumbers, matching, matchCount, colorClass, loadMine, $reset };
});
