import { defineStore } from 'pinia';
import { computed, reactive, ref } from 'vue';
import type { ChangeOrderInput } from '../gql/graphql';
import { useSessionStore } from '../auth/session.store';
import { useLivePreview } from '../shared/live-preview';
import { useChangeOrdersStore } from './change-orders.store';

/** The terms an approver offers instead: any due date, a (partial) quantity, a price. */
export interface CounterTerms {
  dueDate: string;
  quantity: number | null;
  /** Unit price as typed ('' keeps the price asked for). */
  unitPrice: string;
}

/**
 * The counter-proposal being written (one at a time): its terms, what is wrong with them, and the
 * engine's preview of them (nothing written), re-run a moment after the approver stops typing —
 * the same live preview as the rep's form (docs/product.md §5.6).
 */
export const useCounterDraftStore = defineStore('counterDraft', () => {
  const session = useSessionStore();
  const changeOrders = useChangeOrdersStore();
  const changeOrderId = ref<string | null>(null);
  const co = computed(() => (changeOrderId.value ? (changeOrders.byId.get(changeOrderId.value) ?? null) : null));
  const terms = reactive<CounterTerms>({ dueDate: '', quantity: null, unitPrice: '' });
  let active = false;

  const invalid = computed<string | null>(() => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(terms.dueDate)) return 'Pick a date to offer.';
    const now = session.plant?.today;
    if (now && terms.dueDate < now) return 'That date has passed: offer today or later.';
    if (terms.quantity === null || !Number.isInteger(terms.quantity) || terms.quantity < 1) return 'Offer a whole quantity of at least 1.';
    if (terms.unitPrice.trim() && !/^\d+(\.\d{1,2})?$/.test(terms.unitPrice.trim())) return 'Write the unit price as a number, e.g. 42.50.';
    return null;
  });

  /** What the server is sent: the order of the change order with the offered terms. */
  const input = computed<ChangeOrderInput | null>(() => {
    const c = co.value;
    if (!c || invalid.value) return null;
    const price = terms.unitPrice.trim();
    return { orderId: c.orderId, dueDate: terms.dueDate, quantity: terms.quantity!, ...(price ? { unitPrice: price } : {}) };
  });

  const live = useLivePreview({ input: () => input.value, open: () => active, typing: () => JSON.stringify(terms) });
  const { preview, previewError, previewing } = live;

  /** Starts a counter-proposal on a change order from what was asked (or a capable-to-promise date). */
  function start(id: string, dueDate: string | null): void {
    changeOrderId.value = id;
    const asked = co.value?.evaluation.terms;
    terms.dueDate = dueDate ?? asked?.dueDate ?? '';
    terms.quantity = asked?.quantity ?? null;
    terms.unitPrice = '';
    preview.value = null;
    previewError.value = null;
    active = true;
  }

  function stop(): void {
    active = false;
    live.stop();
  }

  return { changeOrderId, terms, invalid, input, preview, previewError, previewing, start, stop };
});
