import type { Resolvers } from '../../../../schema/generated/server.ts';
import { plantById } from '../plant/plant.service.ts';
import { AppError } from '../../shared/errors.ts';
import type { GraphQLContext } from '../../graphql/context.ts';
import {
  approveChangeOrder, commentOnChangeOrder, confirmChangeOrder, counterProposeChangeOrder, escalateChangeOrder, moveJob,
  proposeChangeOrder, rejectChangeOrder, respondToCounterProposal, withdrawChangeOrder,
} from './change-order.commands.ts';
import { approvalInbox, changeOrderById, listChangeOrders } from './change-order.queries.ts';
import { disputeOf, inDispute } from './dispute.ts';

/** The change order a command wrote, read back as committed. */
const committed = async (ctx: GraphQLContext, id: Promise<string>) => changeOrderById(ctx.services.orm.em.fork(), ctx.actor!.plantId, await id);

const user = (ctx: GraphQLContext, id: string | null) => (id ? ctx.loaders.userById.load(id) : null);

export const changeOrderResolvers: Resolvers = {
  Query: {
    changeOrder: (_, { id }, ctx) => changeOrderById(ctx.em, ctx.actor!.plantId, id),
    changeOrders: (_, { filter, first, after }, ctx) => listChangeOrders(ctx.em, ctx.actor!.plantId, filter, first, after),
    approvalInbox: async (_, __, ctx) => approvalInbox(ctx.em, ctx.actor!, (await plantById(ctx.em, ctx.services.clock, ctx.actor!.plantId)).today),
  },
  Mutation: {
    proposeChangeOrder: (_, args, ctx) => committed(ctx, proposeChangeOrder(ctx.services, ctx.actor!, args)),
    approveChangeOrder: (_, args, ctx) => committed(ctx, approveChangeOrder(ctx.services, ctx.actor!, args)),
    rejectChangeOrder: (_, args, ctx) => committed(ctx, rejectChangeOrder(ctx.services, ctx.actor!, args)),
    escalateChangeOrder: (_, args, ctx) => committed(ctx, escalateChangeOrder(ctx.services, ctx.actor!, args)),
    counterProposeChangeOrder: (_, args, ctx) => committed(ctx, counterProposeChangeOrder(ctx.services, ctx.actor!, args)),
    respondToCounterProposal: (_, args, ctx) => committed(ctx, respondToCounterProposal(ctx.services, ctx.actor!, args)),
    confirmChangeOrder: (_, args, ctx) => committed(ctx, confirmChangeOrder(ctx.services, ctx.actor!, args)),
    withdrawChangeOrder: (_, args, ctx) => committed(ctx, withdrawChangeOrder(ctx.services, ctx.actor!, args)),
    commentOnChangeOrder: (_, args, ctx) => committed(ctx, commentOnChangeOrder(ctx.services, ctx.actor!, args)),
    moveJob: (_, args, ctx) => committed(ctx, moveJob(ctx.services, ctx.actor!, args)),
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
    // Read like the change order itself: anyone of the plant who may see it sees what it is about.
    dispute: async (co, _, ctx) => (inDispute(await ctx.loaders.approvalsByChangeOrder.load(co.id)) ? disputeOf(ctx.em, co, ctx.services.clock.now()) : null),
  },
  DisputeMargin: {
    before: (i) => i.marginBeforeCents,
    after: (i) => i.marginAfterCents,
    beforePct: (i) => i.marginBeforePct,
    afterPct: (i) => i.marginAfterPct,
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
