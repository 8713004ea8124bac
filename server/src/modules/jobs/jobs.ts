import type { Logger } from '../../logger.ts';
import type { Services } from '../../services.ts';
import { slaJobs } from '../sla/sla.escalation.ts';
import { retentionJobs } from '../retention/retention.ts';
import { JobQueue } from './job-queue.ts';

export interface JobsConfig {
  /** How often each process queues an SLA sweep (TAKT_SLA_SWEEP_MS; default one minute). */
  slaSweepMs: number;
}

/** Starts this process's worker on the cluster's durable job queue with every task Takt runs. */
export async function startJobQueue(services: Services, log: Logger, config: JobsConfig): Promise<JobQueue> {
  const sla = slaJobs(services, config.slaSweepMs);
  const retention = retentionJobs(services, services.config.retention);
  const queue = new JobQueue({
    connectionString: services.orm.config.get('clientUrl') as string,
    tasks: { ...sla.tasks, ...retention.tasks },
    producers: [...sla.producers, ...retention.producers],
    log,
  });
  await queue.start();
  return queue;
}
