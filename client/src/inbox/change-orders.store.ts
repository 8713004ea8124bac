import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { ApiError, describeError } from '../api/errors';
import { request } from '../api/graphql';
import { useSessionStore } from '../auth/session.store';
import {
  ApprovalInboxDocument,
  ChangeOrderDetailDocument,
  DecideApproveDocument,
  DecideCommentDocument,
  DecideCounterProposeDocument,
  DecideEscalateDocument,
  DecideRejectDocument,
  DecideRespondDocument,
  DecideWithdrawDocument,
  DecideConfirmDocument,
  MyChangeOrdersDocument,
  type ChangeOrderDetailQuery,
  type ChangeOrderInput,
  type DecisionChangeOrderFragment,
  type DisputeFact,
  type Role,
} from '../gql/graphql';
import { STATUS_LABEL } from '../shared/format';
import { onBoardEvent, onReconnected } from '../realtime/event-bus';
import { useLiveFeed } from './live-feed';

export type ChangeOrder = DecisionChangeOrderFragment;
export type ChangeOrderDetail = ChangeOrderDetailQuery['changeOrder'];

/** One decision a person can take on a change order (docs/product.md §5). */
export type Decision =
  | { kind: 'approve'; comment?: string }
  | { kind: 'reject'; reason: string }
  | { kind: 'counter'; input: ChangeOrderInput; comment: string }
  | { kind: 'escalate'; comment: string }
  | { kind: 'respond'; accept: boolean; comment?: string }
  | { kind: 'confirm'; comment?: string }
  | { kind: 'withdraw'; comment?: string };

export const DECISION_DONE: Record<Decision['kind'], string> = {
  approve: 'Approved',
  reject: 'Rejected',
  counter: 'Counter-proposal sent',
  escalate: 'Escalated',
  respond: 'Answered',
  confirm: 'Confirmed on the new terms',
  withdraw: 'Withdrawn',
};

/** A notice shown beside one change order's actions. */
export interface Notice {
  tone: 'error' | 'info' | 'success';
  text: string;
}

/** Whether `role` satisfies a lane's `required` role: the capacity chain is OPS_MANAGER < PLANT_MANAGER. */
export function roleCovers(role: Role | undefined, required: Role): boolean {
  if (!role) return false;
  return role === required || (required === 'OPS_MANAGER' && role === 'PLANT_MANAGER');
}

const MINE_OPEN = ['PENDING', 'REJECTED', 'COUNTER_PROPOSED', 'RETURNED'] as const;
/** My proposals that wait on me: a rejection to escalate, an offer to answer, a change whose order changed. */
const WAITS_ON_PROPOSER: ReadonlySet<string> = new Set(['REJECTED', 'COUNTER_PROPOSED', 'RETURNED']);
const waitsOnMe = (co: ChangeOrder) => WAITS_ON_PROPOSER.has(co.status);

/**
 * Change orders as the decision screens see them: my inbox (what waits for my decision), my open
 * proposals (rejections to escalate, counter-proposals to answer), details with history, and the
 * decisions themselves. Every decision sends the version it was taken on; a CONFLICT refreshes
 * the change order and says so. Board events keep it live while a screen is open.
 */
export const useChangeOrdersStore = defineStore('changeOrders', () => {
  const session = useSessionStore();

  const byId = shallowRef(new Map<string, ChangeOrder>());
  const details = shallowRef(new Map<string, ChangeOrderDetail>());
  const inboxIds = ref<string[]>([]);
  const mineIds = ref<string[]>([]);
  const loading = ref(false);
  const loaded = ref(false);
  const error = ref<string | null>(null);
  /** Change-order id → the decision running on it (for progress and disabled buttons). */
  const busy = ref<Record<string, Decision['kind'] | 'comment' | 'refresh'>>({});
  const notices = ref<Record<string, Notice>>({});
  /** Change-order id → the parts of its dispute on screen now (DisputePanel.vue); sent with a decision. */
  const disputeSeen = ref<Record<string, DisputeFact[]>>({});

  function showingDispute(id: string, facts: DisputeFact[] | null): void {
    const next = { ...disputeSeen.value };
    if (facts?.length) next[id] = facts;
    else delete next[id];
    disputeSeen.value = next;
  }

  const inbox = computed(() => inboxIds.value.map((id) => byId.value.get(id)).filter((co): co is ChangeOrder => !!co));
  const mine = computed(() => mineIds.value.map((id) => byId.value.get(id)).filter((co): co is ChangeOrder => !!co));
  /** What asks for my attention: decisions for me plus my proposals that wait on me. */
  const attentionCount = computed(
    () => inbox.value.length + mine.value.filter(waitsOnMe).length,
  );

  function upsert(...rows: ChangeOrder[]): void {
    const next = new Map(byId.value);
    for (const row of rows) next.set(row.id, row);
    byId.value = next;
  }

  function setNotice(id: string, notice: Notice | null): void {
    const next = { ...notices.value };
    if (notice) next[id] = notice;
    else delete next[id];
    notices.value = next;
  }

  function setBusy(id: string, what: Decision['kind'] | 'comment' | 'refresh' | null): void {
    const next = { ...busy.value };
    if (what) next[id] = what;
    else delete next[id];
    busy.value = next;
  }

  const isProposer = (co: ChangeOrder) => co.proposer.id === session.me?.id;

  /** Whether I may decide it now (my inbox says so, or my role covers a pending lane). */
  function canDecide(co: ChangeOrder): boolean {
    if (co.status !== 'PENDING' || isProposer(co)) return false;
    if (inboxIds.value.includes(co.id)) return true;
    return co.approvals.some((a) => a.status === 'PENDING' && roleCovers(session.me?.role, a.requiredRole));
  }

  /** The proposer, or their manager, may escalate a rejection (docs/product.md §5). */
  function canEscalate(co: ChangeOrder): boolean {
    if (co.status !== 'REJECTED') return false;
    return isProposer(co) || session.me?.role === 'OPS_MANAGER' || session.me?.role === 'PLANT_MANAGER';
  }

  const canRespond = (co: ChangeOrder) => co.status === 'COUNTER_PROPOSED' && isProposer(co);
  /** Its order changed before it was applied: the proposer confirms it on the new terms, or withdraws it. */
  const canConfirm = (co: ChangeOrder) => co.status === 'RETURNED' && isProposer(co);
  const canWithdraw = (co: ChangeOrder) => ['PENDING', 'COUNTER_PROPOSED', 'RETURNED'].includes(co.status) && isProposer(co);

  /** Loads my inbox and my open proposals. */
  async function loadInbox(): Promise<void> {
    const me = session.me;
    if (!me) return;
    loading.value = true;
    try {
      const decides = me.role !== 'ADMIN' && me.role !== 'OPERATOR';
      const proposes = ['SALES_REP', 'PLANNER', 'OPS_MANAGER', 'PLANT_MANAGER'].includes(me.role);
      const [box, own] = await Promise.all([
        decides ? request(ApprovalInboxDocument) : Promise.resolve({ approvalInbox: [] }),
        proposes
          ? request(MyChangeOrdersDocument, { filter: { proposerId: me.id, status: [...MINE_OPEN] }, first: 50 })
          : Promise.resolve({ changeOrders: { nodes: [] } }),
      ]);
      upsert(...box.approvalInbox, ...own.changeOrders.nodes);
      inboxIds.value = box.approvalInbox.map((co) => co.id);
      mineIds.value = own.changeOrders.nodes.map((co) => co.id);
      error.value = null;
      loaded.value = true;
    } catch (e) {
      if (!(e instanceof ApiError && e.code === 'UNAUTHENTICATED')) error.value = describeError(e);
    } finally {
      loading.value = false;
    }
  }

  /** Loads one change order with its comments and history. */
  async function fetchOne(id: string): Promise<ChangeOrderDetail | null> {
    try {
      const { changeOrder } = await request(ChangeOrderDetailDocument, { id });
      upsert(changeOrder);
      details.value = new Map(details.value).set(id, changeOrder);
      return changeOrder;
    } catch (e) {
      setNotice(id, { tone: 'error', text: describeError(e) });
      return null;
    }
  }

  async function send(co: ChangeOrder, decision: Decision): Promise<ChangeOrder> {
    const base = { id: co.id, expectedVersion: co.version };
    const seen = disputeSeen.value[co.id] ?? null;
    switch (decision.kind) {
      case 'approve':
        return (await request(DecideApproveDocument, { ...base, comment: decision.comment || null, seen })).approveChangeOrder;
      case 'reject':
        return (await request(DecideRejectDocument, { ...base, reason: decision.reason, seen })).rejectChangeOrder;
      case 'counter':
        // the offered terms: any date, a (partial) quantity, a price (counter-draft.store.ts)
        return (await request(DecideCounterProposeDocument, { ...base, input: decision.input, comment: decision.comment })).counterProposeChangeOrder;
      case 'escalate':
        return (await request(DecideEscalateDocument, { ...base, comment: decision.comment })).escalateChangeOrder;
      case 'respond':
        return (await request(DecideRespondDocument, { ...base, accept: decision.accept, comment: decision.comment || null }))
          .respondToCounterProposal;
      case 'confirm': {
        if (!co.order) throw new ApiError('NOT_FOUND', `The order of ${co.number} is no longer there.`);
        return (await request(DecideConfirmDocument, { ...base, expectedOrderVersion: co.order.version, comment: decision.comment || null })).confirmChangeOrder;
      }
      case 'withdraw':
        return (await request(DecideWithdrawDocument, { ...base, comment: decision.comment || null })).withdrawChangeOrder;
    }
  }

  /**
   * Takes a decision on the version I am looking at. True when it went through. On CONFLICT the
   * change order is refreshed and the notice says what changed, so the person decides again on
   * what is there now.
   */
  async function decide(id: string, decision: Decision): Promise<boolean> {
    const co = byId.value.get(id) ?? (await fetchOne(id));
    if (!co || busy.value[id]) return false;
    setBusy(id, decision.kind);
    setNotice(id, null);
    try {
      const updated = await send(co, decision);
      upsert(updated);
      if (details.value.has(id)) void fetchOne(id);
      setNotice(id, { tone: 'success', text: `${DECISION_DONE[decision.kind]} · ${updated.number} is now ${STATUS_LABEL[updated.status].toLowerCase()}.` });
      void loadInbox();
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.code === 'CONFLICT') {
        const fresh = await fetchOne(id);
        const now = fresh ? ` It is now ${STATUS_LABEL[fresh.status].toLowerCase()}.` : '';
        setNotice(id, { tone: 'info', text: `${co.number} changed while you were looking, so it was refreshed.${now} Check it and decide again.` });
        void loadInbox();
      } else {
        setNotice(id, { tone: 'error', text: describeError(e) });
      }
      return false;
    } finally {
      setBusy(id, null);
    }
  }

  async function comment(id: string, body: string): Promise<boolean> {
    setBusy(id, 'comment');
    try {
      await request(DecideCommentDocument, { id, body });
      await fetchOne(id);
      return true;
    } catch (e) {
      setNotice(id, { tone: 'error', text: describeError(e) });
      return false;
    } finally {
      setBusy(id, null);
    }
  }

  // Live: every change-order event from the board's connection or the decision screens' feed
  // refreshes the lists (the Inbox count too) and the change order it concerns, wherever shown.
  const feed = useLiveFeed();
  onBoardEvent((event) => {
    if (event.type === 'RESYNC' || event.type === 'BOARD_RESET') return refreshAll();
    if (event.type !== 'CHANGE_ORDER_UPDATED') return;
    scheduleInboxReload();
    const id = event.changeOrderId;
    if (!id || busy.value[id]) return;
    const known = byId.value.get(id);
    if (known && event.version != null && known.version >= event.version) return; // my own decision, already in
    // a notice about an earlier version (an error, "Escalated · now pending") no longer holds
    if (known && notices.value[id]) setNotice(id, null);
    if (known || details.value.has(id)) void fetchOne(id);
  });
  onReconnected(refreshAll);

  /** Anything may have happened while the connection was down: refetch what is shown. */
  function refreshAll(): void {
    scheduleInboxReload(); // the lists bring their rows; the rest shown elsewhere is refetched
    const listed = new Set([...inboxIds.value, ...mineIds.value]);
    for (const id of byId.value.keys()) if (!busy.value[id] && (details.value.has(id) || !listed.has(id))) void fetchOne(id);
  }
  let reloadTimer: ReturnType<typeof setTimeout> | null = null;
  function scheduleInboxReload(): void {
    if (reloadTimer) return;
    reloadTimer = setTimeout(() => {
      reloadTimer = null;
      void loadInbox();
    }, 150);
  }

  function $reset(): void {
    byId.value = new Map();
    details.value = new Map();
    inboxIds.value = [];
    mineIds.value = [];
    loaded.value = false;
    error.value = null;
    busy.value = {};
    notices.value = {};
    disputeSeen.value = {};
  }

  return {
    byId, details, inboxIds, mineIds, loading, loaded, error, busy, notices,
    inbox, mine, attentionCount, live: feed.state,
    isProposer, canDecide, canEscalate, canRespond, canConfirm, canWithdraw, waitsOnMe,
    loadInbox, fetchOne, decide, comment, setNotice, showingDispute, watchLive: feed.acquire, $reset,
  };
});
