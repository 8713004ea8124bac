import type { Role } from '../../server/src/modules/auth/roles.ts';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; [k: string]: unknown } }[];
}

/** The demo users by role (docs/product.md §1); password "demo". */
export const DEMO_LOGIN: Record<string, string> = {
  SALES_REP: 'rep@demo.test',
  SALES_REP_2: 'rep2@demo.test',
  PLANNER: 'planner@demo.test',
  OPS_MANAGER: 'ops@demo.test',
  PLANT_MANAGER: 'plant@demo.test',
  ACCOUNTING: 'accounting@demo.test',
  QUALITY: 'quality@demo.test',
  ADMIN: 'admin@demo.test',
  OPERATOR: 'operator@demo.test',
} satisfies Record<Role | 'SALES_REP_2', string>;

/** A GraphQL client over real HTTP that keeps its session cookie, like a browser tab. */
export class ApiClient {
  readonly baseUrl: string;
  cookie: string | null = null;
  /** The device cookie a successful sign-in gives the browser (login throttling trusts it). */
  deviceCookie: string | null = null;
  constructor(baseUrl: string) {
    this.baseUrl = baseUrl;
  }

  async request<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> {
    const res = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.cookie || this.deviceCookie ? { cookie: [this.cookie, this.deviceCookie].filter(Boolean).join('; ') } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    for (const setCookie of res.headers.getSetCookie()) {
      const pair = setCookie.split(';')[0]!;
      if (pair.startsWith('takt_device=')) this.deviceCookie = pair;
      else this.cookie = pair;
    }
    const body = (await res.json()) as Omit<GraphQLResponse<T>, 'status'>;
    return { status: res.status, ...body };
  }

  /** Like request, but throws on any GraphQL error so tests read as the happy path. */
  async data<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const res = await this.request<T>(query, variables);
    if (res.errors?.length) throw new Error(`GraphQL error: ${JSON.stringify(res.errors)}`);
    return res.data as T;
  }

  async login(email: string, password = 'demo'): Promise<GraphQLResponse<{ login: { id: string; role: Role; plantId: string } }>> {
    return this.request('mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { id role plantId } }', {
      email,
      password,
    });
  }
}

/** A signed-in client for a demo role (twenty's per-role request helpers). */
export async function as(baseUrl: string, who: keyof typeof DEMO_LOGIN): Promise<ApiClient & { plantId: string }> {
  const client = new ApiClient(baseUrl);
  const res = await client.login(DEMO_LOGIN[who]!);
  if (!res.data?.login) throw new Error(`login as ${who} failed: ${JSON.stringify(res.errors)}`);
  return Object.assign(client, { plantId: res.data.login.plantId });
}

/** The error code of the first GraphQL error, for `expect(code(res)).toBe('FORBIDDEN')`. */
export const code = (res: GraphQLResponse<unknown>) => res.errors?.[0]?.extensions?.code;

/** A client signed in as any user (factory plants' users have the password "demo"). */
export async function signIn(baseUrl: string, email: string): Promise<ApiClient> {
  const client = new ApiClient(baseUrl);
  const res = await client.login(email);
  if (!res.data?.login) throw new Error(`login as ${email} failed: ${JSON.stringify(res.errors)}`);
  return client;
}
