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
      headers: { 'content-type': 'application/json', ...(this.#cookie ? { cookie: this.#cookie } : {}) },
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

  async login(email: string, password: string): Promise<{ id: string; plantId: string }> {
    const { data } = await this.call<{ login: { id: string; plantId: string } }>(
      'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { id plantId } }',
      { email, password },
    );
    return data.login;
  }
}
