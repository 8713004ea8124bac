import pg from 'pg';
import { Logger as WorkerLogger, run, runMigrations, type Runner, type TaskList, type TaskSpec } from 'graphile-worker';
import type { Logger } from '../shared/logger.ts';
import { jobRuns } from '../metrics/metrics.ts';

/** A producer that runs on a timer in every process and enqueues work (deduplicated by job key). */
export interface Producer {
  name: string;
  everyMs: number;
  enqueue(queue: JobQueue): Promise<void>;
}

export interface JobQueueOptions {
  connectionString: string;
  tasks: TaskList;
  producers?: readonly Producer[];
  /** Jobs this process runs at once. */
  concurrency?: number;
  log: Logger;
}

/**
 * The process's side of the durable job queue (graphile-worker on the same PostgreSQL;
 * docs/adr/0004-sla-escalation-job-queue.md). Jobs are rows in the `graphile_worker` schema, so they
 * outlive the process that queued them; every process of the cluster runs a worker, and a job is
 * locked by exactly one of them (`FOR UPDATE SKIP LOCKED`). Delivery is at-least-once (a job whose
 * worker died is run again), so every task must be idempotent: ours re-check their condition
 * under the plant's write lock.
 */
export class JobQueue {
  readonly #opts: JobQueueOptions;
  #pool: pg.Pool | null = null;
  #runner: Runner | null = null;
  readonly #timers: NodeJS.Timeout[] = [];

  constructor(opts: JobQueueOptions) {
    this.#opts = opts;
  }

  /** Starts the worker (which checks that the queue's schema is migrated) and the producers. */
  async start(): Promise<void> {
    const { connectionString, tasks, concurrency = 2, log } = this.#opts;
    const pool = (this.#pool = new pg.Pool({ connectionString, max: concurrency + 2 }));
    // A dropped connection must not crash the process; the worker reconnects (https://err.red/wpeh).
    // Once stop() has let go of the pool, a connection still closing when the embedded PostgreSQL
    // stops is expected, not worth a warning.
    const failed = (msg: string) => (err: Error) => (this.#pool === pool ? log.warn({ err }, msg) : log.debug({ err }, msg));
    pool.on('error', failed('job queue: idle connection failed'));
    pool.on('connect', (client) => client.on('error', failed('job queue: connection failed')));
    this.#runner = await run({
      pgPool: pool,
      taskList: tasks,
      concurrency,
      noHandleSignals: true, // main.ts owns shutdown
      pollInterval: 1_000,
      logger: workerLogger(log),
    });
    this.#runner.events.on('job:success', ({ job }) => jobRuns.inc({ task: job.task_identifier, outcome: 'success' }));
    this.#runner.events.on('job:error', ({ job }) => jobRuns.inc({ task: job.task_identifier, outcome: 'failure' }));
    for (const p of this.#opts.producers ?? []) {
      const tick = () => p.enqueue(this).catch((err) => log.warn({ err, producer: p.name }, 'job producer failed; retrying on the next tick'));
      void tick();
      const timer = setInterval(tick, p.everyMs);
      timer.unref();
      this.#timers.push(timer);
    }
  }

  /** Queues a job (deduplicated when `spec.jobKey` is set). */
  async add(task: string, payload: unknown, spec?: TaskSpec): Promise<void> {
    if (!this.#runner) throw new Error('job queue not started');
    await this.#runner.addJob(task, payload, spec);
  }

  /** Stops producing, lets running jobs finish (unfinished ones stay queued for another process), closes the pool. */
  async stop(): Promise<void> {
    for (const t of this.#timers) clearInterval(t);
    this.#timers.length = 0;
    await this.#runner?.stop();
    this.#runner = null;
    const pool = this.#pool;
    this.#pool = null;
    await pool?.end();
  }
}

/**
 * Installs or upgrades the queue's schema (`graphile_worker`); run as the database's owner role
 * before the workers start, which then only find it up to date (docs/security.md, "Database roles").
 */
export async function migrateJobQueue(connectionString: string, log: Logger): Promise<void> {
  await runMigrations({ connectionString, logger: workerLogger(log) });
}

/**
 * graphile-worker's log lines through pino. Its per-job "Completed task" lines are info to it but
 * routine here (a sweep every minute per process), so they go to debug; problems keep their level.
 */
function workerLogger(log: Logger): WorkerLogger {
  const child = log.child({ component: 'jobs' });
  return new WorkerLogger((scope) => (level, message, meta) => {
    const fields = { ...scope, ...meta };
    if (level === 'error') child.error(fields, message);
    else if (level === 'warning') child.warn(fields, message);
    else if (level === 'info' && !('job' in fields)) child.info(fields, message);
    else child.debug(fields, message);
  });
}
