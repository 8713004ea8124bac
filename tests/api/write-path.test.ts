import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { openDatabase, type Orm } from '../../server/src/db/orm.ts';
import { withPlantWrite, type WriteTopic } from '../../server/src/modules/events/write-path.ts';
import { cloneTemplate, sql } from '../support/database.ts';

let orm: Orm;
/** A second pool on the same database, standing for a second server process. */
let other: Orm;
let url: string;
let plantId: string;
beforeAll(async () => {
  url = await cloneTemplate(inject('adminDatabaseUrl'), inject('templateDatabase'));
  orm = await openDatabase(url);
  other = await openDatabase(url);
  [{ id: plantId }] = (await sql<{ id: string }>(url, `insert into plant (name) values ('Write-path test plant') returning id`)) as [{ id: string }];
});
afterAll(async () => {
  await Promise.all([orm?.close(), other?.close()]);
});

describe('the one write path', () => {
  it('numbers board events gap-free and in commit order under 40 concurrent writers on two processes', async () => {
    // a process queues its own writers in memory; the two meet at the plant's row lock
    const writers = Array.from({ length: 40 }, (_, i) =>
      withPlantWrite(i % 2 ? other : orm, plantId, null, async (w) => {
        w.emit({ type: 'BOARD_RESET', reason: `writer ${i} part 1` });
        // yield inside the transaction so that writers really overlap
        await w.em.execute('select pg_sleep(0.005)');
        w.emit({ type: 'BOARD_RESET', reason: `writer ${i} part 2` });
        w.audit({ action: 'TEST', entityType: 'Plant', entityId: plantId });
        return i;
      }),
    );
    const results = await Promise.all(writers);
    const rows = await sql<{ seq: string; payload: { reason: string } }>(
      url,
      'select seq, payload from board_event where plant_id = $1 order by seq',
      [plantId],
    );
    expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
    // a writer's two events are adjacent: nobody interleaves inside another's transaction
    for (let i = 0; i < rows.length; i += 2) {
      const [first, second] = [rows[i]!.payload.reason, rows[i + 1]!.payload.reason];
      expect(first).toMatch(/part 1$/);
      expect(second).toBe(first.replace('part 1', 'part 2'));
    }
    expect(results.flatMap((r) => r.seqs).sort((a, b) => a - b)).toEqual(rows.map((r) => Number(r.seq)));
    const [plant] = await sql<{ event_seq: string }>(url, 'select event_seq from plant where id = $1', [plantId]);
    expect(Number(plant!.event_seq)).toBe(80);
    const audits = await sql(url, `select 1 from audit_event where plant_id = $1 and action = 'TEST'`, [plantId]);
    expect(audits).toHaveLength(40);
  });

  it('writes nothing, events included, when the command fails', async () => {
    const [before] = await sql<{ n: string }>(url, 'select count(*) as n from board_event where plant_id = $1', [plantId]);
    await expect(
      withPlantWrite(orm, plantId, null, async (w) => {
        w.emit({ type: 'BOARD_RESET', reason: 'doomed' });
        w.audit({ action: 'DOOMED', entityType: 'Plant', entityId: plantId });
        throw new Error('command failed');
      }),
    ).rejects.toThrow('command failed');
    const [after] = await sql<{ n: string }>(url, 'select count(*) as n from board_event where plant_id = $1', [plantId]);
    expect(after!.n).toBe(before!.n);
    expect(await sql(url, `select 1 from audit_event where action = 'DOOMED'`)).toHaveLength(0);
  });

  it('refuses UPDATE, DELETE and TRUNCATE on the audit trail in the database itself', async () => {
    await expect(sql(url, `update audit_event set comment = 'rewritten'`)).rejects.toThrow(/append-only/);
    await expect(sql(url, 'delete from audit_event')).rejects.toThrow(/append-only/);
    await expect(sql(url, 'truncate audit_event')).rejects.toThrow(/append-only/);
    expect((await sql(url, 'select 1 from audit_event')).length).toBeGreaterThan(0);
  });

  it('hands a topic all the facts of a write once, after the command and inside its transaction', async () => {
    const deliveries: string[][] = [];
    const topic: WriteTopic<string> = {
      async deliver(w, facts) {
        deliveries.push([...facts]);
        // runs after the command: it reads the name the command set after publishing
        const [plant] = await w.em.execute<{ name: string }[]>('select name from plant where id = ?', [plantId]);
        w.audit({ action: `TOPIC ${facts.join(',')}`, entityType: 'Plant', entityId: plantId, comment: plant!.name });
      },
    };
    await withPlantWrite(orm, plantId, null, async (w) => {
      w.publish(topic, 'a');
      await w.em.execute('update plant set name = ? where id = ?', ['Renamed after publishing', plantId]);
      w.publish(topic, 'b');
    });
    expect(deliveries).toEqual([['a', 'b']]);
    expect(await sql(url, `select comment from audit_event where action = 'TOPIC a,b'`)).toEqual([{ comment: 'Renamed after publishing' }]);
  });

  it('rolls the write back when a topic fails, and delivers nothing of a command that failed', async () => {
    const [before] = await sql<{ n: string }>(url, 'select count(*) as n from board_event where plant_id = $1', [plantId]);
    const failing: WriteTopic<string> = { deliver: async () => { throw new Error('topic failed'); } };
    await expect(withPlantWrite(orm, plantId, null, async (w) => {
      w.emit({ type: 'BOARD_RESET', reason: 'topic fails' });
      await w.em.execute('update plant set name = ? where id = ?', ['Never committed', plantId]);
      w.publish(failing, 'x');
    })).rejects.toThrow('topic failed');
    const deliveries: string[][] = [];
    const recording: WriteTopic<string> = { deliver: async (_, facts) => { deliveries.push([...facts]); } };
    await expect(withPlantWrite(orm, plantId, null, async (w) => {
      w.publish(recording, 'y');
      throw new Error('command failed');
    })).rejects.toThrow('command failed');
    expect(deliveries).toEqual([]);
    const [after] = await sql<{ n: string }>(url, 'select count(*) as n from board_event where plant_id = $1', [plantId]);
    expect(after!.n).toBe(before!.n);
    expect(await sql(url, 'select 1 from plant where name = $1', ['Never committed'])).toHaveLength(0);
  });

  it('refuses an unknown plant with NOT_FOUND', async () => {
    await expect(withPlantWrite(orm, '00000000-0000-4000-8000-000000000000', null, async () => 1)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
