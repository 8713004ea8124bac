import { dateRange, daysBetween, weekday, type IsoDate } from '../../shared/dates';
import type { BoardData, Job, Order, WorkCenter } from './board-data';
import { EMPTY_GHOSTS, higherTier, type GhostIndex, type GhostJob, type GhostTier } from './ghosts';
import { DEFAULT_THRESHOLDS, utilizationLevel, type Thresholds, type UtilizationLevel } from '../../shared/utilization';

export interface DayColumn {
  date: IsoDate;
  /** 1-based CSS grid column among the day columns. */
  index: number;
  weekend: boolean;
}

export interface BucketCell {
  date: IsoDate;
  column: number;
  /** Day columns covered: 1, or up to 7 when the board is zoomed to weeks. */
  span: number;
  capacityHours: number;
  loadHours: number;
  overtimeHours: number;
  utilization: number;
  level: UtilizationLevel;
  /** Load that pending change orders would add here (ghost load), and the highest tier among them. */
  ghostHours: number;
  ghostTier: GhostTier | null;
}

export interface PlacedJob {
  job: Job;
  order: Order | undefined;
  /** First and last day column covered (1-based, clamped to the range). */
  firstColumn: number;
  lastColumn: number;
  /** The job started before / ends after the visible range. */
  clippedStart: boolean;
  clippedEnd: boolean;
  /** The job ends after its order's due date. */
  late: boolean;
  /** 0-based lane inside its row, so overlapping jobs never cover each other. */
  lane: number;
}

export interface BoardRow {
  workCenter: WorkCenter;
  cells: BucketCell[];
  jobs: PlacedJob[];
  lanes: number;
  /** Pending change orders' jobs in this row, in their own lanes above the jobs. */
  ghosts: (GhostJob & { lane: number })[];
  ghostLanes: number;
  capacityHours: number;
  loadHours: number;
  overloadedDays: number;
}

export function dayColumns(from: IsoDate, to: IsoDate): DayColumn[] {
  return dateRange(from, to).map((date, i) => ({ date, index: i + 1, weekend: weekday(date) === 0 || weekday(date) === 6 }));
}

/**
 * Greedy interval partitioning: jobs sorted by start take the first lane that is free by then.
 * O(n log n + n × lanes), which stays small because lanes are bounded by concurrent jobs.
 */
export function assignLanes<T extends { firstColumn: number; lastColumn: number }>(placed: T[]): { jobs: (T & { lane: number })[]; lanes: number } {
  // sorted and laned in place: the board builds these objects itself, one per job, per response
  const jobs = placed.sort((a, b) => a.firstColumn - b.firstColumn || b.lastColumn - a.lastColumn) as (T & { lane: number })[];
  const laneEnds: number[] = [];
  for (const p of jobs) {
    let lane = laneEnds.findIndex((end) => end < p.firstColumn);
    if (lane === -1) {
      lane = laneEnds.length;
      laneEnds.push(p.lastColumn);
    } else {
      laneEnds[lane] = p.lastColumn;
    }
    p.lane = lane;
  }
  return { jobs, lanes: laneEnds.length };
}

/**
 * Turns a board response into rows ready to render: one pass over buckets and one over jobs,
 * each indexed by map lookups, so the cost is O(buckets + jobs log jobs), never jobs × cells.
 */
export function buildRows(board: BoardData, thresholds: Thresholds = DEFAULT_THRESHOLDS, ghostIdx: GhostIndex = EMPTY_GHOSTS): BoardRow[] {
  const { from, to } = board;
  const columns = daysBetween(from, to) + 1;
  const orderById = new Map(board.orders.map((o) => [o.id, o]));

  const cellsByWc = new Map<string, BucketCell[]>();
  for (const b of board.buckets) {
    const column = daysBetween(from, b.date) + 1;
    if (column < 1 || column > columns) continue;
    let cells = cellsByWc.get(b.workCenterId);
    if (!cells) cellsByWc.set(b.workCenterId, (cells = []));
    const ghost = ghostIdx.loadByBucket.get(`${b.workCenterId}|${b.date}`);
    cells.push({
      date: b.date,
      column,
      span: 1,
      capacityHours: b.capacityHours,
      loadHours: b.loadHours,
      overtimeHours: b.overtimeHours,
      utilization: b.utilization,
      level: utilizationLevel(b.capacityHours, b.loadHours, b.utilization, thresholds),
      ghostHours: ghost?.hours ?? 0,
      ghostTier: ghost?.tier ?? null,
    });
  }

  const jobsByWc = new Map<string, Omit<PlacedJob, 'lane'>[]>();
  for (const job of board.jobs) {
    const start = daysBetween(from, job.start) + 1;
    const end = daysBetween(from, job.end) + 1;
    if (end < 1 || start > columns) continue;
    let list = jobsByWc.get(job.workCenterId);
    if (!list) jobsByWc.set(job.workCenterId, (list = []));
    const order = orderById.get(job.orderId);
    list.push({
      job,
      order,
      late: order !== undefined && job.end > order.dueDate,
      firstColumn: Math.max(1, start),
      lastColumn: Math.min(columns, end),
      clippedStart: start < 1,
      clippedEnd: end > columns,
    });
  }

  return board.workCenters.map((workCenter) => {
    const cells = (cellsByWc.get(workCenter.id) ?? []).sort((a, b) => a.column - b.column);
    const { jobs, lanes } = assignLanes(jobsByWc.get(workCenter.id) ?? []);
    const ghostLaid = assignLanes(ghostIdx.jobsByWc.get(workCenter.id) ?? []);
    let capacityHours = 0;
    let loadHours = 0;
    let overloadedDays = 0;
    for (const c of cells) {
      capacityHours += c.capacityHours;
      loadHours += c.loadHours;
      if (c.level === 'over') overloadedDays += 1;
    }
    return { workCenter, cells, jobs, lanes, ghosts: ghostLaid.jobs, ghostLanes: ghostLaid.lanes, capacityHours, loadHours, overloadedDays };
  });
}

export interface BoardTotals {
  capacityHours: number;
  loadHours: number;
  overloadedBuckets: number;
  jobs: number;
  lateJobs: number;
}

export function totals(rows: BoardRow[]): BoardTotals {
  const t: BoardTotals = { capacityHours: 0, loadHours: 0, overloadedBuckets: 0, jobs: 0, lateJobs: 0 };
  for (const row of rows) {
    t.capacityHours += row.capacityHours;
    t.loadHours += row.loadHours;
    t.overloadedBuckets += row.overloadedDays;
    t.jobs += row.jobs.length;
    for (const placed of row.jobs) if (placed.late) t.lateJobs += 1;
  }
  return t;
}

export interface WeekGroup {
  /** Monday of the week (or the first day shown). */
  first: IsoDate;
  column: number;
  span: number;
}

/** Consecutive day columns grouped by ISO week, for the header's week row. */
export function weekGroups(columns: DayColumn[]): WeekGroup[] {
  const groups: WeekGroup[] = [];
  for (const c of columns) {
    const last = groups[groups.length - 1];
    if (last && weekday(c.date) !== 1) last.span += 1;
    else groups.push({ first: c.date, column: c.index, span: 1 });
  }
  return groups;
}

/** Lanes a collapsed row shows; the last of them holds "+N" counts of the jobs that do not fit. */
export const COLLAPSED_LANES = 5;

export interface RowView {
  jobs: PlacedJob[];
  /** Per day column, how many jobs are hidden in the collapsed row. */
  hidden: { column: number; count: number }[];
  lanes: number;
  collapsible: boolean;
}

/**
 * What a row renders: all lanes when expanded; otherwise the first lanes and, in the last visible
 * lane, the number of hidden jobs per day (like a calendar's "+3 more"), so a busy work center
 * does not push every other row off screen.
 */
export function rowView(row: BoardRow, expanded: boolean, pinnedOrderId: string | null = null): RowView {
  const collapsible = row.lanes > COLLAPSED_LANES;
  if (!collapsible || expanded) return { jobs: row.jobs, hidden: [], lanes: Math.max(1, row.lanes), collapsible };
  const keep = COLLAPSED_LANES - 1;
  const counts = new Map<number, number>();
  const jobs: PlacedJob[] = [];
  const pinnedColumns = new Set<number>();
  for (const p of row.jobs) {
    if (p.lane < keep) {
      jobs.push(p);
      continue;
    }
    // the selected order's routing stays visible: drawn in the last lane, over the counts
    if (p.job.orderId === pinnedOrderId) {
      jobs.push({ ...p, lane: keep });
      for (let c = p.firstColumn; c <= p.lastColumn; c++) pinnedColumns.add(c);
      continue;
    }
    for (let c = p.firstColumn; c <= p.lastColumn; c++) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  const hidden = [...counts]
    .filter(([column]) => !pinnedColumns.has(column))
    .map(([column, count]) => ({ column, count }))
    .sort((a, b) => a.column - b.column);
  return { jobs, hidden, lanes: COLLAPSED_LANES, collapsible };
}
/**
 * Day buckets summed per ISO week (Monday to Sunday, clipped to the range) for the week zoom:
 * utilization of a week = its load over its capacity, coloured by the same thresholds.
 */
export function weekCells(cells: readonly BucketCell[], columns: readonly DayColumn[], thresholds: Thresholds = DEFAULT_THRESHOLDS): BucketCell[] {
  const out: BucketCell[] = [];
  let current: BucketCell | null = null;
  const byColumn = new Map(cells.map((c) => [c.column, c]));
  for (const col of columns) {
    if (!current || weekday(col.date) === 1) {
      if (current) out.push(current);
      current = { date: col.date, column: col.index, span: 0, capacityHours: 0, loadHours: 0, overtimeHours: 0, utilization: 0, level: 'off', ghostHours: 0, ghostTier: null };
    }
    current.span += 1;
    const c = byColumn.get(col.index);
    if (!c) continue;
    current.capacityHours += c.capacityHours;
    current.loadHours += c.loadHours;
    current.overtimeHours += c.overtimeHours;
    current.ghostHours += c.ghostHours;
    if (c.ghostTier) current.ghostTier = higherTier(current.ghostTier, c.ghostTier);
  }
  if (current) out.push(current);
  for (const w of out) {
    w.utilization = w.capacityHours > 0 ? w.loadHours / w.capacityHours : 0;
    w.level = utilizationLevel(w.capacityHours, w.loadHours, w.utilization, thresholds);
  }
  return out;
}
