import { request } from 'node:http';
import { since } from './stats.ts';

/** One GraphQL call as the bench sees it. */
export interface Timed<T> {
  data: T;
  /** Round trip measured by the client (loopback, keep-alive). */
  clientMs: number;
  /** The server's own time from its Server-Timing header (see server-timing.ts). */
  serverMs: number;
  /** Response body size, uncompressed. */
  bytes: number;
}

/** A GraphQL-over-HTTP client that keeps its session cookie, like a browser tab. */
export class GraphQLClient {
  readonly url: string;
  #cookie: string | null = null;
  constructor(baseUrl: string) {
    this.url = `${baseUrl}/graphql`;
  }

  async call<T>(query: string, variables: Record<string, unknown> = {}): Promise<Timed<T>> {
    const started = performance.now();
    const res = await fetch(this.url, {
      method: 'POST',
      // uncompressed, as before compression existed: on loopback compressing only costs, and the
      // suites measure the server's own work; the compression suite measures the encodings
      headers: { 'content-type': 'application/json', 'accept-encoding': 'identity', ...(this.#cookie ? { cookie: this.#cookie } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const text = await res.text();
    const clientMs = since(started);
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.#cookie = setCookie.split(';')[0]!;
    const body = JSON.parse(text) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
    if (body.errors?.length) throw new Error(`GraphQL error: ${body.errors.map((e) => `${e.extensions?.code}: ${e.message}`).join('; ')}`);
    const timing = /dur=([\d.]+)/.exec(res.headers.get('server-timing') ?? '');
    return { data: body.data as T, clientMs, serverMs: timing ? Number(timing[1]) : Number.NaN, bytes: Buffer.byteLength(text) };
  }

  /** The session cookie, for requests made by other means (`onWire`). */
  get cookie(): string | null {
    return this.#cookie;
  }

  async login(email: string, password: string): Promise<{ id: string; plantId: string }> {
    const { data } = await this.call<{ login: { id: string; plantId: string } }>(
      'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { id plantId } }',
      { email, password },
    );
    return data.login;
  }
}

/** A response as it crossed the wire: its bytes undecoded and the time until the last of them. */
export interface OnWire {
  status: number;
  encoding: string | null;
  wireBytes: number;
  ms: number;
  body: Buffer;
}

/** One HTTP request with its own Accept-Encoding; the body is left as sent (fetch would decode it). */
export function onWire(url: string, opts: { method?: string; headers?: Record<string, string>; body?: string }): Promise<OnWire> {
  const started = performance.now();
  return new Promise((done, fail) => {
    const req = request(url, { method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', fail);
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        done({ status: res.statusCode ?? 0, encoding: (res.headers['content-encoding'] as string | undefined) ?? null, wireBytes: body.length, ms: since(started), body });
      });
    });
    req.on('error', fail);
    req.end(opts.body);
  });
}
