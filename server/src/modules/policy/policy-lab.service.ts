import type { EntityManager } from '@mikro-orm/postgresql';
import { type Change, fromDay, hours, replayPresent, toDay } from '../../engine/index.ts';
import type { PolicyPresent } from '../../../../schema/generated/server.ts';
import { badInput } from '../../shared/errors.ts';
import { addDays, daysBetween } from '../../shared/dates.ts';
import type { Clock } from '../../shared/clock.ts';
import { plantById } from '../plant/plant.service.ts';
import type { ScheduleCache } from '../schedule/schedule.loader.ts';
import { currentPolicy, defaultReplayPeriod, draftPolicy, type PolicyChanges, toEnginePolicy } from './policy.service.ts';
import { historyComparison, laneRolesDto, type PolicyReplayDto } from './replay.history.ts';

// The policy lab's two questions (docs/product.md §4.4), read-only: what a draft would have done
// to the plant's history, and what it would do to the live schedule.

/** The longest period one replay reads. */
const MAX_REPLAY_DAYS = 366;
/** How far ahead the live buckets are compared. */
const PRESENT_WEEKS = 8;

/** The `policyReplay` query: the period's change orders under the current rules and the draft. */
export async function policyReplay(
  em: EntityManager,
  clock: Clock,
  plantId: string,
  changes: PolicyChanges,
  range: { from?: string | null; to?: string | null },
): Promise<PolicyReplayDto> {
  const [plant, stored] = await Promise.all([plantById(em, clock, plantId), currentPolicy(em, plantId)]);
  const draft = await draftPolicy(em, plantId, stored, changes, plant.shipBufferDays);
  const to = range.to ?? plant.today;
  const from = range.from ?? defaultReplayPeriod(to).from;
  if (from > to) throw badInput(`The period starts (${from}) after it ends (${to}).`, 'from');
  if (daysBetween(from, to) >= MAX_REPLAY_DAYS) throw badInput(`A replay reads at most ${MAX_REPLAY_DAYS} days; ${from} to ${to} is longer.`, 'from');
  return historyComparison(em, plantId, toEnginePolicy(stored, plant.shipBufferDays), draft, { from, to }, clock.now());
}

/** The `policyPresent` query: pending change orders and live buckets under the current rules and the draft. */
export async function policyPresent(
  em: EntityManager,
  deps: { clock: Clock; schedules: ScheduleCache },
  plantId: string,
  changes: PolicyChanges,
): Promise<PolicyPresent> {
  const [plant, stored, { schedule }, pending] = await Promise.all([
    plantById(em, deps.clock, plantId),
    currentPolicy(em, plantId),
    deps.schedules.get(em, plantId),
    em.execute<{ id: string; number: string; change: Change }[]>(
      `select id, number, request->'change' as change from change_order where plant_id = ? and status = 'PENDING' order by created_at, id`,
      [plantId],
    ),
  ]);
  const today = toDay(plant.today);
  const draft = await draftPolicy(em, plantId, stored, changes, plant.shipBufferDays);
  const present = replayPresent(schedule, toEnginePolicy(stored, plant.shipBufferDays), draft, pending, today, {
    from: today + 1,
    to: toDay(addDays(plant.today, PRESENT_WEEKS * 7)),
  });
  return {
    pending: present.pending.map((p) => ({
      changeOrderId: p.id,
      number: p.number,
      currentTier: p.currentTier,
      draftTier: p.draftTier,
      currentLanes: laneRolesDto(p.currentLaneRoles),
      draftLanes: laneRolesDto(p.draftLaneRoles),
    })),
    buckets: present.buckets.map((b) => ({
      workCenterId: b.workCenterId,
      workCenterCode: b.workCenterCode,
      date: fromDay(b.day),
      loadHours: hours(b.loadMinutes),
      capacityHours: hours(b.capacityMinutes),
      utilizationPct: b.utilizationPct,
      currentTier: b.currentTier,
      draftTier: b.draftTier,
    })),
  };
}
