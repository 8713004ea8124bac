import type { Resolvers } from '../../../schema/generated/server.ts';
import { requirePlant } from '../modules/auth/permissions.ts';
import { Channel } from '../modules/events/realtime-protocol.ts';
import { LatestValue } from './presence/latest-value.ts';
import { parseProgress, progressKeyOf, type ImportProgressDto } from '../modules/import/import-progress.ts';

export const importProgressResolvers: Resolvers = {
  Subscription: {
    importProgress: {
      // WAITING first, so the caller knows it listens before it starts the import; then the
      // newest report whenever the consumer is ready for one (older unsent ones are superseded).
      subscribe: (_, { plantId, progressKey }, ctx) => {
        requirePlant(ctx.actor, plantId);
        const key = progressKeyOf(progressKey);
        const stream = new LatestValue<ImportProgressDto>();
        stream.push({ progressKey: key, phase: 'WAITING', done: 0, total: 0 });
        stream.onClose(ctx.services.realtime.listener.on(Channel.IMPORT_PROGRESS, (payload) => {
          const progress = parseProgress(payload, plantId, key);
          if (progress) stream.push(progress);
        }));
        return stream;
      },
      resolve: (progress: ImportProgressDto) => progress,
    },
  },
};
