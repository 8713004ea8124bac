import { describe, expect, it } from 'vitest';
import { serverWithDatabase } from '../support/lifecycle.ts';
import { signIn } from '../support/api.ts';
import { sql } from '../support/database.ts';
import { buildPlant, todayUtc } from '../support/factories.ts';
import { decide, ok, propose } from '../support/change-orders.ts';
import { loadScheduleInput, ScheduleCache } from '../../server/src/modules/schedule/schedule.loader.ts';
import { BoardCache } from '../../server/src/modules/schedule/board.cache.ts';
import { loadBoardModel, type BoardModel } from '../../server/src/modules/schedule/board.model.ts';
import { buildSchedule, toDay, type Schedule } from '../../server/src/engine/index.ts';

const db = serverWithDatabase();

/** What evaluation reads from a schedule: every order with its jobs, and the load table. */
function snapshot(schedule: Schedule) {
  const orders = [...schedule.orders.values()].sort((a, b) => a.id.localeCompare(b.id));
  const load: string[] = [];
  for (const o of orders) for (const j of o.jobs) for (const a of j.allocations) load.push(`${j.workCenterId}|${a.day}|${schedule.load.loadOn(j.workCenterId, a.day)}`);
  return { orders, load: load.sort() };
}

/** A board model as plain sorted data, to compare a followed model with a fresh read. */
function boardSnapshot(model: BoardModel) {
  return {
    workCenters: model.workCenters.map((w) => w.id),
    orders: [...model.orders.values()].sort((a, b) => a.id.localeCompare(b.id)),
    jobs: [...model.jobsByOrder.values()].flat().map((j) => ({ ...j })).sort((a, b) => a.dto.id.localeCompare(b.dto.id)),
  };
}

describe('the schedule cache and the board model', () => {
  it('follow committed changes event by event and end equal to a fresh rebuild', async () => {
    const plant = await buildPlant(db.server.databaseUrl, {
      fillerMinutes: 380,
      fillerDays: 15,
      orders: { A: { quantity: 1, dueInWorkingDays: 25 }, B: { quantity: 1, dueInWorkingDays: 9 }, C: { quantity: 2, dueInWorkingDays: 20 } },
    });
    const cache = new ScheduleCache();
    const first = await cache.get(db.orm.em.fork(), plant.plantId);
    const boards = new BoardCache();
    const from = toDay(todayUtc());
    const firstBoard = await boards.board(db.orm.em.fork(), plant.plantId, from, from + 55);
    const rep = await signIn(db.server.url, plant.users.SALES_REP);
    const ops = await signIn(db.server.url, plant.users.OPS_MANAGER);
    ok(await propose(rep, { orderId: plant.orders.A!.id, quantity: 3 }));
    const pending = ok(await propose(rep, { orderId: plant.orders.B!.id, quantity: 2 })).proposeChangeOrder;
    ok(await decide(ops, 'approve', pending));
    ok(await propose(rep, { orderId: plant.orders.C!.id, cancel: true }));
    const followed = await cache.get(db.orm.em.fork(), plant.plantId);
    expect(followed.seq).toBeGreaterThan(first.seq);
    expect(followed.schedule).toBe(first.schedule); // patched in place, not rebuilt
    const fresh = buildSchedule(await loadScheduleInput(db.orm.em.fork(), plant.plantId));
    expect(snapshot(followed.schedule)).toEqual(snapshot(fresh));
    const [{ seq }] = (await sql<{ seq: string }>(db.server.databaseUrl, 'select event_seq as seq from plant where id = $1', [plant.plantId])) as [{ seq: string }];
    expect(followed.seq).toBe(Number(seq));

    const board = await boards.board(db.orm.em.fork(), plant.plantId, from, from + 55);
    expect(board.seq).toBe(followed.seq);
    expect(board.model).toBe(firstBoard.model); // patched in place, not reloaded
    expect(boardSnapshot(board.model)).toEqual(boardSnapshot(await loadBoardModel(db.orm.em.fork(), plant.plantId)));
    expect(board.model.orders.get(plant.orders.A!.id)!.quantity).toBe(3);
    expect(board.model.orders.get(plant.orders.C!.id)!.status).toBe('CANCELLED');
  });

  it('rebuilds after a BOARD_RESET instead of following it', async () => {
    const plant = await buildPlant(db.server.databaseUrl, { orders: { A: { quantity: 1, dueInWorkingDays: 25 } } });
    const cache = new ScheduleCache();
    const first = await cache.get(db.orm.em.fork(), plant.plantId);
    await sql(db.server.databaseUrl, `insert into board_event (plant_id, seq, type, payload) values ($1, 1, 'BOARD_RESET', '{"type":"BOARD_RESET","reason":"test"}')`, [plant.plantId]);
    await sql(db.server.databaseUrl, 'update plant set event_seq = 1 where id = $1', [plant.plantId]);
    const after = await cache.get(db.orm.em.fork(), plant.plantId);
    expect(after.seq).toBe(1);
    expect(after.schedule).not.toBe(first.schedule);
  });
});
