import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { openDatabase, type Orm } from '../../server/src/db/orm.ts';
import { createLogger } from '../../server/src/shared/logger.ts';
import { withPlantWrite } from '../../server/src/modules/events/write-path.ts';
import { Realtime } from '../../server/src/realtime/realtime.ts';
import { BoardStream } from '../../server/src/realtime/board-stream.ts';
import type { BoardEventMessage } from '../../server/src/modules/events/event-store.ts';
import { cloneTemplate, sql } from '../support/database.ts';
import { eventually } from '../support/realtime.ts';

// Medium tier: the hub and streams in this process, on a real PostgreSQL with real NOTIFY.
let orm: Orm;
let writer: Orm;
let realtime: Realtime;
let plantId: string;
beforeAll(async () => {
  const url = await cloneTemplate(inject('adminDatabaseUrl'), inject('templateDatabase'));
  orm = await openDatabase(url);
  writer = await openDatabase(url);
  [{ id: plantId }] = (await sql<{ id: string }>(url, `insert into plant (name) values ('Fan-out test plant') returning id`)) as [{ id: string }];
  realtime = new Realtime(orm, { retentionDays: 30, presenceTtlMs: 25_000, pollMs: 60_000 });
  await realtime.start(createLogger('warn'));
});
afterAll(async () => {
  await realtime?.stop();
  await orm?.close();
  await writer?.close();
});

async function take(stream: BoardStream, n: number): Promise<BoardEventMessage[]> {
  const out: BoardEventMessage[] = [];
  while (out.length < n) {
    const r = await stream.next();
    if (r.done) break;
    out.push(r.value);
  }
  return out;
}

describe('fan-out inside one process', () => {
  it('reads each new event once for all 50 subscribers of a plant and hands them the same object', async () => {
    const streams = await Promise.all(
      Array.from({ length: 50 }, () => BoardStream.open({ hub: realtime.hub, em: () => orm.em.fork(), plantId, since: null })),
    );
    // one event first, taken by every stream: from then on each is live (a stream still replaying
    // from the table when events commit reads them itself — right, but not what is measured here)
    const heard = realtime.hub.stats.events;
    await withPlantWrite(writer, plantId, null, async (x) => x.emit({ type: 'BOARD_RESET', reason: 'warm-up' }));
    await Promise.all(streams.map((s) => take(s, 1)));
    // … and the hub has read it too (a stream may have had it from its own replay first)
    await eventually(() => realtime.hub.stats.events > heard, 'the hub to read the warm-up event');
    const before = { ...realtime.hub.stats };
    const received = Promise.all(streams.map((s) => take(s, 200)));
    // 20 writers × 10 events, concurrently: notifications arrive in bursts and are coalesced
    await Promise.all(
      Array.from({ length: 20 }, async (_, w) => {
        for (let i = 0; i < 10; i++)
          await withPlantWrite(writer, plantId, null, async (x) => x.emit({ type: 'BOARD_RESET', reason: `w${w} #${i}` }));
      }),
    );
    const all = await received;
    for (const events of all) expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 200 }, (_, i) => i + 2));
    const reads = realtime.hub.stats.reads - before.reads;
    const eventsRead = realtime.hub.stats.events - before.events;
    // each event was read from the table once, not once per subscriber
    expect(eventsRead).toBe(200);
    expect(reads).toBeLessThanOrEqual(200);
    for (let i = 0; i < 200; i++) expect(all.every((events) => events[i] === all[0]![i])).toBe(true);
    expect(Object.isFrozen(all[0]![0])).toBe(true);
    console.info(`[realtime] 200 events to 50 subscribers: ${reads} table reads, ${realtime.hub.stats.notifications - before.notifications} notifications`);
    for (const s of streams) await s.return();
    expect(realtime.hub.plants).not.toContain(plantId);
  });

  it('ends a waiting stream at once when it is returned (unsubscribe, socket closed)', async () => {
    const stream = await BoardStream.open({ hub: realtime.hub, em: () => orm.em.fork(), plantId, since: null });
    const pending = stream.next();
    await stream.return();
    await expect(pending).resolves.toEqual({ done: true, value: undefined });
  });

  it('reads on from the table when a slow subscriber overflows its live buffer', async () => {
    const slow = await BoardStream.open({ hub: realtime.hub, em: () => orm.em.fork(), plantId, since: null });
    const start = slow.delivered;
    // 2,500 events while nobody reads this stream (its live buffer holds 2,000)
    await withPlantWrite(writer, plantId, null, async (x) => {
      for (let i = 0; i < 2_500; i++) x.emit({ type: 'BOARD_RESET', reason: `bulk ${i}` });
    });
    const events = await take(slow, 2_500);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 2_500 }, (_, i) => start + i + 1));
    await slow.return();
  });

  it('writes live events directly only while its consumer waits, and queues them when the writer refuses or the consumer is busy', async () => {
    const stream = await BoardStream.open({ hub: realtime.hub, em: () => orm.em.fork(), plantId, since: null });
    const start = stream.delivered;
    const direct: number[] = [];
    let accept = true;
    stream.deliverDirectly((e) => accept && direct.push(e.seq) > 0);
    const write = (n: number) => withPlantWrite(writer, plantId, null, async (x) => {
      for (let i = 0; i < n; i++) x.emit({ type: 'BOARD_RESET', reason: `direct ${i}` });
    });
    const settle = async (what: () => boolean) => {
      for (let i = 0; i < 200 && !what(); i++) await new Promise((r) => setTimeout(r, 10));
    };

    // the consumer waits: a transaction's three events go to the writer, in order, and the wait goes on
    let waiting = stream.next();
    await write(3);
    await settle(() => direct.length === 3);
    expect(direct).toEqual([start + 1, start + 2, start + 3]);
    // the writer refuses (socket not draining): the consumer gets the event
    accept = false;
    await write(1);
    expect((await waiting).value?.seq).toBe(start + 4);
    // the consumer is busy with that event: new events queue for it even though the writer would take them
    accept = true;
    await write(2);
    await new Promise((r) => setTimeout(r, 300));
    expect(direct).toHaveLength(3);
    expect((await take(stream, 2)).map((e) => e.seq)).toEqual([start + 5, start + 6]);
    // waiting again: direct again
    waiting = stream.next();
    await write(1);
    await settle(() => direct.length === 4);
    expect(direct).toEqual([start + 1, start + 2, start + 3, start + 7]);
    expect(stream.delivered).toBe(start + 7);
    await stream.return();
    await expect(waiting).resolves.toEqual({ done: true, value: undefined });
  });
});
