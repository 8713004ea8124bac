import { resolve } from 'node:path';

/** Process configuration, read once from the environment (see the README's table). */
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
  production: boolean;
  logLevel: string;
  clientDist: string;
  sessionTtlHours: number;
  /** How long a SIGTERM waits for requests in flight before closing their connections. */
  shutdownGraceMs: number;
  /** A session not used for this long ends (0: only the lifetime counts). */
  sessionIdleMinutes: number;
  /** PostgreSQL `statement_timeout` and `lock_timeout` of the server's pool, in ms (0: none). */
  db: DatabaseTimeouts;
  metrics: MetricsConfig;
  retention: RetentionConfig;
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

const repoRoot = resolve(import.meta.dirname, '../..');

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
}

function int(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL || undefined;
  return {
    port: int('PORT', env.PORT, 4000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl,
    databaseOwnerUrl: env.DATABASE_OWNER_URL || undefined,
    replicaUrls: (env.DATABASE_REPLICA_URLS ?? '').split(',').map((u) => u.trim()).filter(Boolean),
    dataDir: resolve(env.TAKT_DATA_DIR ?? resolve(repoRoot, '.data')),
    embeddedPgPort: int('TAKT_EMBEDDED_PG_PORT', env.TAKT_EMBEDDED_PG_PORT, 54329),
    // demo users have the password "demo": never seeded in production unless asked for by name
    demo: flag(env.TAKT_DEMO, databaseUrl === undefined && env.NODE_ENV !== 'production'),
    production: env.NODE_ENV === 'production',
    logLevel: env.LOG_LEVEL ?? 'info',
    clientDist: resolve(env.TAKT_CLIENT_DIST ?? resolve(repoRoot, 'client/dist')),
    sessionTtlHours: int('TAKT_SESSION_TTL_HOURS', env.TAKT_SESSION_TTL_HOURS, 12),
    shutdownGraceMs: int('TAKT_SHUTDOWN_GRACE_MS', env.TAKT_SHUTDOWN_GRACE_MS, 10_000),
    // a browser left signed in on the shop floor signs out after half an hour nobody used it
    sessionIdleMinutes: int('TAKT_SESSION_IDLE_MINUTES', env.TAKT_SESSION_IDLE_MINUTES, 30),
    // no request waits on the database without end: a lock held elsewhere (a psql session, a
    // stuck transaction) fails the write after lockTimeoutMs with a code instead of hanging it
    db: {
      statementTimeoutMs: int('TAKT_DB_STATEMENT_TIMEOUT_MS', env.TAKT_DB_STATEMENT_TIMEOUT_MS, 30_000),
      lockTimeoutMs: int('TAKT_DB_LOCK_TIMEOUT_MS', env.TAKT_DB_LOCK_TIMEOUT_MS, 5_000),
    },
    retention: {
      sweepMs: int('TAKT_RETENTION_SWEEP_MS', env.TAKT_RETENTION_SWEEP_MS, 3_600_000),
      notificationDays: int('TAKT_RETENTION_NOTIFICATION_DAYS', env.TAKT_RETENTION_NOTIFICATION_DAYS, 180),
      webhookDeliveryDays: int('TAKT_RETENTION_WEBHOOK_DELIVERY_DAYS', env.TAKT_RETENTION_WEBHOOK_DELIVERY_DAYS, 30),
      failedJobDays: int('TAKT_RETENTION_FAILED_JOB_DAYS', env.TAKT_RETENTION_FAILED_JOB_DAYS, 30),
      loginThrottleDays: int('TAKT_RETENTION_LOGIN_THROTTLE_DAYS', env.TAKT_RETENTION_LOGIN_THROTTLE_DAYS, 7),
    },
    metrics: {
      token: env.TAKT_METRICS_TOKEN || undefined,
      port: env.TAKT_METRICS_PORT ? int('TAKT_METRICS_PORT', env.TAKT_METRICS_PORT, 0) : undefined,
    },
  };
}
