import { computed, watch, type Ref } from 'vue';
import { useRoute, useRouter, type LocationQuery } from 'vue-router';
import { DEFAULT_WEEKS, useBoardStore, WEEK_OPTIONS, type Zoom } from './model/board.store';
import { COLOR_BY_LABEL, FILTER_LABEL, useBoardViewStore, type CellNumbers, type ColorBy, type OrderFilter } from './model/board-view.store';

/**
 * The board's shareable state in its URL (docs/product.md §9): the open order (`order`), the open
 * change order (`co`), the filter (`show`, `wc`, `color`, `cells`) and the zoom and span (`zoom`,
 * `weeks`). A link opens the same view; back and forward step through it. Defaults stay out of the
 * URL, so a plain `/` is the plain board.
 */
interface UrlState {
  order: string | null;
  co: string | null;
  show: OrderFilter;
  wc: string | null;
  color: ColorBy;
  cells: CellNumbers;
  zoom: Zoom;
  weeks: number | null;
}

const one = (q: LocationQuery, key: string) => (typeof q[key] === 'string' ? (q[key] as string) : null);
const oneOf = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T =>
  value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;

function parse(q: LocationQuery): UrlState {
  const weeks = Number(one(q, 'weeks'));
  return {
    order: one(q, 'order'),
    co: one(q, 'co'),
    show: oneOf(one(q, 'show'), Object.keys(FILTER_LABEL) as OrderFilter[], 'all'),
    wc: one(q, 'wc'),
    color: oneOf(one(q, 'color'), Object.keys(COLOR_BY_LABEL) as ColorBy[], 'none'),
    cells: oneOf(one(q, 'cells'), ['percent', 'hours'], 'percent'),
    zoom: oneOf(one(q, 'zoom'), ['day', 'week'], 'day'),
    weeks: (WEEK_OPTIONS as readonly number[]).includes(weeks) ? weeks : null,
  };
}

function serialize(s: UrlState): Record<string, string> {
  const q: Record<string, string> = {};
  if (s.order) q.order = s.order;
  if (s.co) q.co = s.co;
  if (s.show !== 'all') q.show = s.show;
  if (s.wc) q.wc = s.wc;
  if (s.color !== 'none') q.color = s.color;
  if (s.cells !== 'percent') q.cells = s.cells;
  if (s.zoom !== 'day') q.zoom = s.zoom;
  if (s.weeks !== null) q.weeks = String(s.weeks);
  return q;
}

const same = (a: Record<string, string>, b: Record<string, string>) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);

/**
 * Keeps the stores and the URL in step both ways. `openChangeOrder` opens a change order's ghost
 * (when it is drawn on the board); `openCo` is the one open now, if any.
 */
export function useBoardUrl(opts: { openCo: Ref<string | null>; openChangeOrder: (id: string | null) => void; reveal: (orderId: string) => void }): void {
  const route = useRoute();
  const router = useRouter();
  const board = useBoardStore();
  const view = useBoardViewStore();

  const current = computed<UrlState>(() => ({
    order: board.selectedOrderId,
    co: opts.openCo.value,
    show: view.filter,
    wc: board.workCenterShown,
    color: view.colorBy,
    cells: view.cellNumbers,
    zoom: board.zoom,
    weeks: board.weeks !== DEFAULT_WEEKS ? board.weeks : null,
  }));

  /** Scrolls to an order once the board is there (a link opens before the board has loaded). */
  function revealWhenLoaded(orderId: string): void {
    if (board.data) return opts.reveal(orderId);
    const stop = watch(() => board.data, (data) => {
      if (!data) return;
      stop();
      if (board.selectedOrderId === orderId) opts.reveal(orderId);
    });
  }

  /** Applies the URL to the stores: on load, and when back/forward changes it. */
  function apply(s: UrlState): void {
    view.filter = s.show;
    view.colorBy = s.color;
    view.cellNumbers = s.cells;
    board.workCenterShown = s.wc;
    if (board.zoom !== s.zoom) board.setZoom(s.zoom);
    if (s.weeks !== null && board.data && s.weeks !== board.weeks) void board.setWeeks(s.weeks);
    if (s.order !== board.selectedOrderId) {
      if (s.order) {
        board.focusOrder(s.order);
        revealWhenLoaded(s.order);
      } else board.selectOrder(null);
    }
    if (s.co !== opts.openCo.value) opts.openChangeOrder(s.co);
  }

  apply(parse(route.query));

  watch(() => route.query, (q) => {
    const wanted = parse(q);
    if (!same(serialize(wanted), serialize(current.value))) apply(wanted);
  });

  // A new order or change order opened is a step back can undo; the rest replaces the entry.
  watch(current, (now, before) => {
    const next = serialize(now);
    if (same(next, serialize(parse(route.query)))) return;
    const step = now.order !== before.order || now.co !== before.co;
    void (step ? router.push({ query: next }) : router.replace({ query: next }));
  });
}
