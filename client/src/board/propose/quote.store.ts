import { defineStore } from 'pinia';
import { computed, reactive, ref, shallowRef, watch } from 'vue';
import { describeError } from '../../api/errors';
import { request } from '../../api/graphql';
import { useSessionStore } from '../../auth/session.store';
import {
  BoardProposeChangeDocument,
  QuoteCatalogDocument,
  type BoardChangeOrderFragment,
  type ChangeOrderInput,
  type QuoteCatalogQuery,
} from '../../gql/graphql';
import { COMMENT_MAX } from '../../shared/limits';
import { useLivePreview } from '../../shared/live-preview';
import { useBoardStore } from '../model/board.store';
import { formatDate } from '../../shared/dates';
import { useOpenChangeOrdersStore } from '../model/open-change-orders.store';

export type QuoteProduct = QuoteCatalogQuery['products'][number];

export interface QuoteDraft {
  customerId: string;
  productId: string;
  /** Chosen option per attribute (attribute → option id, '' for none). */
  options: Record<string, string>;
  quantity: number | null;
  dueDate: string;
  /** Unit price as typed ('' takes the list price plus options). */
  unitPrice: string;
}

/**
 * "Quote / new order" (docs/product.md §9): a rep asks whether the plant can take a new order —
 * customer, product, options, quantity, due date, price — and reads the same live preview as for
 * a change, with the promise date of each tier (capable-to-promise); then proposes it as a
 * NEW_ORDER change order.
 */
export const useQuoteStore = defineStore('boardQuote', () => {
  const session = useSessionStore();
  const board = useBoardStore();
  const openChangeOrders = useOpenChangeOrdersStore();

  const isOpen = ref(false);
  const catalog = shallowRef<QuoteCatalogQuery | null>(null);
  const catalogError = ref<string | null>(null);
  const draft = reactive<QuoteDraft>({ customerId: '', productId: '', options: {}, quantity: null, dueDate: '', unitPrice: '' });
  const comment = ref('');
  const submitting = ref(false);
  const submitError = ref<string | null>(null);
  const result = shallowRef<BoardChangeOrderFragment | null>(null);

  const product = computed(() => catalog.value?.products.find((p) => p.id === draft.productId) ?? null);
  const optionGroups = computed(() => {
    const groups = new Map<string, QuoteProduct['options']>();
    for (const o of product.value?.options ?? []) groups.set(o.attribute, [...(groups.get(o.attribute) ?? []), o]);
    return [...groups].map(([attribute, options]) => ({ attribute, options }));
  });

  const invalid = computed<string | null>(() => {
    if (!draft.customerId) return 'Pick a customer.';
    if (!draft.productId) return 'Pick a product.';
    if (draft.quantity === null || !Number.isInteger(draft.quantity) || draft.quantity < 1) return 'Enter a whole quantity of at least 1.';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.dueDate)) return 'Enter the due date the customer asks for.';
    if (board.today && draft.dueDate < board.today) return `That due date has passed: pick ${formatDate(board.today, 'long')} or later.`;
    if (draft.unitPrice.trim() && !/^\d+(\.\d{1,2})?$/.test(draft.unitPrice.trim())) return 'Write the unit price as a number, e.g. 42.50.';
    if (comment.value.length > COMMENT_MAX) return `The comment is too long: at most ${COMMENT_MAX.toLocaleString('en-GB')} characters.`;
    return null;
  });

  const input = computed<ChangeOrderInput | null>(() => {
    if (invalid.value) return null;
    const price = draft.unitPrice.trim();
    const optionIds = Object.values(draft.options).filter(Boolean);
    return {
      newOrder: {
        customerId: draft.customerId,
        productId: draft.productId,
        quantity: draft.quantity!,
        dueDate: draft.dueDate,
        ...(optionIds.length ? { optionIds } : {}),
        ...(price ? { unitPrice: price } : {}),
      },
    };
  });

  const live = useLivePreview({
    input: () => input.value,
    open: () => isOpen.value,
    typing: () => [isOpen.value, JSON.stringify(draft)],
    onEdit: () => (result.value = null),
  });
  const { preview, previewing, previewError } = live;

  async function open(): Promise<void> {
    isOpen.value = true;
    result.value = null;
    submitError.value = null;
    if (catalog.value) return;
    const plantId = session.plant?.id;
    if (!plantId) return;
    try {
      catalog.value = await request(QuoteCatalogDocument, { plantId });
      catalogError.value = null;
    } catch (e) {
      catalogError.value = describeError(e);
    }
  }

  function close(): void {
    isOpen.value = false;
    live.stop();
  }

  /** Starts over (after a proposal, or on "New quote"). */
  function reset(): void {
    Object.assign(draft, { customerId: '', productId: '', options: {}, quantity: null, dueDate: '', unitPrice: '' });
    comment.value = '';
    preview.value = null;
    previewError.value = null;
    submitError.value = null;
    result.value = null;
  }

  // another product offers other options: none chosen yet
  watch(
    () => draft.productId,
    () => (draft.options = Object.fromEntries(optionGroups.value.map((g) => [g.attribute, '']))),
  );

  // someone changed the schedule: the promise dates may have moved
  watch(
    () => board.lastScheduleChange,
    () => {
      if (isOpen.value && preview.value && !submitting.value) void live.run();
    },
  );

  async function submit(): Promise<void> {
    const change = input.value;
    if (!change || submitting.value) return;
    submitting.value = true;
    submitError.value = null;
    try {
      const { proposeChangeOrder } = await request(BoardProposeChangeDocument, { input: change, comment: comment.value.trim() || null });
      result.value = proposeChangeOrder;
      openChangeOrders.proposed(proposeChangeOrder);
    } catch (e) {
      submitError.value = describeError(e);
    } finally {
      submitting.value = false;
    }
  }

  return {
    isOpen, catalog, catalogError, draft, comment, preview, previewing, previewError, submitting, submitError, result,
    product, optionGroups, invalid, input, open, close, reset, submit,
  };
});
