import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { print } from 'graphql';
import { BoardEventsDocument, PresenceDocument } from '../../client/src/gql/graphql.ts';
import { openDatabase, type Orm } from '../../server/src/db/orm.ts';
import { withPlantWrite } from '../../server/src/modules/events/write-path.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { as, type ApiClient } from '../support/api.ts';
import { sql } from '../support/database.ts';
import { eventually, shiftJob, wsUrl } from '../support/realtime.ts';

// The frames as graphql-ws clients receive them, byte for byte: live results are serialized once
// and spliced per subscriber, and several frames leave a socket in one write (ws-frames.ts).

let server: TestServer;
let orm: Orm;
let ops: ApiClient & { plantId: string };
let plantId: string;
let jobId: string;
beforeAll(async () => {
  server = await startServer();
  orm = await openDatabase(server.databaseUrl);
  ops = await as(server.url, 'OPS_MANAGER');
  plantId = ops.plantId;
  [{ id: jobId }] = (await sql<{ id: string }>(server.databaseUrl, `select id from job where plant_id = $1 order by id limit 1`, [plantId])) as [{ id: string }];
});
afterAll(async () => {
  await orm?.close();
  await server?.stop();
});

const BOARD_EVENTS = print(BoardEventsDocument);
const SEQ_ONLY = `subscription($p: ID!) { boardEvents(plantId: $p) { seq type } }`;

/** A raw graphql-transport-ws socket that records every text message it receives. */
async function rawSocket(): Promise<{ socket: WebSocket; texts: string[]; subscribe(id: string, query: string, variables: Record<string, unknown>): void }> {
  const socket = new WebSocket(wsUrl(server.url), 'graphql-transport-ws', { headers: { cookie: ops.cookie! } });
  const texts: string[] = [];
  socket.on('message', (data) => texts.push(String(data)));
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  socket.send(JSON.stringify({ type: 'connection_init' }));
  await eventually(() => texts.some((t) => JSON.parse(t).type === 'connection_ack'), 'connection_ack');
  return {
    socket,
    texts,
    subscribe: (id, query, variables) => socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query, variables } })),
  };
}

interface Next {
  id: string;
  type: string;
  payload: { data?: { boardEvents?: { seq: number } | null } };
}

describe('live frames as graphql-ws sends them', () => {
  it('sends each subscriber the exact bytes graphql-ws would, with its own id, shared or not, replayed or live', async () => {
    const { seqs: [start] } = await withPlantWrite(orm, plantId, null, async (w) => w.emit({ type: 'BOARD_RESET', reason: 'before the sockets' }));
    await shiftJob(orm, plantId, jobId, 1);
    const since = start! - 1;
    // ids that JSON must escape, on two sockets; a replay, live-only streams that share results, another selection, presence interleaved
    const one = await rawSocket();
    const two = await rawSocket();
    one.subscribe('1', BOARD_EVENTS, { plantId, since });
    one.subscribe('say "hi"\\ ünï \u2028', BOARD_EVENTS, { plantId });
    one.subscribe('p', print(PresenceDocument), { plantId });
    two.subscribe('0b7c9e7e-6c39-4a0e-9d0d-1f6f3f0a2a11', BOARD_EVENTS, { plantId });
    two.subscribe('seq', SEQ_ONLY, { p: plantId });
    two.subscribe('me', '{ me { email } }', {});
    await eventually(() => one.texts.filter((t) => t.startsWith('{"id":"1"')).length === 2, 'the replay');
    await new Promise((r) => setTimeout(r, 300)); // every live subscription is attached to the hub

    const live = [await shiftJob(orm, plantId, jobId, -1)];
    live.push(...(await withPlantWrite(orm, plantId, null, async (w) => {
      w.emit({ type: 'BOARD_RESET', reason: 'two events, one transaction' });
      w.emit({ type: 'BOARD_RESET', reason: 'with "quotes" and ünïcode' });
    })).seqs);
    const last = live[live.length - 1]!;
    const reached = (texts: string[], id: string) => texts.some((t) => (JSON.parse(t) as Next).id === id && (JSON.parse(t) as Next).payload.data?.boardEvents?.seq === last);
    await eventually(() => reached(one.texts, '1') && reached(one.texts, 'say "hi"\\ ünï \u2028') && reached(two.texts, 'seq') && reached(two.texts, '0b7c9e7e-6c39-4a0e-9d0d-1f6f3f0a2a11'), 'the live events');
    one.socket.close();
    two.socket.close();

    const nexts = [...one.texts, ...two.texts].filter((t) => (JSON.parse(t) as { type: string }).type === 'next');
    // graphql-ws's own message for this payload: JSON.stringify({ id, type, payload }) (JSON.parse keeps key order)
    for (const text of nexts) {
      const { id, type, payload } = JSON.parse(text) as Next;
      expect(text).toBe(JSON.stringify({ id, type, payload }));
    }
    const seqsOf = (texts: string[], id: string) => texts.map((t) => JSON.parse(t) as Next).filter((m) => m.id === id).map((m) => m.payload.data?.boardEvents?.seq);
    expect(seqsOf(one.texts, '1')).toEqual([start, start! + 1, ...live]);
    expect(seqsOf(one.texts, 'say "hi"\\ ünï \u2028')).toEqual(live);
    expect(seqsOf(two.texts, '0b7c9e7e-6c39-4a0e-9d0d-1f6f3f0a2a11')).toEqual(live);
    expect(seqsOf(two.texts, 'seq')).toEqual(live);
    // the same event: the same payload whether replayed, shared, or on another socket
    const payloadText = (text: string) => JSON.stringify((JSON.parse(text) as Next).payload);
    for (const seq of live) {
      const same = nexts.filter((t) => (JSON.parse(t) as Next).payload.data?.boardEvents?.seq === seq && !(JSON.parse(t) as Next).id.startsWith('seq'));
      expect(same).toHaveLength(3);
      expect(new Set(same.map(payloadText)).size).toBe(1);
    }
    expect(two.texts.find((t) => t.startsWith('{"id":"me"'))).toBe(JSON.stringify({ id: 'me', type: 'next', payload: { data: { me: { email: 'ops@demo.test' } } } }));
    expect(one.texts.some((t) => t.startsWith('{"id":"p","type":"next"'))).toBe(true);
  });

  it('sends a result with errors as graphql-ws does, beside spliced results on the same socket', async () => {
    const s = await rawSocket();
    s.subscribe('bad', BOARD_EVENTS, { plantId, since: -1 });
    s.subscribe('ok', '{ me { email } }', {});
    await eventually(() => s.texts.filter((t) => t.startsWith('{"id":"')).length >= 4, 'both answers');
    s.socket.close();
    const bad = s.texts.find((t) => t.startsWith('{"id":"bad","type":"next"'))!;
    const { id, type, payload } = JSON.parse(bad) as { id: string; type: string; payload: { errors: { extensions: { code: string } }[] } };
    expect(bad).toBe(JSON.stringify({ id, type, payload }));
    expect(payload.errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
    expect(s.texts).toContain(JSON.stringify({ id: 'ok', type: 'next', payload: { data: { me: { email: 'ops@demo.test' } } } }));
  });
});
