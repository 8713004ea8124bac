import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The process's Prometheus metrics (served at /metrics, docs/operations.md "Metrics"). One
 * registry per process: the instruments below are module singletons that the hot paths update
 * with a counter increment or a histogram observation, nothing more. Labels are bounded — a
 * GraphQL root field, an error code, a task name, an outcome, a plant's name (at most
 * PLANT_LABELS of them) — never an id.
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'takt_' });

/** Seconds buckets from 1 ms to 10 s, for requests, locks and live lag alike. */
const SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const graphqlDuration = new Histogram({
  name: 'takt_graphql_request_duration_seconds',
  help: 'GraphQL requests over HTTP, from receipt to response, by operation type and root field.',
  labelNames: ['type', 'operation'] as const,
  buckets: SECONDS,
  registers: [registry],
});

export const graphqlErrors = new Counter({
  name: 'takt_graphql_errors_total',
  help: 'GraphQL errors returned, by extensions.code (HTTP and WebSocket).',
  labelNames: ['code'] as const,
  registers: [registry],
});

export const liveLag = new Histogram({
  name: 'takt_live_event_lag_seconds',
  help: 'From a board event\'s write (its transaction\'s time) to the last frame carrying it handed to the kernel.',
  buckets: SECONDS,
  registers: [registry],
});

export const plantLockWait = new Histogram({
  name: 'takt_plant_lock_wait_seconds',
  help: 'Time a write waited for its plant\'s row lock (SELECT … FOR UPDATE).',
  buckets: SECONDS,
  registers: [registry],
});

export const plantLockHold = new Histogram({
  name: 'takt_plant_lock_hold_seconds',
  help: 'Time a write held its plant\'s row lock, from acquiring it to commit or rollback.',
  buckets: SECONDS,
  registers: [registry],
});

export const writerQueue = new Gauge({
  name: 'takt_plant_writers_queued',
  help: 'Writes queued in this process for their plant\'s turn, including the one running.',
  registers: [registry],
});

export const jobRuns = new Counter({
  name: 'takt_jobs_total',
  help: 'Jobs of the durable queue this process ran, by task and outcome (success, failure).',
  labelNames: ['task', 'outcome'] as const,
  registers: [registry],
});

export const webhookDeliveries = new Counter({
  name: 'takt_webhook_deliveries_total',
  help: 'Webhook delivery attempts by outcome: delivered, retry (failed, will be retried), failed (gave up).',
  labelNames: ['outcome'] as const,
  registers: [registry],
});

export const loginRefusals = new Counter({
  name: 'takt_login_refusals_total',
  help: 'Sign-ins refused by the throttle, by what was blocked: address, account, device.',
  labelNames: ['scope'] as const,
  registers: [registry],
});

/** Distinct plant names used as label values; further plants are counted as "other". */
export const PLANT_LABELS = 50;

export const retentionPruned = new Counter({
  name: 'takt_retention_pruned_total',
  help: 'Rows the retention sweep deleted, by kind (notifications, webhookDeliveries, failedJobs, loginThrottle, sessions).',
  labelNames: ['kind'] as const,
  registers: [registry],
});
