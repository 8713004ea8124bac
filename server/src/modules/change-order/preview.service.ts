import type { EntityManager } from '@mikro-orm/postgresql';
import { evaluateChange, toDay, type Evaluation } from '../../engine/index.ts';
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
}

/**
 * Evaluates a change against the live schedule and current policy, writing nothing. `locked`
 * when called inside the plant's write transaction (the apply path), so that the schedule read
 * is the one the lock protects.
 */
export async function evaluateInput(
  em: EntityManager,
  deps: { clock: Clock; schedules: ScheduleCache },
  actor: Actor,
  input: ChangeOrderInput,
  locked = false,
): Promise<PreviewResult> {
  const plant = await plantById(em, deps.clock, actor.plantId);
  const { seq, schedule } = await deps.schedules.get(em, actor.plantId, locked);
  const parsed = await parseChangeInput(em, actor.plantId, schedule, input);
  assertMayMoveJobs(actor.role, parsed.change);
  const policy = toEnginePolicy(await currentPolicy(em, actor.plantId), plant.shipBufferDays);
  const evaluation = evaluateChange(schedule, policy, parsed.change, toDay(plant.today));
  return { evaluation, parsed, seq };
}
