import type { EntityManager } from '@mikro-orm/postgresql';
import type { TaskList } from 'graphile-worker';
import type { Orm } from '../../db/orm.ts';
import type { RetentionConfig } from '../../config.ts';
import type { Clock } from '../../shared/clock.ts';
import type { JobQueue, Producer } from '../../jobs/job-queue.ts';
import { retentionPruned } from '../../metrics/metrics.ts';

/** Queue task name. */
export const RETENTION_SWEEP = 'retention_sweep';

/** Rows one statement deletes at most: short transactions, no long lock on a busy table. */
const BATCH = 5_000;
const DAY_MS = 86_400_000;

/** Rows deleted per kind in one sweep. */
export type Pruned = Record<'notifications' | 'webhookDeliveries' | 'failedJobs' | 'loginThrottle' | 'sessions' | 'uploads', number>;

/**
 * What a sweep deletes, each kind by its own age (docs/operations.md, "Retention"). Only rows
 * that serve a while: read or not, a notification past its days; webhook deliveries that are
 * done (never PENDING ones); queue jobs that failed for good; login-throttle counters of
 * addresses and accounts that block nothing (a browser's trust — `device:` rows — is kept: it
 * is what spares the real user a lockout); sessions past their lifetime; uploaded import files
 * past their day (modules/upload), imported or not. Presence rows are
 * swept by every process within their TTL (realtime/presence), board events by their retention
 * (modules/events). The audit trail, policy history, comments and billing adjustments are never
 * touched: they are append-only, and the runtime role cannot delete from them at all.
 */
export async function pruneExpired(em: EntityManager, config: RetentionConfig, now: Date): Promise<Pruned> {
  // Each table against the clock that wrote it: creation times are PostgreSQL's now(); the
  // throttle's windows and blocks and the sessions' ends are the server's clock (which a demo may shift).
  const older = (column: string) => `${column} < now() - make_interval(days => ?)`;
  const before = (days: number) => new Date(now.getTime() - days * DAY_MS);
  return {
    notifications: await inBatches(em, 'notification', older('created_at'), [config.notificationDays]),
    webhookDeliveries: await inBatches(em, 'webhook_delivery', `status <> 'PENDING' and ${older('created_at')}`, [config.webhookDeliveryDays]),
    // as graphile-worker's own DELETE_PERMAFAILED_JOBS cleanup, past an age
    failedJobs: await inBatches(em, 'graphile_worker._private_jobs', `attempts >= max_attempts and locked_at is null and ${older('updated_at')}`, [config.failedJobDays]),
    loginThrottle: await inBatches(em, 'login_throttle', `key not like 'device:%' and (blocked_until is null or blocked_until < ?) and window_start < ?`, [now, before(config.loginThrottleDays)]),
    sessions: await inBatches(em, 'session', 'expires_at < ?', [now]),
    uploads: await inBatches(em, 'file_upload', 'expires_at < ?', [now]),
  };
}

async function inBatches(em: EntityManager, table: string, where: string, params: unknown[]): Promise<number> {
  let total = 0;
  for (;;) {
    const rows = await em.execute<{ n: string }[]>(
      `with gone as (delete from ${table} where ctid in (select ctid from ${table} where ${where} limit ${BATCH}) returning 1) select count(*) as n from gone`,
      params,
    );
    const n = Number(rows[0]?.n ?? 0);
    total += n;
    if (n < BATCH) return total;
  }
}

/**
 * The retention sweep on the durable job queue, like the SLA sweep: every process enqueues one
 * per interval under one job key, so the cluster runs it once per interval whatever its size.
 */
export function retentionJobs(deps: { orm: Orm; clock: Clock }, config: RetentionConfig): { tasks: TaskList; producers: Producer[] } {
  return {
    tasks: {
      [RETENTION_SWEEP]: async (_payload, helpers) => {
        const pruned = await pruneExpired(deps.orm.em.fork(), config, deps.clock.now());
        for (const [kind, n] of Object.entries(pruned)) if (n) retentionPruned.inc({ kind }, n);
        helpers.logger.info('retention sweep', { pruned });
      },
    },
    producers: [{
      name: RETENTION_SWEEP,
      everyMs: config.sweepMs,
      enqueue: (queue: JobQueue) => queue.add(RETENTION_SWEEP, {}, { jobKey: RETENTION_SWEEP, jobKeyMode: 'preserve_run_at', maxAttempts: 3 }),
    }],
  };
}
