import type { Resolvers } from '../../../../schema/generated/server.ts';
import { AppError } from '../../shared/errors.ts';
import type { GraphQLContext } from '../../graphql/context.ts';
import { withPlantWrite } from '../events/write-path.ts';
import { plantById } from '../plant/plant.service.ts';
import { delegationById, delegationsOf, revokeDelegation, setDelegate } from './delegation.service.ts';

const today = async (ctx: GraphQLContext) => (await plantById(ctx.em, ctx.services.clock, ctx.actor!.plantId)).today;

const userOf = async (ctx: GraphQLContext, id: string) => {
  const u = await ctx.loaders.userById.load(id);
  if (!u) throw new AppError('INTERNAL', 'delegation user missing');
  return u;
};

export const delegationResolvers: Resolvers = {
  Query: {
    myDelegations: async (_, __, ctx) => delegationsOf(ctx.em, ctx.actor!, await today(ctx)),
  },
  Mutation: {
    setDelegate: async (_, args, ctx) => {
      const actor = ctx.actor!;
      const day = await today(ctx);
      const { value } = await withPlantWrite(ctx.services.orm, actor.plantId, actor, (w) => setDelegate(w, actor, day, args));
      return delegationById(ctx.services.orm.em.fork(), actor.plantId, value, day);
    },
    revokeDelegation: async (_, { id }, ctx) => {
      const actor = ctx.actor!;
      await withPlantWrite(ctx.services.orm, actor.plantId, actor, (w) => revokeDelegation(w, actor, id, ctx.services.clock.now()));
      return delegationById(ctx.services.orm.em.fork(), actor.plantId, id, await today(ctx));
    },
  },
  Delegation: {
    user: (d, _, ctx) => userOf(ctx, d.userId),
    delegate: (d, _, ctx) => userOf(ctx, d.delegateId),
  },
};
