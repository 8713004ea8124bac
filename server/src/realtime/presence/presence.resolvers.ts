import type { Resolvers } from '../../../../schema/generated/server.ts';
import { requirePlant } from '../../modules/auth/permissions.ts';
import { LatestValue } from './latest-value.ts';
import { parseViewing, sessionKeyOf, type PresenceKey, type PresenceSnapshotDto } from './presence.service.ts';
import type { GraphQLContext } from '../../graphql/context.ts';

/** The caller's presence key, or null for identities that are never shown (display tokens). */
function presenceKey(ctx: GraphQLContext, plantId: string): PresenceKey | null {
  const { actor } = ctx;
  if (actor?.kind !== 'user' || !actor.userId) return null;
  return { plantId, userId: actor.userId, sessionKey: sessionKeyOf(ctx.sessionToken ?? ctx.requestId) };
}

export const presenceResolvers: Resolvers = {
  Subscription: {
    presence: {
      subscribe: async (_, { plantId }, ctx) => {
        requirePlant(ctx.actor, plantId);
        const presence = ctx.services.realtime.presence;
        const snapshots = new LatestValue<PresenceSnapshotDto>();
        const key = presenceKey(ctx, plantId);
        if (key) {
          const leave = await presence.join(key);
          snapshots.onClose(() => void leave().catch((err) => ctx.log.warn({ err }, 'leaving presence failed')));
        }
        snapshots.onClose(await presence.watch(plantId, (s) => snapshots.push(s)));
        return snapshots;
      },
      resolve: (snapshot: PresenceSnapshotDto) => snapshot,
    },
  },
  Mutation: {
    updatePresence: async (_, { plantId, viewing }, ctx) => {
      requirePlant(ctx.actor, plantId);
      const key = presenceKey(ctx, plantId);
      if (!key) return false;
      await ctx.services.realtime.presence.update(key, parseViewing(viewing));
      return true;
    },
    setPresenceVisibility: (_, { visible }, ctx) =>
      ctx.services.realtime.presence.setVisibility(ctx.em, ctx.actor!.userId!, ctx.actor!.plantId, visible),
  },
  User: {
    presenceVisible: async (u, _, ctx) => {
      const rows = await ctx.em.execute<{ presence_visible: boolean }[]>('select presence_visible from app_user where id = ?', [u.id]);
      return rows[0]?.presence_visible ?? true;
    },
  },
};
