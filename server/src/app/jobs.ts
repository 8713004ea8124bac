import type { Logger } from '../shared/logger.ts';
import type { Services } from '../services.ts';
import { slaJobs } from '../modules/sla/sla.escalation.ts';
import { retentionJobs } from '../modules/retention/retention.ts';
import { dayTurnJobs } from '../modules/floor/day-turn.ts';
import { JobQueue } from '../jobs/job-queue.ts';

/** Starts this process's worker on the cluster's durable job queue with every task Takt runs. */
export async function startJobQueue(services: Services, log: Logger): Promise<JobQueue> {
  const config = services.config.jobs;
  const sla = slaJobs(services, config.slaSweepMs);
  const retention = retentionJobs(services, services.config.retention);
  const days = dayTurnJobs(services, config.dayTurnSweepMs);
  const queue = new JobQueue({
    connectionString: services.orm.config.get('clientUrl') as string,
    tasks: { ...sla.tasks, ...retention.tasks, ...days.tasks },
    producers: [...sla.producers, ...retention.producers, ...days.producers],
    log,
  });
  await queue.start();
  return queue;
}
