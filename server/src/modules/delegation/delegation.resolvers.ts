import type { Resolvers } from '../../../../schema/generated/server.ts';
import { AppError } from '../../shared/errors.ts';
import type { GraphQLContext } from '../../graphql/context.ts';
import { delegationsOf, plantToday, revokeDelegation, setDelegate } from './delegation.service.ts';

const userOf = async (ctx: GraphQLContext, id: string) => {
  const u = await ctx.loaders.userById.load(id);
  if (!u) throw new AppError('INTERNAL', 'delegation user missing');
  return u;
};

export const delegationResolvers: Resolvers = {
  Query: {
    myDelegations: async (_, __, ctx) => delegationsOf(ctx.em, ctx.actor!, await plantToday(ctx.services, ctx.actor!.plantId)),
  },
  Mutation: {
    setDelegate: (_, args, ctx) => setDelegate(ctx.services, ctx.actor!, args),
    revokeDelegation: (_, { id }, ctx) => revokeDelegation(ctx.services, ctx.actor!, id),
  },
  Delegation: {
    user: (d, _, ctx) => userOf(ctx, d.userId),
    delegate: (d, _, ctx) => userOf(ctx, d.delegateId),
  },
};
