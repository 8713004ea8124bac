import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startServer, type TestServer } from '../support/server.ts';
import { as, code } from '../support/api.ts';
import { wsSession } from '../support/security.ts';
import { wsUrl } from '../support/realtime.ts';

// Malformed requests that once answered INTERNAL (or printed a stack trace) get a code instead.
let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

const BOARD_EVENTS = 'subscription($p: ID!, $s: Int) { boardEvents(plantId: $p, since: $s) { seq } }';

describe('codes for malformed operations', () => {
  it('answers a subscription sent over HTTP with BAD_USER_INPUT, naming the WebSocket', async () => {
    const rep = await as(server.url, 'SALES_REP');
    const res = await rep.request(BOARD_EVENTS, { p: rep.plantId });
    expect(res.status).toBe(400);
    expect(code(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.message).toMatch(/WebSocket/);
  });

  it.each([2147483648, 'abc', 1.5, -1])('answers boardEvents(since: %j) over WebSocket with BAD_USER_INPUT and keeps the socket', async (since) => {
    const rep = await as(server.url, 'SALES_REP');
    const before = server.output.length;
    const ws = wsSession(server.url, { cookie: rep.cookie });
    const asVariable = await ws.first(BOARD_EVENTS, { p: rep.plantId, s: since }).catch((e: unknown) => e);
    expect(JSON.stringify(asVariable)).toMatch(/BAD_USER_INPUT/);
    const literal = `subscription($p: ID!) { boardEvents(plantId: $p, since: ${JSON.stringify(since)}) { seq } }`;
    const asLiteral = await ws.first(literal, { p: rep.plantId }).catch((e: unknown) => e);
    expect(JSON.stringify(asLiteral)).toMatch(/BAD_USER_INPUT/);
    expect(await ws.first('{ health }')).toEqual({ data: { health: true } });
    expect(ws.closes).toEqual([]);
    await ws.client.dispose();
    expect(server.output.slice(before).join('')).not.toMatch(/INTERNAL|unexpected error/);
  });

  it('closes a WebSocket that sends a frame over the size limit with 1009, without a stack trace', async () => {
    const rep = await as(server.url, 'SALES_REP');
    const before = server.output.length;
    const socket = new WebSocket(wsUrl(server.url), ['graphql-transport-ws'], { headers: { cookie: rep.cookie! } });
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    const closed = new Promise<number>((resolve) => socket.once('close', (c) => resolve(c)));
    socket.on('error', () => {}); // the server's close may race our send
    socket.send(JSON.stringify({ type: 'connection_init', payload: { pad: 'x'.repeat(300 * 1024) } }));
    expect(await closed).toBe(1009);
    // the server stays up, and printed no stack trace for the client's mistake
    expect((await fetch(`${server.url}/healthz`)).ok).toBe(true);
    const printed = server.output.slice(before).join('');
    expect(printed).not.toMatch(/\n\s+at .+:\d+:\d+|Internal error/);
  });
});
