import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';
import { startServer, type TestServer } from '../support/server.ts';
import { as } from '../support/api.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

function wsClient(cookie: string | null) {
  const closes: number[] = [];
  const client = createClient({
    url: `${server.url.replace('http', 'ws')}/graphql`,
    webSocketImpl: class extends WebSocket {
      constructor(url: string, protocols: string[]) {
        super(url, protocols, cookie ? { headers: { cookie } } : {});
      }
    },
    retryAttempts: 0,
    lazy: true,
    on: { closed: (e) => closes.push((e as { code: number }).code) },
  });
  return { client, closes };
}

describe('GraphQL over WebSocket on the same port', () => {
  it('runs an operation for a socket authenticated by the session cookie at connection_init', async () => {
    const ops = await as(server.url, 'OPS_MANAGER');
    const { client } = wsClient(ops.cookie);
    const result = await new Promise<unknown>((resolve, reject) => {
      client.subscribe({ query: '{ me { email role } }' }, { next: resolve, error: reject, complete: () => {} });
    });
    expect(result).toEqual({ data: { me: { email: 'ops@demo.test', role: 'OPS_MANAGER' } } });
    await client.dispose();
  });

  it('closes an unauthenticated socket with 4403 Forbidden', async () => {
    const { client, closes } = wsClient(null);
    await expect(
      new Promise((resolve, reject) => client.subscribe({ query: '{ health }' }, { next: resolve, error: reject, complete: () => {} })),
    ).rejects.toBeDefined();
    expect(closes).toContain(4403);
    await client.dispose();
  });
});
