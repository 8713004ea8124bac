import { defineStore } from 'pinia';
import { computed, reactive, ref, shallowRef, watch } from 'vue';
import { ApiError, describeError } from '../../api/errors';
import { request } from '../../api/graphql';
import {
  BoardOrderChangeOrdersDocument,
  BoardOrderDetailDocument,
  BoardProposeChangeDocument,
  type BoardChangeOrderFragment,
  type BoardOrderChangeOrdersQuery,
  type BoardOrderDetailQuery,
  type ChangeOrderInput,
} from '../../gql/graphql';
import { onBoardEvent, onReconnected } from '../../realtime/event-bus';
import { useRealtimeStore } from '../../realtime/realtime.store';
import { COMMENT_MAX } from '../../shared/limits';
import { useLivePreview } from '../../shared/live-preview';
import { useBoardStore } from '../model/board.store';
import { formatDate } from '../../shared/dates';
import { PREVIEW_ID } from '../model/ghosts';
import { useOpenChangeOrdersStore } from '../model/open-change-orders.store';

export type OrderDetail = BoardOrderDetailQuery['order'];
export type OrderChange = BoardOrderChangeOrdersQuery['changeOrders']['nodes'][number];

export interface Draft {
  quantity: number | null;
  dueDate: string;
  /** Chosen option per attribute (attribute → option id, '' for none). */
  options: Record<string, string>;
  cancel: boolean;
}

/**
 * The order panel's data and its "propose change" form: the order's details and change history,
 * a draft whose preview (the engine's verdict, nothing written) follows the rep's typing, and the
 * submission with its outcome. The preview re-runs when the schedule changes under it, so what the
 * rep reads is never stale.
 */
export const useProposeStore = defineStore('boardPropose', () => {
  const board = useBoardStore();
  const realtime = useRealtimeStore();
  const openChangeOrders = useOpenChangeOrdersStore();

  const orderId = ref<string | null>(null);
  const detail = shallowRef<OrderDetail | null>(null);
  const detailError = ref<string | null>(null);
  const history = shallowRef<OrderChange[]>([]);
  const formOpen = ref(false);
  const draft = reactive<Draft>({ quantity: null, dueDate: '', options: {}, cancel: false });
  const comment = ref('');
  const submitting = ref(false);
  const submitError = ref<string | null>(null);
  const result = shallowRef<BoardChangeOrderFragment | null>(null);
  /** The tier the rep saw when they pressed submit (to explain a different outcome). */
  const tierAtSubmit = ref<string | null>(null);
  /** A due date to propose once this order's details are in (a link from an at-risk notification). */
  let proposing: { orderId: string; dueDate: string } | null = null;
  let detailSeq = 0;

  const optionGroups = computed(() => {
    const groups = new Map<string, OrderDetail['product']['options']>();
    for (const o of detail.value?.product.options ?? []) {
      const list = groups.get(o.attribute);
      if (list) list.push(o);
      else groups.set(o.attribute, [o]);
    }
    return [...groups].map(([attribute, options]) => ({ attribute, options }));
  });

  /**
   * The change the draft describes, or null when it changes nothing (or is not valid yet). It names
   * the order version the panel shows: the server refuses it (CONFLICT) if the order changed since,
   * rather than let it overwrite terms the rep never saw.
   */
  const input = computed<ChangeOrderInput | null>(() => {
    const d = detail.value;
    if (!d) return null;
    const madeFrom = { orderId: d.id, expectedOrderVersion: d.version };
    if (draft.cancel) return { ...madeFrom, cancel: true };
    const change: ChangeOrderInput = {};
    if (draft.quantity !== null && draft.quantity !== d.quantity) change.quantity = draft.quantity;
    if (draft.dueDate && draft.dueDate !== d.dueDate) change.dueDate = draft.dueDate;
    const chosen = Object.values(draft.options).filter(Boolean).sort();
    const current = d.options.map((o) => o.id).sort();
    if (chosen.join() !== current.join()) change.optionIds = chosen;
    return Object.keys(change).length > 0 ? { ...madeFrom, ...change } : null;
  });

  const invalid = computed(() => {
    if (draft.cancel) return null;
    if (draft.quantity === null || !Number.isInteger(draft.quantity) || draft.quantity < 1) return 'Enter a whole quantity of at least 1.';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.dueDate)) return 'Enter a due date.';
    // a new due date in the past cannot be promised (a late order may keep the date it has)
    if (draft.dueDate !== detail.value?.dueDate && board.today && draft.dueDate < board.today) {
      return `That due date has passed: pick ${formatDate(board.today, 'long')} or later.`;
    }
    if (comment.value.length > COMMENT_MAX) return `The comment is too long: at most ${COMMENT_MAX.toLocaleString('en-GB')} characters.`;
    return null;
  });

  // The preview follows the draft, a moment after the rep stops typing.
  const live = useLivePreview({
    input: () => (invalid.value ? null : input.value),
    open: () => formOpen.value,
    typing: () => [formOpen.value, JSON.stringify(draft)],
    onEdit: () => (result.value = null),
  });
  // refreshedBy: set when the shown preview was re-run because someone changed the schedule.
  const { preview, previewing, previewError, refreshedBy } = live;

  function resetDraft(): void {
    const d = detail.value;
    draft.quantity = d?.quantity ?? null;
    draft.dueDate = d?.dueDate ?? '';
    draft.options = Object.fromEntries(optionGroups.value.map((g) => [g.attribute, d?.options.find((o) => o.attribute === g.attribute)?.id ?? '']));
    draft.cancel = false;
    comment.value = '';
    preview.value = null;
    previewError.value = null;
    refreshedBy.value = null;
    submitError.value = null;
  }

  /** Loads an order's details and history for the panel (the board has only its summary). */
  async function show(id: string | null): Promise<void> {
    const seq = ++detailSeq;
    if (proposing && proposing.orderId !== id) proposing = null;
    orderId.value = id;
    formOpen.value = false;
    result.value = null;
    detail.value = null;
    history.value = [];
    detailError.value = null;
    resetDraft();
    if (!id) return;
    try {
      const { order } = await request(BoardOrderDetailDocument, { id });
      if (seq !== detailSeq) return;
      detail.value = order;
      resetDraft();
      void loadHistory(order);
      if (proposing?.orderId === id) proposeDueDate(id, proposing.dueDate);
    } catch (e) {
      if (seq === detailSeq) detailError.value = describeError(e);
    }
  }

  async function loadHistory(order: OrderDetail): Promise<void> {
    try {
      const { changeOrders } = await request(BoardOrderChangeOrdersDocument, { orderId: order.id });
      if (orderId.value === order.id) history.value = changeOrders.nodes;
    } catch {
      history.value = []; // the history is a courtesy; the panel works without it
    }
  }

  function openForm(): void {
    formOpen.value = true;
    result.value = null;
    resetDraft();
    if (orderId.value) realtime.setViewing({ kind: 'PROPOSING', id: orderId.value });
  }

  function closeForm(): void {
    formOpen.value = false;
    live.stop();
    if (orderId.value) realtime.setViewing({ kind: 'ORDER', id: orderId.value });
  }

  // The previewed plan is drawn on the board where it would land, like a pending change order.
  watch([preview, formOpen, detail], () => {
    const p = preview.value;
    const d = detail.value;
    board.previewGhost =
      p && d && formOpen.value
        ? {
            id: PREVIEW_ID,
            number: 'Preview',
            status: 'PENDING',
            version: 0,
            tier: p.tier,
            kinds: p.kinds,
            orderId: d.id,
            statusReason: null,
            createdAt: new Date().toISOString(),
            proposer: { id: '', name: 'You' },
            order: { id: d.id, number: d.number, customer: { id: d.customer.id, name: d.customer.name } },
            approvals: [],
            evaluation: p,
          }
        : null;
  });

  // Someone changed the schedule: the verdict may have changed too.
  watch(
    () => board.lastScheduleChange,
    (change) => {
      if (!change) return;
      if (formOpen.value && preview.value && !submitting.value && !result.value) {
        const co = change.changeOrderId ? openChangeOrders.byId.get(change.changeOrderId)?.number : null;
        void live.run(co ? `${co} changed the schedule` : 'the schedule changed');
      }
      // the order itself may have changed (terms, jobs): refresh its details quietly
      if (orderId.value && !formOpen.value) void refreshDetail(orderId.value);
    },
  );

  // The change history follows its change orders: applied, rejected, withdrawn… as they happen.
  let historyTimer: ReturnType<typeof setTimeout> | null = null;
  onBoardEvent((event) => {
    if (event.type !== 'CHANGE_ORDER_UPDATED' || !detail.value) return;
    const concerns = event.orderId === orderId.value || history.value.some((c) => c.id === event.changeOrderId);
    if (!concerns || historyTimer) return;
    historyTimer = setTimeout(() => {
      historyTimer = null;
      if (detail.value) void loadHistory(detail.value);
    }, 100);
  });

  // Back online: an order that failed to load (its error, the disabled button) is loaded again.
  onReconnected(() => {
    const id = orderId.value;
    if (!id) return;
    if (!detail.value) void show(id);
    else {
      void loadHistory(detail.value);
      if (!formOpen.value) void refreshDetail(id);
    }
  });

  async function refreshDetail(id: string): Promise<void> {
    try {
      const { order } = await request(BoardOrderDetailDocument, { id });
      if (orderId.value === id && !formOpen.value) detail.value = order;
    } catch {
      // keep what is shown
    }
  }

  /** One click on a capable-to-promise date: the draft takes it and the preview follows. */
  function chooseAlternative(dueDate: string): void {
    draft.dueDate = dueDate;
  }

  /**
   * One click on a date the plant can promise (an at-risk order's panel or notification): the form
   * opens with that due date and its live preview; submitting it proposes the change order. An
   * order still loading takes the date when its details are in.
   */
  function proposeDueDate(id: string, dueDate: string): void {
    if (detail.value?.id !== id) {
      proposing = { orderId: id, dueDate };
      return;
    }
    proposing = null;
    openForm();
    chooseAlternative(dueDate);
  }

  async function submit(): Promise<void> {
    const change = input.value;
    if (!change || invalid.value || submitting.value) return;
    submitting.value = true;
    submitError.value = null;
    tierAtSubmit.value = preview.value?.tier ?? null;
    try {
      const { proposeChangeOrder } = await request(BoardProposeChangeDocument, { input: change, comment: comment.value.trim() || null });
      result.value = proposeChangeOrder;
      openChangeOrders.proposed(proposeChangeOrder);
      history.value = [proposeChangeOrder, ...history.value];
      formOpen.value = false;
      if (orderId.value) realtime.setViewing({ kind: 'ORDER', id: orderId.value });
      if (orderId.value) void refreshDetail(orderId.value);
    } catch (e) {
      submitError.value = describeError(e);
      if (e instanceof ApiError && e.code === 'CONFLICT' && orderId.value) await showChangedOrder(orderId.value);
    } finally {
      submitting.value = false;
    }
  }

  /**
   * The order changed while the rep worked on a change to it (CONFLICT, nothing was proposed): the
   * panel shows its current terms under the rep's draft, and the preview is redone against them,
   * so that submitting again is a decision made on what the order is now.
   */
  async function showChangedOrder(id: string): Promise<void> {
    try {
      const { order } = await request(BoardOrderDetailDocument, { id });
      if (orderId.value !== id) return;
      detail.value = order;
      void live.run(`${order.number} changed`);
    } catch {
      // the message already says what happened; the rep can reopen the order
    }
  }

  return {
    orderId, detail, detailError, history, formOpen, draft, comment, preview, previewing, previewError, refreshedBy,
    submitting, submitError, result, tierAtSubmit, optionGroups, input, invalid,
    show, openForm, closeForm, chooseAlternative, proposeDueDate, submit, resetDraft,
  };
});
