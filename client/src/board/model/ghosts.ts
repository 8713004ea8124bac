import type { BoardChangeOrderFragment } from '../../gql/graphql';
import { daysBetween } from '../../shared/dates';
import type { BoardData } from './board-data';

export type GhostTier = 'AUTO' | 'MANAGER' | 'OVERTIME' | 'INFEASIBLE';

/** A change order still waiting for a decision (PENDING or COUNTER_PROPOSED). */
export type OpenChangeOrder = BoardChangeOrderFragment;
export type PlannedJob = OpenChangeOrder['evaluation']['jobs'][number];

const TIER_RANK: Record<GhostTier, number> = { AUTO: 0, MANAGER: 1, OVERTIME: 2, INFEASIBLE: 3 };

export function higherTier(a: GhostTier | null, b: GhostTier): GhostTier {
  return a === null || TIER_RANK[b] > TIER_RANK[a] ? b : a;
}

/** A job as a pending change order would place it, drawn as a ghost block in its work center's row. */
export interface GhostJob {
  co: OpenChangeOrder;
  job: PlannedJob;
  firstColumn: number;
  lastColumn: number;
  clippedStart: boolean;
  clippedEnd: boolean;
}

export interface GhostIndex {
  jobsByWc: Map<string, GhostJob[]>;
  /** Extra load per `workCenterId|date` if every pending change were applied, with the highest tier. */
  loadByBucket: Map<string, { hours: number; tier: GhostTier }>;
}

/** The id of the pseudo change order that stands for the preview in the order panel. */
export const PREVIEW_ID = 'preview';

export const EMPTY_GHOSTS: GhostIndex = { jobsByWc: new Map(), loadByBucket: new Map() };

/**
 * Where pending change orders would land: the jobs their evaluation places differently from the
 * board (new, moved, longer or shorter), and the load they add to each bucket. Drawn "in place"
 * so everyone sees contested capacity before anyone decides.
 */
export function ghostIndex(open: readonly OpenChangeOrder[], board: BoardData): GhostIndex {
  if (open.length === 0) return EMPTY_GHOSTS;
  const columns = daysBetween(board.from, board.to) + 1;
  const current = new Map(board.jobs.map((j) => [j.id, j]));
  const jobsByWc = new Map<string, GhostJob[]>();
  const loadByBucket = new Map<string, { hours: number; tier: GhostTier }>();

  for (const co of open) {
    const tier = co.tier as GhostTier;
    for (const job of co.evaluation.jobs) {
      if (!job.start || !job.end) continue;
      const now = current.get(job.id);
      const same = now && now.start === job.start && now.end === job.end && now.workCenterId === job.workCenterId && Math.abs(now.hours - job.hours) < 1e-6;
      if (same) continue;
      const start = daysBetween(board.from, job.start) + 1;
      const end = daysBetween(board.from, job.end) + 1;
      if (end < 1 || start > columns) continue;
      let list = jobsByWc.get(job.workCenterId);
      if (!list) jobsByWc.set(job.workCenterId, (list = []));
      list.push({ co, job, firstColumn: Math.max(1, start), lastColumn: Math.min(columns, end), clippedStart: start < 1, clippedEnd: end > columns });
    }
    for (const b of co.evaluation.impact?.buckets ?? []) {
      const added = b.loadAfterHours - b.loadBeforeHours;
      if (added <= 1e-6 || b.date < board.from || b.date > board.to) continue;
      const key = `${b.workCenterId}|${b.date}`;
      const prev = loadByBucket.get(key);
      loadByBucket.set(key, { hours: (prev?.hours ?? 0) + added, tier: higherTier(prev?.tier ?? null, tier) });
    }
  }
  return { jobsByWc, loadByBucket };
}
