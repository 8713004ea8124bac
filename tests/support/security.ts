import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import type { ApiClient, GraphQLResponse } from './api.ts';

/** Creates a token as `admin` (an ADMIN's client) and returns its id and secret. */
export async function createToken(admin: ApiClient, kind: 'DISPLAY' | 'API', name: string, scopes?: string[]): Promise<{ id: string; secret: string }> {
  const res = await admin.request<{ createAccessToken: { token: { id: string }; secret: string } }>(
    'mutation($k: TokenKind!, $n: String!, $s: [String!]) { createAccessToken(kind: $k, name: $n, scopes: $s) { token { id } secret } }',
    { k: kind, n: name, s: scopes ?? null },
  );
  if (!res.data?.createAccessToken) throw new Error(`createAccessToken failed: ${JSON.stringify(res.errors)}`);
  return { id: res.data.createAccessToken.token.id, secret: res.data.createAccessToken.secret };
}

/** One GraphQL request over HTTP with `Authorization: Bearer <secret>` (a wall screen or report client). */
export async function bearer<T = Record<string, unknown>>(baseUrl: string, secret: string, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, ...((await res.json()) as object) };
}

export interface WsSession {
  client: Client;
  /** Close codes seen, with the time they arrived. */
  closes: { code: number; at: number }[];
  /** Results and errors of `subscribe`, in order. */
  messages: unknown[];
  errors: unknown[];
  /** Starts a subscription; resolves once the server acknowledged the connection. */
  subscribe(query: string, variables?: Record<string, unknown>): Promise<void>;
  waitForClose(timeoutMs: number): Promise<{ code: number; at: number }>;
  /** Runs one operation and resolves with its first result, or rejects with its error. */
  first(query: string, variables?: Record<string, unknown>): Promise<unknown>;
}

/** A graphql-ws client authenticated by a cookie (like a browser) or by `connectionParams.token`. */
export function wsSession(httpUrl: string, auth: { cookie?: string | null; token?: string; origin?: string }): WsSession {
  const closes: { code: number; at: number }[] = [];
  const messages: unknown[] = [];
  const errors: unknown[] = [];
  let isConnected = false;
  let connected: () => void = () => {};
  const client = createClient({
    url: `${httpUrl.replace('http', 'ws')}/graphql`,
    webSocketImpl: class extends WebSocket {
      constructor(url: string, protocols: string[]) {
        const headers: Record<string, string> = {};
        if (auth.cookie) headers.cookie = auth.cookie;
        if (auth.origin) headers.origin = auth.origin;
        super(url, protocols, { headers });
      }
    },
    connectionParams: auth.token ? { token: auth.token } : undefined,
    retryAttempts: 0,
    lazy: true,
    on: {
      connected: () => {
        isConnected = true;
        connected();
      },
      closed: (e) => closes.push({ code: (e as { code: number }).code, at: Date.now() }),
    },
  });
  const session: WsSession = {
    client,
    closes,
    messages,
    errors,
    subscribe: (query, variables = {}) =>
      new Promise((resolve, reject) => {
        if (isConnected) resolve();
        else connected = resolve;
        client.subscribe({ query, variables }, { next: (m) => messages.push(m), error: (e) => { errors.push(e); reject(e); }, complete: () => {} });
      }),
    first: (query, variables = {}) =>
      new Promise((resolve, reject) => {
        const stop = client.subscribe({ query, variables }, { next: (m) => { resolve(m); stop(); }, error: reject, complete: () => resolve(undefined) });
      }),
    waitForClose: async (timeoutMs) => {
      const deadline = Date.now() + timeoutMs;
      while (closes.length === 0) {
        if (Date.now() > deadline) throw new Error(`socket still open after ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 25));
      }
      return closes[0]!;
    },
  };
  return session;
}
