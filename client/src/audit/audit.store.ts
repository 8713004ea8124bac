import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { describeError } from '../api/errors';
import { request } from '../api/graphql';
import { formatInstant, plantTimeZone, startOfDayIn, STATUS_LABEL } from '../shared/format';
import { useSessionStore } from '../auth/session.store';
import {
  AuditCustomersDocument, AuditEntriesDocument, AuditSnapshotDocument,
  type AuditEntryFragment, type AuditEventFilter, type DecisionEvaluationFragment, type PolicyRule,
} from '../gql/graphql';
import { actionLabel, RULE_LABEL } from '../inbox/format';
import { toCsv } from '../reports/csv';

/** The audit page's filters, as they stand in the URL (docs/product.md §9: shareable state). */
export interface AuditQuery {
  order: string;
  customer: string;
  user: string;
  rule: string;
  from: string;
  to: string;
  q: string;
  /** Entries of one entity (a policy's history, a token's): `entityType` and optional `entityId`. */
  entityType: string;
  entityId: string;
}

export const AUDIT_QUERY_KEYS: readonly (keyof AuditQuery)[] = ['order', 'customer', 'user', 'rule', 'from', 'to', 'q', 'entityType', 'entityId'];

const PAGE = 100;
/** An export reads at most this many entries (a year of a busy plant), in pages of 500. */
const EXPORT_LIMIT = 20_000;

const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * The plant's audit trail as its page reads it: newest first, filtered as the URL says, paged by
 * the API's cursor; an entry's evaluation snapshot fetched when asked for; a CSV of everything the
 * filters select.
 */
export const useAuditStore = defineStore('audit', () => {
  const session = useSessionStore();
  const entries = shallowRef<AuditEntryFragment[]>([]);
  const cursor = ref<string | null>(null);
  const more = ref(false);
  const loading = ref(false);
  const error = ref<string | null>(null);
  const customers = shallowRef<{ id: string; name: string }[]>([]);
  const snapshots = ref<Record<string, DecisionEvaluationFragment | null | 'loading'>>({});
  const query = ref<AuditQuery | null>(null);
  let generation = 0;

  /** Names of everyone seen acting in the entries read so far, for the user filter. */
  const people = computed(() => {
    const byId = new Map<string, string>();
    for (const e of entries.value) for (const u of [e.actor, e.delegate]) if (u) byId.set(u.id, u.name);
    return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
  });

  function filterOf(q: AuditQuery): AuditEventFilter {
    const zone = session.plant?.timeZone ?? plantTimeZone();
    return {
      newestFirst: true,
      ...(q.entityType ? { entityType: q.entityType } : {}),
      ...(q.entityId ? { entityId: q.entityId } : {}),
      ...(q.order ? { orderId: q.order } : {}),
      ...(q.customer ? { customerId: q.customer } : {}),
      ...(q.user ? { actorId: q.user } : {}),
      ...(q.rule ? { rule: q.rule as PolicyRule } : {}),
      ...(q.from ? { from: startOfDayIn(q.from, zone).toISOString() } : {}),
      // "To 3 Dec" includes the whole of 3 December in the plant.
      ...(q.to ? { to: startOfDayIn(nextDay(q.to), zone).toISOString() } : {}),
      ...(q.q.trim() ? { search: q.q.trim() } : {}),
    };
  }

  async function load(q: AuditQuery, reset: boolean): Promise<void> {
    const mine = reset ? ++generation : generation;
    if (reset) query.value = q;
    loading.value = true;
    try {
      const { auditEvents } = await request(AuditEntriesDocument, { filter: filterOf(q), first: PAGE, after: reset ? null : cursor.value });
      if (mine !== generation) return; // the filters changed meanwhile: a newer load owns the list
      entries.value = reset ? auditEvents.nodes : [...entries.value, ...auditEvents.nodes];
      cursor.value = auditEvents.endCursor;
      more.value = auditEvents.hasNextPage;
      error.value = null;
    } catch (e) {
      if (mine === generation) error.value = describeError(e);
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  const loadMore = () => (query.value ? load(query.value, false) : Promise.resolve());

  async function loadCustomers(): Promise<void> {
    if (customers.value.length || !session.plant) return;
    const data = await request(AuditCustomersDocument, { plantId: session.plant.id });
    customers.value = [...data.customers].sort((a, b) => a.name.localeCompare(b.name));
  }

  const without = (id: string) => Object.fromEntries(Object.entries(snapshots.value).filter(([key]) => key !== id));

  async function toggleSnapshot(id: string): Promise<void> {
    if (id in snapshots.value) {
      snapshots.value = without(id);
      return;
    }
    snapshots.value = { ...snapshots.value, [id]: 'loading' };
    try {
      const { auditEvents } = await request(AuditSnapshotDocument, { id });
      snapshots.value = { ...snapshots.value, [id]: auditEvents.nodes[0]?.evaluation ?? null };
    } catch (e) {
      error.value = describeError(e);
      snapshots.value = without(id);
    }
  }

  /** Every entry the filters select as CSV, times in the plant's zone and ISO beside them. */
  async function exportCsv(): Promise<string> {
    const q = query.value;
    if (!q) return '';
    const rows: AuditEntryFragment[] = [];
    let after: string | null = null;
    do {
      const { auditEvents }: { auditEvents: { nodes: AuditEntryFragment[]; endCursor?: string | null; hasNextPage: boolean } } =
        await request(AuditEntriesDocument, { filter: filterOf(q), first: 500, after });
      rows.push(...auditEvents.nodes);
      after = auditEvents.hasNextPage ? (auditEvents.endCursor ?? null) : null;
    } while (after && rows.length < EXPORT_LIMIT);
    const status = (s: string | null | undefined) => (s && s in STATUS_LABEL ? STATUS_LABEL[s as keyof typeof STATUS_LABEL] : (s ?? ''));
    const text = (value: string | null | undefined) => ({ value, text: true });
    return toCsv(
      ['When (plant time)', 'At (UTC)', 'Entity', 'Order', 'Customer', 'Action', 'From', 'To', 'By', 'For', 'Rules', 'Policy version', 'Comment'],
      rows.map((e) => [
        { value: formatInstant(e.at) }, { value: e.at }, text(e.entityLabel), text(e.orderNumber), text(e.customerName), { value: actionLabel(e.action) },
        { value: status(e.fromStatus) }, { value: status(e.toStatus) }, text(e.delegate ? e.delegate.name : (e.actor?.name ?? 'Takt (automatic)')),
        text(e.delegate ? e.actor?.name : ''), { value: e.rules.map((r) => RULE_LABEL[r]).join('; ') }, { value: e.policyVersion }, text(e.comment),
      ]),
    );
  }

  return { entries, more, loading, error, customers, snapshots, people, load, loadMore, loadCustomers, toggleSnapshot, exportCsv };
});
