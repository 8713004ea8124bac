import type { EntityManager } from '@mikro-orm/postgresql';
import type { TaskList } from 'graphile-worker';
import type { Lane } from '../../engine/index.ts';
import type { Orm } from '../../db/orm.ts';
import type { Actor } from '../auth/actor.ts';
import type { Role } from '../auth/roles.ts';
import { withPlantWrite } from '../events/write-path.ts';
import { ChangeOrderCommands, type ChangeOrderDeps } from '../change-order/change-order.service.ts';
import type { JobQueue, Producer } from '../../jobs/job-queue.ts';

/** Queue task names. */
export const SLA_SWEEP = 'sla_sweep';
export const SLA_ESCALATE = 'sla_escalate';

/** One pending lane that waited longer than its plant's `approvalSlaHours` and can still go up a tier. */
export interface OverdueLane {
  plantId: string;
  changeOrderId: string;
  lane: Lane;
  requiredRole: Role;
}

/** The queued job: one change order's overdue lanes, escalated together (one audit entry). */
export interface SlaEscalation {
  plantId: string;
  changeOrderId: string;
  lanes: { lane: Lane; requiredRole: Role }[];
}

export interface SlaDeps extends ChangeOrderDeps {
  orm: Orm;
}

/** The SLA acts as nobody: its audit entries have no actor (docs/product.md §4, "escalates itself"). */
const slaActor = (plantId: string): Actor => ({ kind: 'api', userId: null, role: null, plantId, name: 'Approval SLA' });

/**
 * Pending lanes past the SLA of their plant's current policy at `now` (the injectable clock, so
 * tests can move time). A lane already at the plant manager, or already escalated past its
 * current tier, cannot go higher and is not returned: the SLA escalates once per tier.
 */
export async function overdueLanes(em: EntityManager, now: Date, changeOrderId?: string): Promise<OverdueLane[]> {
  return em.execute<OverdueLane[]>(
    `select co.plant_id as "plantId", co.id as "changeOrderId", a.lane, a.required_role as "requiredRole"
       from change_order_approval a
       join change_order co on co.id = a.change_order_id
       join lateral (select p.approval_sla_hours from policy p where p.plant_id = co.plant_id order by p.version desc limit 1) p on true
      where a.status = 'PENDING' and co.status = 'PENDING'
        and a.required_role <> 'PLANT_MANAGER' and not (a.required_role = any(a.escalated_roles))
        and a.pending_since + make_interval(hours => p.approval_sla_hours) <= ?::timestamptz
        ${changeOrderId ? 'and co.id = ?' : ''}
      order by a.pending_since, co.id, a.lane
      limit 1000`,
    changeOrderId ? [now, changeOrderId] : [now],
  );
}

/**
 * Escalates a change order's overdue lanes in the plant's write path. Idempotent: under the plant
 * lock it checks again which of the job's lanes are still pending at the same tier and still
 * overdue, so a job that runs twice (its worker died after committing) or late (someone decided
 * meanwhile) writes nothing. Returns the lanes it escalated.
 */
export async function escalateOverdue(deps: SlaDeps, job: SlaEscalation): Promise<Lane[]> {
  const commands = new ChangeOrderCommands(deps);
  const { value } = await withPlantWrite(deps.orm, job.plantId, null, async (w) => {
    const overdue = await overdueLanes(w.em, deps.clock.now(), job.changeOrderId);
    const lanes = overdue
      .filter((o) => o.plantId === job.plantId && job.lanes.some((l) => l.lane === o.lane && l.requiredRole === o.requiredRole))
      .map((o) => o.lane);
    if (lanes.length === 0) return [];
    const [co] = await w.em.execute<{ version: number }[]>('select version from change_order where id = ?', [job.changeOrderId]);
    await commands.escalate(w, slaActor(job.plantId), job.changeOrderId, co!.version, '', 'SLA', lanes);
    return lanes;
  });
  return value;
}

/** Groups overdue lanes per change order: one job, one escalation, one audit entry each. */
export function escalationsOf(lanes: readonly OverdueLane[]): SlaEscalation[] {
  const byCo = new Map<string, SlaEscalation>();
  for (const l of lanes) {
    const job = byCo.get(l.changeOrderId) ?? { plantId: l.plantId, changeOrderId: l.changeOrderId, lanes: [] };
    job.lanes.push({ lane: l.lane, requiredRole: l.requiredRole });
    byCo.set(l.changeOrderId, job);
  }
  return [...byCo.values()];
}

/**
 * The SLA's queue tasks and producer. Every process enqueues one `sla_sweep` per interval (one job
 * key, so the cluster holds at most one waiting sweep); the sweep queues one `sla_escalate` per
 * change order with overdue lanes, keyed by change order, lanes and tiers, so an escalation is queued
 * once however many sweeps see it before it is done.
 */
export function slaJobs(deps: SlaDeps, sweepEveryMs: number): { tasks: TaskList; producers: Producer[] } {
  return {
    tasks: {
      [SLA_SWEEP]: async (_payload, helpers) => {
        const jobs = escalationsOf(await overdueLanes(deps.orm.em.fork(), deps.clock.now()));
        for (const job of jobs) {
          await helpers.addJob(SLA_ESCALATE, job, {
            jobKey: `${SLA_ESCALATE}:${job.changeOrderId}:${job.lanes.map((l) => `${l.lane}>${l.requiredRole}`).join(',')}`,
            jobKeyMode: 'preserve_run_at',
            maxAttempts: 10,
          });
        }
      },
      [SLA_ESCALATE]: async (payload, helpers) => {
        const lanes = await escalateOverdue(deps, payload as SlaEscalation);
        helpers.logger.info(lanes.length ? `escalated overdue lanes ${lanes.join(', ')}` : 'nothing left to escalate', { changeOrderId: (payload as SlaEscalation).changeOrderId });
      },
    },
    producers: [{
      name: SLA_SWEEP,
      everyMs: sweepEveryMs,
      enqueue: (queue: JobQueue) => queue.add(SLA_SWEEP, {}, { jobKey: SLA_SWEEP, jobKeyMode: 'preserve_run_at', maxAttempts: 3 }),
    }],
  };
}
