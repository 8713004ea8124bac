import type { Resolvers } from '../../../../schema/generated/server.ts';
import { requirePlant } from '../auth/permissions.ts';
import { BoardStream } from './board-stream.ts';
import type { BoardEventMessage } from './event-store.ts';
import { watchSession } from './session-watch.ts';

/** `Subscription.boardEvents`: parse → plant check → a resumable stream (docs/realtime.md). */
export const realtimeResolvers: Resolvers = {
  Subscription: {
    boardEvents: {
      subscribe: async (_, { plantId, since }, ctx) => {
        requirePlant(ctx.actor, plantId);
        const { services } = ctx;
        const stream = await BoardStream.open({
          hub: services.realtime.hub,
          em: () => services.orm.em.fork(),
          plantId,
          since: since ?? null,
        });
        stream.onClose(watchSession(ctx));
        return stream;
      },
      resolve: (event: BoardEventMessage) => event,
    },
  },
};
