import { describe, expect, it } from 'vitest';
import type { Actor } from '../../server/src/modules/auth/actor.ts';
import { ChangeOrderCommands } from '../../server/src/modules/change-order/change-order.service.ts';
import { Transitions, type TransitionBatch } from '../../server/src/modules/change-order/transitions.ts';
import { withPlantWrite } from '../../server/src/modules/events/write-path.ts';
import { ScheduleCache } from '../../server/src/modules/schedule/schedule.loader.ts';
import { sql } from '../support/database.ts';
import { buildPlant, todayUtc, workingDay } from '../support/factories.ts';
import { templateDatabase } from '../support/lifecycle.ts';
import { suiteNow } from '../support/suite-clock.ts';

const db = templateDatabase();

/**
 * The change-order lifecycle's subscribers are the ones it is given (services.ts assembles
 * notifications and webhooks): each hears of a write once, after the command, inside its transaction.
 */
describe('transition subscribers', () => {
  it('hear of all the transitions of a write at once, in order, with the change order as the write leaves it', async () => {
    const plant = await buildPlant(db.url, { orders: { A: { quantity: 1, dueInWorkingDays: 30 } } });
    const actor: Actor = { kind: 'user', userId: plant.userIds.PLANNER, role: 'PLANNER', plantId: plant.plantId, name: 'Planner' };
    const heard: { order: string; batch: TransitionBatch; inside: boolean }[] = [];
    const transitions = new Transitions([
      async (w, batch) => {
        // inside the write: the change order is visible here and not yet to another connection
        const others = await sql(db.url, 'select 1 from change_order where id = $1', [batch.changeOrders[0]!.co.id]);
        heard.push({ order: 'first', batch, inside: others.length === 0 });
      },
      async (_, batch) => {
        heard.push({ order: 'second', batch, inside: true });
      },
    ]);
    const deps = { clock: { now: () => suiteNow() }, schedules: new ScheduleCache(), transitions };
    // an AUTO-tier change (due later, into open capacity) is proposed and applied in one write
    const input = { orderId: plant.orders.A!.id, dueDate: workingDay(todayUtc(), 40), expectedOrderVersion: 1 };
    const { value: id } = await withPlantWrite(db.orm, plant.plantId, actor, (w) => new ChangeOrderCommands(deps).propose(w, actor, input, null));

    expect(heard.map((h) => h.order)).toEqual(['first', 'second']);
    expect(heard.every((h) => h.inside)).toBe(true);
    const [{ batch }] = heard as [(typeof heard)[0]];
    expect(batch.changeOrders).toHaveLength(1);
    expect(batch.changeOrders[0]!.co).toMatchObject({ id, status: 'APPLIED' });
    expect(batch.changeOrders[0]!.transitions.map((t) => [t.action, t.to])).toEqual([['PROPOSED', 'AUTO_APPROVED'], ['APPLIED', 'APPLIED']]);
    expect(batch.actorId).toBe(plant.userIds.PLANNER);
    expect(heard[1]!.batch).toBe(batch);
  });
});
