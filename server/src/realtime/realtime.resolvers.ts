import type { Resolvers } from '../../../schema/generated/server.ts';
import { requirePlant } from '../modules/auth/permissions.ts';
import { BoardStream } from './board-stream.ts';
import type { BoardEventMessage } from '../modules/events/event-store.ts';

/** `Subscription.boardEvents`: parse → plant check → a resumable stream (docs/realtime.md). */
export const realtimeResolvers: Resolvers = {
  Subscription: {
    boardEvents: {
      subscribe: async (_, { plantId, since }, ctx) => {
        requirePlant(ctx.actor, plantId);
        const { services } = ctx;
        // the socket's session or token is re-checked by the app's CredentialWatch (4401)
        return BoardStream.open({
          hub: services.realtime.hub,
          em: () => services.orm.em.fork(),
          plantId,
          since: since ?? null,
        });
      },
      resolve: (event: BoardEventMessage) => event,
    },
  },
};
