import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { ApiError, describeError } from '../../api/errors';
import { request } from '../../api/graphql';
import { BoardChangeOrderByIdDocument, BoardOpenChangeOrdersDocument, BoardWithdrawChangeDocument, type ChangeOrderStatus } from '../../gql/graphql';
import type { BoardEvent } from '../../realtime/connection';
import type { OpenChangeOrder } from './ghosts';
import { useNoticesStore } from './notices.store';

const OPEN: ReadonlySet<string> = new Set<ChangeOrderStatus>(['PENDING', 'COUNTER_PROPOSED']);
/** Upper bound on ghosts fetched (pages of 100): beyond it the inbox is the place to look. */
const MAX_OPEN = 500;

const STATUS_WORD: Partial<Record<ChangeOrderStatus, string>> = {
  APPLIED: 'was applied',
  REJECTED: 'was rejected',
  COUNTER_PROPOSED: 'has a counter-proposal',
  INFEASIBLE: 'no longer fits',
  CLOSED: 'was closed',
  PENDING: 'waits for approval',
};

/**
 * Change orders still waiting (ghost load on the board), kept current from CHANGE_ORDER_UPDATED
 * events, and the change orders this user proposed in this session (Ctrl+Z withdraws the last one).
 */
export const useOpenChangeOrdersStore = defineStore('boardOpenChangeOrders', () => {
  const notices = useNoticesStore();
  const list = shallowRef<OpenChangeOrder[]>([]);
  const error = ref<string | null>(null);
  /** My proposals of this session, newest last: id → latest known state. */
  const mine = ref<{ id: string; number: string; version: number; status: string }[]>([]);
  let loadSeq = 0;

  const byId = computed(() => new Map(list.value.map((co) => [co.id, co])));

  async function load(): Promise<void> {
    const seq = ++loadSeq;
    try {
      const all: OpenChangeOrder[] = [];
      let after: string | null = null;
      do {
        const page: Awaited<ReturnType<typeof fetchPage>> = await fetchPage(after);
        all.push(...page.nodes);
        after = page.hasNextPage ? page.endCursor : null;
      } while (after && all.length < MAX_OPEN);
      if (seq !== loadSeq) return;
      list.value = all;
      error.value = null;
    } catch (e) {
      if (seq === loadSeq) error.value = describeError(e);
    }
  }

  async function fetchPage(after: string | null) {
    return (await request(BoardOpenChangeOrdersDocument, { first: 100, after })).changeOrders;
  }

  function upsert(co: OpenChangeOrder): void {
    const rest = list.value.filter((c) => c.id !== co.id);
    list.value = OPEN.has(co.status) ? [...rest, co] : rest;
    const own = mine.value.find((m) => m.id === co.id);
    if (own && own.version < co.version) {
      if (own.status !== co.status) {
        const word = STATUS_WORD[co.status];
        if (word) notices.push(`${co.number} ${word}${co.statusReason ? `: ${co.statusReason}` : '.'}`, co.status === 'APPLIED' ? 'success' : 'info', 9_000);
      }
      Object.assign(own, { version: co.version, status: co.status });
    }
  }

  /** A CHANGE_ORDER_UPDATED event: refetch that change order unless we already have its version. */
  async function onEvent(event: BoardEvent): Promise<void> {
    if (event.type !== 'CHANGE_ORDER_UPDATED' || !event.changeOrderId) return;
    const known = byId.value.get(event.changeOrderId);
    const own = mine.value.find((m) => m.id === event.changeOrderId);
    if (known && event.version != null && known.version >= event.version) return;
    if (!known && !own && event.status && !OPEN.has(event.status)) return; // never shown, still not open
    try {
      const { changeOrder } = await request(BoardChangeOrderByIdDocument, { id: event.changeOrderId });
      upsert(changeOrder);
    } catch (e) {
      if (!(e instanceof ApiError && e.code === 'NOT_FOUND')) error.value = describeError(e);
    }
  }

  /** Remember a change order I just proposed (or moved): it becomes "my last proposal". */
  function proposed(co: OpenChangeOrder): void {
    mine.value = [...mine.value.filter((m) => m.id !== co.id), { id: co.id, number: co.number, version: co.version, status: co.status }];
    upsert(co);
  }

  const lastOpenOfMine = computed(() => [...mine.value].reverse().find((m) => OPEN.has(m.status)) ?? null);

  /** Withdraws my most recent proposal that is still open (Ctrl+Z). */
  async function withdrawLast(): Promise<void> {
    const last = lastOpenOfMine.value;
    if (!last) {
      notices.push('Nothing to undo: you have no open proposal from this session.');
      return;
    }
    try {
      const { withdrawChangeOrder } = await request(BoardWithdrawChangeDocument, { id: last.id, expectedVersion: last.version, comment: 'Withdrawn from the board (undo).' });
      upsert(withdrawChangeOrder);
      notices.push(`Withdrew ${withdrawChangeOrder.number}.`, 'success');
    } catch (e) {
      if (e instanceof ApiError && e.code === 'CONFLICT') {
        // it moved on meanwhile (approved, countered…): learn its state and say so
        await onEvent({ type: 'CHANGE_ORDER_UPDATED', changeOrderId: last.id } as BoardEvent);
      }
      notices.push(`Could not withdraw ${last.number}: ${describeError(e)}`, 'error', 9_000);
    }
  }

  function $reset(): void {
    loadSeq++;
    list.value = [];
    mine.value = [];
    error.value = null;
  }

  return { list, byId, error, mine, lastOpenOfMine, load, onEvent, proposed, upsert, withdrawLast, $reset };
});
