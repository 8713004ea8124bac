import type { EntityManager } from '@mikro-orm/postgresql';
import { evaluateChange, toDay, type Change, type Evaluation, type Schedule } from '../../engine/index.ts';
import type { ChangeOrderInput } from '../../../../schema/generated/server.ts';
import type { Actor } from '../auth/actor.ts';
import { AppError } from '../../shared/errors.ts';
import { todayIn } from '../../shared/dates.ts';
import type { Clock } from '../../shared/clock.ts';
import { plantById } from '../plant/plant.service.ts';
import { currentPolicy, toEnginePolicy } from '../policy/policy.service.ts';
import type { ScheduleCache } from '../schedule/schedule.loader.ts';
import { assertMayMoveJobs, parseChangeInput, type ParsedChange } from './change-input.ts';

export interface PreviewResult {
  evaluation: Evaluation;
  parsed: ParsedChange;
  /** The plant event sequence the evaluation saw. */
  seq: number;
  /** The plant-local date the evaluation took as today, and the plant's time zone. */
  today: string;
  timeZone: string;
}

/**
 * Evaluates a change against the live schedule and current policy, writing nothing. `lockedSeq`
 * when called inside the plant's write transaction (the apply path): the event sequence the lock
 * read (`PlantWrite.seq`), so that the schedule read is the one the lock protects.
 */
export async function evaluateInput(
  em: EntityManager,
  deps: EvaluationDeps,
  actor: Actor,
  input: ChangeOrderInput,
  lockedSeq: number | null = null,
): Promise<PreviewResult> {
  const { seq, schedule } = await scheduleOf(em, deps, actor.plantId, lockedSeq);
  const parsed = await parseChangeInput(em, actor.plantId, schedule, input);
  assertMayMoveJobs(actor.role, parsed.change);
  const { evaluation, today, timeZone } = await evaluateStoredChange(em, deps, actor.plantId, parsed.change, lockedSeq, schedule);
  return { evaluation, parsed, seq, today, timeZone };
}

/**
 * Evaluates a proposal before its write takes the plant lock, so that the lock is not held for
 * the schedule, plant and policy reads when nothing commits in between (see `stillCurrent`).
 * Null when the input fails: the evaluation under the lock then decides, and reports, as before.
 */
export async function evaluateBeforeLock(em: EntityManager, deps: EvaluationDeps, actor: Actor, input: ChangeOrderInput): Promise<PreviewResult | null> {
  try {
    return await evaluateInput(em, deps, actor, input);
  } catch (err) {
    if (err instanceof AppError) return null;
    throw err;
  }
}

/**
 * Whether an evaluation made before the lock is exactly the one the lock would make (docs/product.md §5:
 * apply re-evaluates under the lock). Every write to what an evaluation reads — orders, jobs and
 * allocations, the policy, the plant's calendar and catalogue — commits board events, so an
 * unchanged event sequence (read under the lock, `lockedSeq`) means unchanged inputs; the
 * evaluation read the sequence before anything else. Only "today" moves by itself: it must still
 * be the same date in the plant's time zone.
 */
export function stillCurrent(early: PreviewResult, lockedSeq: number, now: Date): boolean {
  return early.seq === lockedSeq && todayIn(early.timeZone, now) === early.today;
}

export interface EvaluationDeps {
  clock: Clock;
  schedules: ScheduleCache;
}

/**
 * Evaluates an already-parsed change (a stored request, re-evaluated on apply) against the
 * schedule and policy as they are now. The plant,
 * policy and schedule reads are independent, so they run at once; a caller that already holds
 * the current schedule passes it. Returns the plant-local `today` it used and the plant's time zone.
 */
export async function evaluateStoredChange(
  em: EntityManager,
  deps: EvaluationDeps,
  plantId: string,
  change: Change,
  lockedSeq: number | null,
  current?: Schedule,
): Promise<{ evaluation: Evaluation; today: string; timeZone: string }> {
  const [plant, schedule, stored] = await Promise.all([
    plantById(em, deps.clock, plantId),
    current ?? scheduleOf(em, deps, plantId, lockedSeq).then((r) => r.schedule),
    currentPolicy(em, plantId),
  ]);
  const policy = toEnginePolicy(stored, plant.shipBufferDays);
  return { evaluation: evaluateChange(schedule, policy, change, toDay(plant.today)), today: plant.today, timeZone: plant.timeZone };
}

function scheduleOf(em: EntityManager, deps: EvaluationDeps, plantId: string, lockedSeq: number | null) {
  return lockedSeq === null ? deps.schedules.get(em, plantId) : deps.schedules.get(em, plantId, true, lockedSeq);
}
