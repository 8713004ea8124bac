import { isWorkCenterWorkingDay } from './calendar.ts';
import type { ChangeStep } from './changes.ts';
import type { Day } from './dates.ts';
import type { LoadWriter } from './load.ts';
import { loadBackward, loadForward } from './loading.ts';
import { type ChainBounds, type ChainResult, sum, toJob } from './planning.ts';
import { requireWorkCenter, type Schedule } from './schedule.ts';
import type { Allocation } from './types.ts';

/**
 * MOVE_JOB: places step `movedIndex` forward from `startDay` (finite loading); it must start on
 * `startDay` (or the work center's next working day), so a day without room under the tier's
 * ceiling fails this tier rather than sliding the job. Then it disturbs the rest of the order as little as possible: a step whose
 * minutes did not change and that still respects the chain stays where it is; a predecessor that
 * now overlaps is re-placed backward to end before its successor starts; a successor that now
 * overlaps is re-placed forward from the day after its predecessor ends. The last step must still
 * end by `bounds.endBound`. Other orders are never touched.
 */
export function planMove(
  schedule: Schedule,
  load: LoadWriter,
  orderId: string,
  steps: readonly ChangeStep[],
  movedIndex: number,
  startDay: Day,
  bounds: ChainBounds,
): ChainResult {
  const placed: Allocation[][] = steps.map(() => []);
  const fail = (i: number): ChainResult => ({ ok: false, failedSeq: steps[i]!.seq, workCenterId: steps[i]!.workCenterId });

  const moved = steps[movedIndex]!;
  const movedAllocations = loadForward(
    requireWorkCenter(schedule, moved.workCenterId),
    load,
    moved.minutes,
    Math.max(startDay, bounds.firstDay),
    bounds.ceiling,
    bounds.horizonEnd,
  );
  if (movedAllocations === null) return fail(movedIndex);
  // The planner dropped the job on a day: it must start there, so a full day escalates the tier
  // instead of silently sliding the job later.
  const wantedStart = firstWorkingDayFrom(schedule, moved.workCenterId, Math.max(startDay, bounds.firstDay), bounds.horizonEnd);
  if (movedAllocations.length > 0 && movedAllocations[0]!.day !== wantedStart) {
    for (const a of movedAllocations) load.add(moved.workCenterId, a.day, -a.minutes);
    return fail(movedIndex);
  }
  placed[movedIndex] = movedAllocations;

  // Predecessors, nearest first: each must end before the next one starts.
  let nextStart = firstDay(movedAllocations) ?? startDay;
  for (let i = movedIndex - 1; i >= 0; i--) {
    const step = steps[i]!;
    const wc = requireWorkCenter(schedule, step.workCenterId);
    const kept = keepable(step);
    let allocations: Allocation[] | null;
    if (kept !== null && (kept.length === 0 || kept[kept.length - 1]!.day < nextStart)) {
      allocations = [...kept];
      for (const a of allocations) load.add(wc.id, a.day, a.minutes);
    } else {
      const minutes = kept === null ? step.minutes : sum(kept);
      allocations = loadBackward(wc, load, minutes, nextStart - 1, bounds.ceiling, bounds.firstDay);
    }
    if (allocations === null) return fail(i);
    placed[i] = allocations;
    nextStart = firstDay(allocations) ?? nextStart;
  }

  // Successors: each must start after the previous one ends.
  let prevEnd = lastDay(movedAllocations) ?? startDay - 1;
  for (let i = movedIndex + 1; i < steps.length; i++) {
    const step = steps[i]!;
    const wc = requireWorkCenter(schedule, step.workCenterId);
    const kept = keepable(step);
    let allocations: Allocation[] | null;
    if (kept !== null && (kept.length === 0 || kept[0]!.day > prevEnd)) {
      allocations = [...kept];
      for (const a of allocations) load.add(wc.id, a.day, a.minutes);
    } else {
      const minutes = kept === null ? step.minutes : sum(kept);
      allocations = loadForward(wc, load, minutes, prevEnd + 1, bounds.ceiling, bounds.horizonEnd);
    }
    if (allocations === null) return fail(i);
    placed[i] = allocations;
    prevEnd = lastDay(allocations) ?? prevEnd;
  }

  const jobs = steps.map((step, i) => toJob(orderId, step, placed[i]!));
  let endDay: Day | null = null;
  for (const allocations of placed) {
    const last = lastDay(allocations);
    if (last !== null) endDay = endDay === null ? last : Math.max(endDay, last);
  }
  if (endDay !== null && endDay > bounds.endBound) return fail(steps.length - 1);
  return { ok: true, jobs, endDay };
}

function firstWorkingDayFrom(schedule: Schedule, workCenterId: string, from: Day, until: Day): Day | null {
  const wc = requireWorkCenter(schedule, workCenterId);
  for (let day = from; day <= until; day++) if (isWorkCenterWorkingDay(wc, day)) return day;
  return null;
}

/** The allocations a step may keep: its current ones when its minutes did not change. */
function keepable(step: ChangeStep): readonly Allocation[] | null {
  if (step.mode === 'KEEP') return step.keep;
  return step.unchanged ? step.current : null;
}

function firstDay(allocations: readonly Allocation[]): Day | null {
  return allocations.length === 0 ? null : allocations[0]!.day;
}

function lastDay(allocations: readonly Allocation[]): Day | null {
  return allocations.length === 0 ? null : allocations[allocations.length - 1]!.day;
}
