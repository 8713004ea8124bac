import { describe, expect, it } from 'vitest';
import type { Actor } from '../../server/src/modules/auth/actor.ts';
import { ChangeOrderCommands } from '../../server/src/modules/change-order/change-order.service.ts';
import { withPlantWrite } from '../../server/src/modules/events/write-path.ts';
import { capacityReport } from '../../server/src/modules/report/report.service.ts';
import { ScheduleCache } from '../../server/src/modules/schedule/schedule.loader.ts';
import { changeOrderTransitions } from '../../server/src/services.ts';
import { escalateOverdue, overdueLanes } from '../../server/src/modules/sla/sla.escalation.ts';
import { addDays } from '../../server/src/shared/dates.ts';
import { ANY_DAY } from '../support/any-day.ts';
import { sql } from '../support/database.ts';
import { buildPlant } from '../support/factories.ts';
import { templateDatabase } from '../support/lifecycle.ts';

/**
 * The date-sensitive server paths, run "as of" each of the any-day dates with an injected clock
 * (no server, no sleeping): the capacity report's periods and the approval SLA. The engine, the
 * demo seeder, the board's tiles and the Reports page's ranges have their own any-day unit tests.
 */
const db = templateDatabase();
const HOUR = 3_600_000;
const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
const isWeekday = (date: string) => weekdayOf(date) !== 0 && weekdayOf(date) !== 6;
const startOfWeek = (date: string) => addDays(date, -((weekdayOf(date) + 6) % 7));

describe.each(ANY_DAY)('on $date ($what)', ({ date }) => {
  it('reports capacity in whole calendar weeks, days and months, with the load that is on them', async () => {
    // the factory's work center: 8 h Monday to Friday, 2 h overtime on working days
    const plant = await buildPlant(db.url, { today: date, fillerMinutes: 380, fillerDays: 15, orders: { B: { quantity: 1, dueInWorkingDays: 9 } } });
    const em = db.orm.em.fork();
    const monday = startOfWeek(date);
    const weeks = await capacityReport(em, plant.plantId, monday, addDays(monday, 13 * 7 - 1), 'WEEK', null);
    expect(weeks.map((w) => w.periodStart)).toEqual(Array.from({ length: 13 }, (_, i) => addDays(monday, 7 * i)));
    expect(weeks.every((w) => w.capacityMinutes === 5 * 480 && w.overtimeMinutes === 5 * 120)).toBe(true);
    const load = await sql<{ week: string; minutes: string }>(db.url,
      `select to_char(date_trunc('week', date::timestamp), 'YYYY-MM-DD') as week, sum(minutes) as minutes from allocation where plant_id = $1 group by 1`, [plant.plantId]);
    const loadOf = new Map(load.map((l) => [l.week, Number(l.minutes)]));
    expect(weeks.map((w) => w.loadMinutes)).toEqual(weeks.map((w) => loadOf.get(w.periodStart) ?? 0));
    expect(weeks.reduce((sum, w) => sum + w.loadMinutes, 0)).toBe(15 * 380 + 60);

    const days = await capacityReport(em, plant.plantId, date, addDays(date, 13), 'DAY', null);
    expect(days.map((d) => [d.periodStart, d.capacityMinutes])).toEqual(Array.from({ length: 14 }, (_, i) => addDays(date, i)).map((d) => [d, isWeekday(d) ? 480 : 0]));

    const first = `${date.slice(0, 8)}01`;
    const last = addDays(`${addDays(first, 31).slice(0, 8)}01`, -1);
    const [month] = await capacityReport(em, plant.plantId, first, last, 'MONTH', null);
    const workingDays = Array.from({ length: Number(last.slice(8)) }, (_, i) => addDays(first, i)).filter(isWeekday).length;
    expect(month).toMatchObject({ periodStart: first, capacityMinutes: workingDays * 480 });
  });

  it('escalates an approval exactly when the SLA has passed, across the night and any clock change', async () => {
    const plant = await buildPlant(db.url, { today: date, fillerMinutes: 380, fillerDays: 15, orders: { B: { quantity: 1, dueInWorkingDays: 9 } } });
    // proposed in the late afternoon (16:00 UTC): eight hours later is the next plant-local day
    let now = new Date(`${date}T16:00:00Z`);
    const deps = { orm: db.orm, clock: { now: () => now }, schedules: new ScheduleCache(), transitions: changeOrderTransitions() };
    const rep: Actor = { kind: 'user', userId: plant.userIds.SALES_REP, role: 'SALES_REP', plantId: plant.plantId, name: 'Rep' };
    const { value: id } = await withPlantWrite(db.orm, plant.plantId, rep, (w) => new ChangeOrderCommands(deps).propose(w, rep, { orderId: plant.orders.B!.id, quantity: 2, expectedOrderVersion: 1 }, null));
    const [co] = await sql<{ status: string; lanes: string[] }>(db.url,
      `select c.status, array_agg(a.required_role) as lanes from change_order c join change_order_approval a on a.change_order_id = c.id where c.id = $1 group by c.status`, [id]);
    expect(co).toEqual({ status: 'PENDING', lanes: ['OPS_MANAGER'] });

    expect(await overdueLanes(db.orm.em.fork(), new Date(now.getTime() + 8 * HOUR - 1), id)).toEqual([]);
    now = new Date(now.getTime() + 8 * HOUR);
    const overdue = await overdueLanes(db.orm.em.fork(), now, id);
    expect(overdue.map((o) => o.requiredRole)).toEqual(['OPS_MANAGER']);
    expect(await escalateOverdue(deps, { plantId: plant.plantId, changeOrderId: id, lanes: overdue })).toEqual(['CAPACITY']);
    // done once: the same job again finds nothing to do
    expect(await escalateOverdue(deps, { plantId: plant.plantId, changeOrderId: id, lanes: overdue })).toEqual([]);
    const [after] = await sql<{ role: string }>(db.url, `select required_role as role from change_order_approval where change_order_id = $1`, [id]);
    expect(after!.role).toBe('PLANT_MANAGER');
  });
});
