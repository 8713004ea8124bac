import { resolve } from 'node:path';

/**
 * Process configuration. This module is the only reader of the environment's settings (the
 * README's table lists each one): everything else receives the values it needs. A value that is
 * set but cannot be used stops the process at start with a message naming the variable, rather
 * than running with a setting the operator did not mean.
 */
export interface Config {
  port: number;
  host: string;
  /** External PostgreSQL; when absent the embedded server under `dataDir` is used. */
  databaseUrl: string | undefined;
  /**
   * The role that owns the schema and runs migrations (DATABASE_OWNER_URL); requests then run as
   * DATABASE_URL's role with only the grants they need (docs/security.md, "Database roles").
   * Unset: DATABASE_URL's role does both, and `/readyz` warns.
   */
  databaseOwnerUrl: string | undefined;
  /** Read replicas for report queries (DATABASE_REPLICA_URLS, comma-separated). */
  replicaUrls: string[];
  dataDir: string;
  /** The port the embedded PostgreSQL tries at its first start (TAKT_EMBEDDED_PG_PORT; 0: any free one). */
  embeddedPgPort: number;
  /** Seed the demo plant and users on first start (default: on for the embedded database). */
  demo: boolean;
  /** Orders in the seeded demo plant (TAKT_DEMO_ORDERS). */
  demoOrders: number;
  production: boolean;
  /** GraphQL introspection; always on outside production, in production only with TAKT_INTROSPECTION. */
  introspection: boolean;
  logLevel: string;
  clientDist: string;
  /** Shifts the server's clock (TAKT_CLOCK_OFFSET_MS; tests and demos: "nine hours later"). */
  clockOffsetMs: number;
  sessionTtlHours: number;
  /** How long a SIGTERM waits for requests in flight before closing their connections. */
  shutdownGraceMs: number;
  /** A session not used for this long ends (0: only the lifetime counts). */
  sessionIdleMinutes: number;
  /** PostgreSQL `statement_timeout` and `lock_timeout` of the server's pool, in ms (0: none). */
  db: DatabaseTimeouts;
  metrics: MetricsConfig;
  retention: RetentionConfig;
  security: SecurityConfig;
  realtime: RealtimeConfig;
  webhooks: WebhookConfig;
  jobs: JobsConfig;
}

/**
 * How long rows that only serve a while are kept (modules/retention). The audit trail, policy
 * history, comments and billing adjustments are kept for good and are not listed here.
 */
export interface RetentionConfig {
  /** How often each process queues a retention sweep (one runs at a time in the cluster). */
  sweepMs: number;
  notificationDays: number;
  /** Delivered, failed and cancelled webhook deliveries (pending ones are never pruned). */
  webhookDeliveryDays: number;
  /** Jobs of the queue that failed for good (finished jobs leave the queue by themselves). */
  failedJobDays: number;
  /** Login-throttle counters of addresses and accounts with nothing blocked (device trust is kept). */
  loginThrottleDays: number;
}

/** Prometheus `/metrics` (docs/operations.md, "Metrics"). */
export interface MetricsConfig {
  /** Bearer token a scrape must send (TAKT_METRICS_TOKEN); unset: open in development, refused on the main port in production. */
  token: string | undefined;
  /** A second port serving only /metrics (TAKT_METRICS_PORT), e.g. on an internal network. */
  port: number | undefined;
}

export interface DatabaseTimeouts {
  statementTimeoutMs: number;
  lockTimeoutMs: number;
}

/** Security settings (docs/security.md). */
export interface SecurityConfig {
  /** Failed logins an account may have before each further one is delayed. */
  accountFreeFailures: number;
  /** The longest an account's delay grows to (doubling from 1 s), in seconds. */
  accountMaxDelaySeconds: number;
  /** Failed logins one address may have per window before it is refused until the window ends. */
  ipFailures: number;
  /** The per-address window, in seconds. */
  ipWindowSeconds: number;
  /** How often each process re-checks the sessions and tokens of its open WebSockets. */
  credentialRecheckMs: number;
  /** Origins besides the server's own whose cookie-authenticated requests are accepted (e.g. a dev server). */
  allowedOrigins: string[];
  /** GraphQL requests over HTTP one identity may have running at a time (http/request-concurrency.ts). */
  requestsRunning: number;
  /** Further requests of one identity that wait their turn; beyond them a request is RATE_LIMITED. */
  requestsQueued: number;
  /** Trust X-Forwarded-For (behind a reverse proxy), so the per-address throttle sees the client. */
  trustProxy: boolean;
}

/** Realtime settings (docs/realtime.md). */
export interface RealtimeConfig {
  /** Board events older than this are pruned (each plant keeps at least its newest). */
  retentionDays: number;
  /** A presence row expires this long after its last heartbeat. */
  presenceTtlMs: number;
  /** Safety net under LISTEN/NOTIFY: how often a process compares the plants' heads it serves. */
  pollMs: number;
}

/** Outgoing-webhook settings (docs/adr/0005). */
export interface WebhookConfig {
  /** Run the dispatcher in this process (several processes may; each delivery is claimed once). */
  dispatch: boolean;
  /** How often the dispatcher looks for due deliveries. */
  pollMs: number;
  /** Delay before the first retry; doubled for each further one (1 s, 2 s, 4 s, …). */
  backoffMs: number;
  /** Longest delay between two attempts. */
  maxBackoffMs: number;
  /** Attempts before a delivery is FAILED. */
  maxAttempts: number;
  /** One attempt's timeout (connect + response). */
  timeoutMs: number;
  /** Deliveries one poll claims at most (sent in parallel). */
  batchSize: number;
  /** Accept `http://` URLs (always outside production; in production only when set). */
  allowHttp: boolean;
  /** Accept loopback, private and link-local literal addresses (outside production always). */
  allowPrivate: boolean;
}

/** The durable job queue's periodic sweeps (docs/adr/0004). */
export interface JobsConfig {
  /** How often each process queues an SLA sweep. */
  slaSweepMs: number;
  /** How often each process looks for plants whose day has turned. */
  dayTurnSweepMs: number;
}

/** A setting the process cannot run with; the message names the variable and says what it takes. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const repoRoot = resolve(import.meta.dirname, '../..');
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const TRUE = ['1', 'true', 'yes', 'on'];
const FALSE = ['0', 'false', 'no', 'off'];

/** Reads one environment; each getter falls back when the variable is unset or empty. */
function reader(env: NodeJS.ProcessEnv) {
  const given = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const integer = (name: string, fallback: number, { min = 0, max = Number.MAX_SAFE_INTEGER } = {}): number => {
    const value = given(name);
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(n) || n < min || n > max) {
      const range = max === Number.MAX_SAFE_INTEGER ? `an integer of at least ${min}` : `an integer from ${min} to ${max}`;
      throw new ConfigError(`${name} must be ${range}, got "${env[name]}".`);
    }
    return n;
  };
  return {
    string: (name: string): string | undefined => given(name),
    integer,
    port: (name: string, fallback: number) => integer(name, fallback, { max: 65_535 }),
    flag(name: string, fallback: boolean): boolean {
      const value = given(name)?.toLowerCase();
      if (value === undefined) return fallback;
      if (TRUE.includes(value)) return true;
      if (FALSE.includes(value)) return false;
      throw new ConfigError(`${name} must be one of ${[...TRUE, ...FALSE].join(', ')}, got "${env[name]}".`);
    },
    list: (name: string): string[] => (given(name) ?? '').split(',').map((item) => item.trim()).filter(Boolean),
    oneOf(name: string, allowed: readonly string[], fallback: string): string {
      const value = given(name);
      if (value === undefined) return fallback;
      if (!allowed.includes(value)) throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got "${env[name]}".`);
      return value;
    },
  };
}

/**
 * The configuration from `env`; throws a ConfigError for the first value that cannot be used.
 * `defaults.logLevel` is the level when LOG_LEVEL is unset (the CLI is quieter than the server).
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, defaults: { logLevel?: string } = {}): Config {
  const read = reader(env);
  const databaseUrl = read.string('DATABASE_URL');
  const production = env.NODE_ENV === 'production';
  const metricsPort = read.string('TAKT_METRICS_PORT') === undefined ? undefined : read.port('TAKT_METRICS_PORT', 0);
  return {
    port: read.port('PORT', 4000),
    host: read.string('HOST') ?? '0.0.0.0',
    databaseUrl,
    databaseOwnerUrl: read.string('DATABASE_OWNER_URL'),
    replicaUrls: read.list('DATABASE_REPLICA_URLS'),
    dataDir: resolve(read.string('TAKT_DATA_DIR') ?? resolve(repoRoot, '.data')),
    embeddedPgPort: read.port('TAKT_EMBEDDED_PG_PORT', 54329),
    // demo users have the password "demo": never seeded in production unless asked for by name
    demo: read.flag('TAKT_DEMO', databaseUrl === undefined && !production),
    demoOrders: read.integer('TAKT_DEMO_ORDERS', 300),
    production,
    introspection: !production || read.flag('TAKT_INTROSPECTION', false),
    logLevel: read.oneOf('LOG_LEVEL', LOG_LEVELS, defaults.logLevel ?? 'info'),
    clientDist: resolve(read.string('TAKT_CLIENT_DIST') ?? resolve(repoRoot, 'client/dist')),
    clockOffsetMs: read.integer('TAKT_CLOCK_OFFSET_MS', 0, { min: Number.MIN_SAFE_INTEGER }),
    sessionTtlHours: read.integer('TAKT_SESSION_TTL_HOURS', 12),
    shutdownGraceMs: read.integer('TAKT_SHUTDOWN_GRACE_MS', 10_000),
    // a browser left signed in on the shop floor signs out after half an hour nobody used it
    sessionIdleMinutes: read.integer('TAKT_SESSION_IDLE_MINUTES', 30),
    // no request waits on the database without end: a lock held elsewhere (a psql session, a
    // stuck transaction) fails the write after lockTimeoutMs with a code instead of hanging it
    db: {
      statementTimeoutMs: read.integer('TAKT_DB_STATEMENT_TIMEOUT_MS', 30_000),
      lockTimeoutMs: read.integer('TAKT_DB_LOCK_TIMEOUT_MS', 5_000),
    },
    retention: {
      sweepMs: read.integer('TAKT_RETENTION_SWEEP_MS', 3_600_000),
      notificationDays: read.integer('TAKT_RETENTION_NOTIFICATION_DAYS', 180),
      webhookDeliveryDays: read.integer('TAKT_RETENTION_WEBHOOK_DELIVERY_DAYS', 30),
      failedJobDays: read.integer('TAKT_RETENTION_FAILED_JOB_DAYS', 30),
      loginThrottleDays: read.integer('TAKT_RETENTION_LOGIN_THROTTLE_DAYS', 7),
    },
    metrics: { token: read.string('TAKT_METRICS_TOKEN'), port: metricsPort },
    security: {
      accountFreeFailures: read.integer('TAKT_LOGIN_ACCOUNT_FREE_FAILURES', 5),
      accountMaxDelaySeconds: read.integer('TAKT_LOGIN_ACCOUNT_MAX_DELAY_S', 60, { min: 1 }),
      ipFailures: read.integer('TAKT_LOGIN_IP_FAILURES', 100, { min: 1 }),
      ipWindowSeconds: read.integer('TAKT_LOGIN_IP_WINDOW_S', 900, { min: 1 }),
      credentialRecheckMs: read.integer('TAKT_CREDENTIAL_RECHECK_MS', 1_000, { min: 100 }),
      requestsRunning: read.integer('TAKT_REQUESTS_RUNNING_PER_IDENTITY', 4, { min: 1 }),
      requestsQueued: read.integer('TAKT_REQUESTS_QUEUED_PER_IDENTITY', 64),
      allowedOrigins: read.list('TAKT_ALLOWED_ORIGINS').map((origin) => origin.replace(/\/$/, '')),
      trustProxy: read.flag('TAKT_TRUST_PROXY', false),
    },
    realtime: {
      retentionDays: read.integer('TAKT_EVENT_RETENTION_DAYS', 30, { min: 1 }),
      presenceTtlMs: read.integer('TAKT_PRESENCE_TTL_MS', 25_000, { min: 1 }),
      pollMs: read.integer('TAKT_EVENT_POLL_MS', 5_000, { min: 1 }),
    },
    webhooks: {
      dispatch: read.flag('TAKT_WEBHOOK_DISPATCH', true),
      pollMs: read.integer('TAKT_WEBHOOK_POLL_MS', 1_000, { min: 1 }),
      backoffMs: read.integer('TAKT_WEBHOOK_BACKOFF_MS', 1_000, { min: 1 }),
      maxBackoffMs: read.integer('TAKT_WEBHOOK_MAX_BACKOFF_MS', 3_600_000, { min: 1 }),
      maxAttempts: read.integer('TAKT_WEBHOOK_MAX_ATTEMPTS', 10, { min: 1 }),
      timeoutMs: read.integer('TAKT_WEBHOOK_TIMEOUT_MS', 10_000, { min: 1 }),
      batchSize: read.integer('TAKT_WEBHOOK_BATCH', 20, { min: 1 }),
      allowHttp: read.flag('TAKT_WEBHOOK_ALLOW_HTTP', !production),
      allowPrivate: read.flag('TAKT_WEBHOOK_ALLOW_PRIVATE', !production),
    },
    jobs: {
      slaSweepMs: read.integer('TAKT_SLA_SWEEP_MS', 60_000, { min: 1 }),
      dayTurnSweepMs: read.integer('TAKT_DAY_TURN_SWEEP_MS', 60_000, { min: 1 }),
    },
  };
}

/** The password `takt user create` sets (TAKT_PASSWORD); unset: the command asks on the terminal. */
export function userPasswordFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.TAKT_PASSWORD || undefined;
}

/** A directory holding pg_dump and pg_restore, tried before any other (TAKT_PG_BIN). */
export function pgBinDirFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.TAKT_PG_BIN || undefined;
}
