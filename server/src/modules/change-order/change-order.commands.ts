import type {
  ChangeOrderInput, MutationApproveChangeOrderArgs, MutationCommentOnChangeOrderArgs, MutationConfirmChangeOrderArgs,
  MutationCounterProposeChangeOrderArgs, MutationEscalateChangeOrderArgs, MutationMoveJobArgs, MutationProposeChangeOrderArgs,
  MutationRejectChangeOrderArgs, MutationRespondToCounterProposalArgs, MutationWithdrawChangeOrderArgs,
} from '../../../../schema/generated/server.ts';
import type { Orm } from '../../db/orm.ts';
import { notFound } from '../../shared/errors.ts';
import type { Actor } from '../auth/actor.ts';
import { withPlantWrite, type PlantWrite } from '../events/write-path.ts';
import { ChangeOrderCommands, type ChangeOrderDeps } from './change-order.service.ts';
import { evaluateBeforeLock } from './preview.service.ts';

// The change-order mutations, one command each (docs/product.md §5): what a command evaluates
// before the plant lock, then its step of the lifecycle in the plant's write path. Each returns
// the id of the change order it wrote; the caller reads it back as committed.

/** What the commands need: the lifecycle's collaborators and the database. */
export interface CommandDeps extends ChangeOrderDeps {
  orm: Orm;
}

/** Runs one lifecycle step in the plant's write path. */
async function inWrite(deps: CommandDeps, actor: Actor, step: (commands: ChangeOrderCommands, w: PlantWrite) => Promise<string | void>, id?: string): Promise<string> {
  const commands = new ChangeOrderCommands(deps);
  const { value } = await withPlantWrite(deps.orm, actor.plantId, actor, (w) => step(commands, w));
  return value ?? id!;
}

/**
 * A change is evaluated before the lock (the expensive part, off the plant's critical section),
 * and recorded under it with that evaluation when nothing changed meanwhile.
 */
async function propose(deps: CommandDeps, actor: Actor, input: ChangeOrderInput, comment: string | null): Promise<string> {
  const early = await evaluateBeforeLock(deps.orm.em.fork(), deps, actor, input);
  return inWrite(deps, actor, (c, w) => c.propose(w, actor, input, comment, early));
}

export function proposeChangeOrder(deps: CommandDeps, actor: Actor, { input, comment }: MutationProposeChangeOrderArgs): Promise<string> {
  return propose(deps, actor, input, comment ?? null);
}

/** Moving a job on the board proposes a change to its order: the job's order is looked up first. */
export async function moveJob(deps: CommandDeps, actor: Actor, { jobId, startDate, comment }: MutationMoveJobArgs): Promise<string> {
  const [job] = await deps.orm.em.fork().execute<{ order_id: string }[]>('select order_id from job where id::text = ? and plant_id = ?', [jobId, actor.plantId]);
  if (!job) throw notFound('Job', jobId);
  return propose(deps, actor, { orderId: job.order_id, moveJob: { jobId, startDate } }, comment ?? null);
}

export function approveChangeOrder(deps: CommandDeps, actor: Actor, { id, expectedVersion, comment, seen }: MutationApproveChangeOrderArgs): Promise<string> {
  return inWrite(deps, actor, (c, w) => c.approve(w, actor, id, expectedVersion, comment ?? null, seen ?? []), id);
}

export function rejectChangeOrder(deps: CommandDeps, actor: Actor, { id, expectedVersion, reason, seen }: MutationRejectChangeOrderArgs): Promise<string> {
  return inWrite(deps, actor, (c, w) => c.reject(w, actor, id, expectedVersion, reason, seen ?? []), id);
}

export function escalateChangeOrder(deps: CommandDeps, actor: Actor, { id, expectedVersion, comment }: MutationEscalateChangeOrderArgs): Promise<string> {
  return inWrite(deps, actor, (c, w) => c.escalate(w, actor, id, expectedVersion, comment), id);
}

export function counterProposeChangeOrder(deps: CommandDeps, actor: Actor, { id, expectedVersion, input, comment }: MutationCounterProposeChangeOrderArgs): Promise<string> {
  return inWrite(deps, actor, (c, w) => c.counterPropose(w, actor, id, expectedVersion, input, comment), id);
}

export function respondToCounterProposal(deps: CommandDeps, actor: Actor, { id, expectedVersion, accept, comment }: MutationRespondToCounterProposalArgs): Promise<string> {
  return inWrite(deps, actor, (c, w) => c.respond(w, actor, id, expectedVersion, accept, comment ?? null), id);
}

export function confirmChangeOrder(deps: CommandDeps, actor: Actor, { id, expectedVersion, expectedOrderVersion, comment }: MutationConfirmChangeOrderArgs): Promise<string> {
  return inWrite(deps, actor, (c, w) => c.confirm(w, actor, id, expectedVersion, expectedOrderVersion, comment ?? null), id);
}

export function withdrawChangeOrder(deps: CommandDeps, actor: Actor, { id, expectedVersion, comment }: MutationWithdrawChangeOrderArgs): Promise<string> {
  return inWrite(deps, actor, (c, w) => c.withdraw(w, actor, id, expectedVersion, comment ?? null), id);
}

export function commentOnChangeOrder(deps: CommandDeps, actor: Actor, { id, body }: MutationCommentOnChangeOrderArgs): Promise<string> {
  return inWrite(deps, actor, (c, w) => c.comment(w, actor, id, body), id);
}
