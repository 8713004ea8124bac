import type { EntityManager } from '@mikro-orm/postgresql';
import { evaluateChange, toDay, type Change, type Evaluation, type Schedule } from '../../engine/index.ts';
import type { ChangeOrderInput } from '../../../../schema/generated/server.ts';
import type { Actor } from '../auth/actor.ts';
import type { Clock } from '../shared/clock.ts';
import { plantById } from '../plant/plant.service.ts';
import { currentPolicy, toEnginePolicy } from '../policy/policy.service.ts';
import type { ScheduleCache } from '../schedule/schedule.loader.ts';
import { assertMayMoveJobs, parseChangeInput, type ParsedChange } from './change-input.ts';

export interface PreviewResult {
  evaluation: Evaluation;
  parsed: ParsedChange;
  /** The plant event sequence the evaluation saw. */
  seq: number;
  /** The plant-local date the evaluation took as today. */
  today: string;
}

/**
 * Evaluates a change against the live schedule and current policy, writing nothing. `locked`
 * when called inside the plant's write transaction (the apply path), so that the schedule read
 * is the one the lock protects.
 */
export async function evaluateInput(
  em: EntityManager,
  deps: EvaluationDeps,
  actor: Actor,
  input: ChangeOrderInput,
  locked = false,
): Promise<PreviewResult> {
  const { seq, schedule } = await deps.schedules.get(em, actor.plantId, locked);
  const parsed = await parseChangeInput(em, actor.plantId, schedule, input);
  assertMayMoveJobs(actor.role, parsed.change);
  const { evaluation, today } = await evaluateStoredChange(em, deps, actor.plantId, parsed.change, locked, schedule);
  return { evaluation, parsed, seq, today };
}

export interface EvaluationDeps {
  clock: Clock;
  schedules: ScheduleCache;
}

/**
 * Evaluates an already-parsed change (a stored request, re-evaluated on apply) against the
 * schedule and policy as they are now. Returns the plant-local `today` it used. The plant,
 * policy and schedule reads are independent, so they run at once; a caller that already holds
 * the current schedule passes it.
 */
export async function evaluateStoredChange(
  em: EntityManager,
  deps: EvaluationDeps,
  plantId: string,
  change: Change,
  locked: boolean,
  current?: Schedule,
): Promise<{ evaluation: Evaluation; today: string }> {
  const [plant, schedule, stored] = await Promise.all([
    plantById(em, deps.clock, plantId),
    current ?? deps.schedules.get(em, plantId, locked).then((r) => r.schedule),
    currentPolicy(em, plantId),
  ]);
  const policy = toEnginePolicy(stored, plant.shipBufferDays);
  return { evaluation: evaluateChange(schedule, policy, change, toDay(plant.today)), today: plant.today };
}
