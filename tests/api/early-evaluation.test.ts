import { describe, expect, it } from 'vitest';
import type { Actor } from '../../server/src/modules/auth/actor.ts';
import { ChangeOrderCommands } from '../../server/src/modules/change-order/change-order.service.ts';
import { evaluateBeforeLock, type PreviewResult } from '../../server/src/modules/change-order/preview.service.ts';
import { withPlantWrite } from '../../server/src/modules/events/write-path.ts';
import { ScheduleCache } from '../../server/src/modules/schedule/schedule.loader.ts';
import { changeOrderTransitions } from '../../server/src/services.ts';
import { sql } from '../support/database.ts';
import { templateDatabase } from '../support/lifecycle.ts';
import { buildPlant, todayUtc, workingDay, type FactoryPlant } from '../support/factories.ts';
import { suiteNow } from '../support/suite-clock.ts';

const db = templateDatabase();

/** A planner's world: an open plant with one order, commands over a movable clock. */
async function world() {
  const plant: FactoryPlant = await buildPlant(db.url, { orders: { A: { quantity: 1, dueInWorkingDays: 30 } } });
  let now = suiteNow();
  const deps = { clock: { now: () => now }, schedules: new ScheduleCache(), transitions: changeOrderTransitions() };
  const actor: Actor = { kind: 'user', userId: plant.userIds.PLANNER, role: 'PLANNER', plantId: plant.plantId, name: 'Planner' };
  const input = { orderId: plant.orders.A!.id, dueDate: workingDay(todayUtc(), 40), expectedOrderVersion: 1 }; // a new order is at version 1
  const commands = new ChangeOrderCommands(deps);
  // An early evaluation marked so that its use shows: the real one applies at once (AUTO tier).
  const marked = async (): Promise<PreviewResult> => {
    const early = (await evaluateBeforeLock(db.orm.em.fork(), deps, actor, input))!;
    expect(early.evaluation.tier).toBe('AUTO');
    return { ...early, evaluation: { ...early.evaluation, tier: 'INFEASIBLE', infeasibleReason: 'the early evaluation', laneRoles: {} } };
  };
  const propose = async (early: PreviewResult) => {
    const { value } = await withPlantWrite(db.orm, plant.plantId, actor, (w) => commands.propose(w, actor, input, null, early));
    const [co] = await sql<{ status: string; reason: string | null }>(db.url, 'select status, status_reason as reason from change_order where id = $1', [value]);
    return co!;
  };
  const commitSomething = () => withPlantWrite(db.orm, plant.plantId, null, async (w) => w.emit({ type: 'BOARD_RESET', reason: 'a concurrent write' }));
  return { marked, propose, commitSomething, nextDay: () => (now = new Date(now.getTime() + 86_400_000)) };
}

describe('a proposal evaluated before the plant lock', () => {
  it('records the early evaluation when nothing committed between it and the lock', async () => {
    const w = await world();
    expect(await w.propose(await w.marked())).toEqual({ status: 'INFEASIBLE', reason: 'the early evaluation' });
  });

  it('is evaluated again under the lock when another write committed in between', async () => {
    const w = await world();
    const early = await w.marked();
    await w.commitSomething();
    expect(await w.propose(early)).toEqual({ status: 'APPLIED', reason: null });
  });

  it('is evaluated again under the lock when the plant-local date turned in between', async () => {
    const w = await world();
    const early = await w.marked();
    w.nextDay();
    expect((await w.propose(early)).status).toBe('APPLIED');
  });

  it('leaves bad input to the evaluation under the lock, which reports it', async () => {
    const plant = await buildPlant(db.url);
    const actor: Actor = { kind: 'user', userId: plant.userIds.PLANNER, role: 'PLANNER', plantId: plant.plantId, name: 'Planner' };
    const deps = { clock: { now: () => new Date() }, schedules: new ScheduleCache(), transitions: changeOrderTransitions() };
    const input = { orderId: 'not-an-id', dueDate: workingDay(todayUtc(), 40) };
    expect(await evaluateBeforeLock(db.orm.em.fork(), deps, actor, input)).toBeNull();
    await expect(withPlantWrite(db.orm, plant.plantId, actor, (w) => new ChangeOrderCommands(deps).propose(w, actor, input, null, null)))
      .rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
