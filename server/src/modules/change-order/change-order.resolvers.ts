import type { Resolvers } from '../../../../schema/generated/server.ts';
import { withPlantWrite } from '../events/write-path.ts';
import { plantById } from '../plant/plant.service.ts';
import { AppError, notFound } from '../../shared/errors.ts';
import type { GraphQLContext } from '../../graphql/context.ts';
import { ChangeOrderCommands } from './change-order.service.ts';
import { evaluateBeforeLock } from './preview.service.ts';
import { approvalInbox, changeOrderById, listChangeOrders } from './change-order.queries.ts';
import type { PlantWrite } from '../events/write-path.ts';

/** Runs a change-order command in the plant's write path and returns the change order as committed. */
async function command(ctx: GraphQLContext, run: (commands: ChangeOrderCommands, w: PlantWrite) => Promise<string | void>, id?: string) {
  const actor = ctx.actor!;
  const commands = new ChangeOrderCommands(ctx.services);
  const { value } = await withPlantWrite(ctx.services.orm, actor.plantId, actor, (w) => run(commands, w));
  return changeOrderById(ctx.services.orm.em.fork(), actor.plantId, (value as string | undefined) ?? id!);
}

const user = (ctx: GraphQLContext, id: string | null) => (id ? ctx.loaders.userById.load(id) : null);

export const changeOrderResolvers: Resolvers = {
  Query: {
    changeOrder: (_, { id }, ctx) => changeOrderById(ctx.em, ctx.actor!.plantId, id),
    changeOrders: (_, { filter, first, after }, ctx) => listChangeOrders(ctx.em, ctx.actor!.plantId, filter, first, after),
    approvalInbox: async (_, __, ctx) => approvalInbox(ctx.em, ctx.actor!, (await plantById(ctx.em, ctx.services.clock, ctx.actor!.plantId)).today),
  },
  Mutation: {
    proposeChangeOrder: async (_, { input, comment }, ctx) => {
      const early = await evaluateBeforeLock(ctx.em, ctx.services, ctx.actor!, input);
      return command(ctx, (c, w) => c.propose(w, ctx.actor!, input, comment ?? null, early));
    },
    approveChangeOrder: (_, { id, expectedVersion, comment }, ctx) => command(ctx, (c, w) => c.approve(w, ctx.actor!, id, expectedVersion, comment ?? null), id),
    rejectChangeOrder: (_, { id, expectedVersion, reason }, ctx) => command(ctx, (c, w) => c.reject(w, ctx.actor!, id, expectedVersion, reason), id),
    escalateChangeOrder: (_, { id, expectedVersion, comment }, ctx) => command(ctx, (c, w) => c.escalate(w, ctx.actor!, id, expectedVersion, comment), id),
    counterProposeChangeOrder: (_, { id, expectedVersion, input, comment }, ctx) =>
      command(ctx, (c, w) => c.counterPropose(w, ctx.actor!, id, expectedVersion, input, comment), id),
    respondToCounterProposal: (_, { id, expectedVersion, accept, comment }, ctx) =>
      command(ctx, (c, w) => c.respond(w, ctx.actor!, id, expectedVersion, accept, comment ?? null), id),
    confirmChangeOrder: (_, { id, expectedVersion, expectedOrderVersion, comment }, ctx) =>
      command(ctx, (c, w) => c.confirm(w, ctx.actor!, id, expectedVersion, expectedOrderVersion, comment ?? null), id),
    withdrawChangeOrder: (_, { id, expectedVersion, comment }, ctx) => command(ctx, (c, w) => c.withdraw(w, ctx.actor!, id, expectedVersion, comment ?? null), id),
    commentOnChangeOrder: (_, { id, body }, ctx) => command(ctx, (c, w) => c.comment(w, ctx.actor!, id, body), id),
    moveJob: async (_, { jobId, startDate, comment }, ctx) => {
      const [job] = await ctx.em.execute<{ order_id: string }[]>('select order_id from job where id::text = ? and plant_id = ?', [jobId, ctx.actor!.plantId]);
      if (!job) throw notFound('Job', jobId);
      const input = { orderId: job.order_id, moveJob: { jobId, startDate } };
      const early = await evaluateBeforeLock(ctx.em, ctx.services, ctx.actor!, input);
      return command(ctx, (c, w) => c.propose(w, ctx.actor!, input, comment ?? null, early));
    },
  },
  ChangeOrder: {
    proposer: async (co, _, ctx) => {
      const u = await ctx.loaders.userById.load(co.proposerId);
      if (!u) throw new AppError('INTERNAL', 'proposer missing');
      return u;
    },
    order: (co, _, ctx) => ctx.loaders.orderById.load(`${co.plantId}|${co.orderId}`),
    kinds: (co) => co.evaluation.kinds as never,
    tier: (co) => co.evaluation.tier,
    approvals: (co, _, ctx) => ctx.loaders.approvalsByChangeOrder.load(co.id),
    counterProposal: (co) => co.counter,
    comments: (co, _, ctx) => ctx.loaders.commentsByChangeOrder.load(co.id),
    history: (co, _, ctx) => ctx.loaders.historyByChangeOrder.load(co.id),
  },
  Approval: {
    decidedBy: (a, _, ctx) => user(ctx, a.decidedBy),
    delegate: (a, _, ctx) => user(ctx, a.delegateId),
  },
  ChangeOrderComment: {
    author: async (c, _, ctx) => (await ctx.loaders.userById.load(c.authorId))!,
  },
  CounterProposal: {
    by: async (c, _, ctx) => (await ctx.loaders.userById.load(c.byUserId))!,
    createdAt: (c) => c.createdAt,
  },
};
