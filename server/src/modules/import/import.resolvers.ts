import type { Resolvers } from '../../../../schema/generated/server.ts';
import { requirePlant } from '../auth/permissions.ts';
import { badInput } from '../../shared/errors.ts';
import { importPlantData } from './import.service.ts';
import { exportPlantData } from './export.service.ts';
import { originLabel } from './origin.ts';
import { ImportProgress, progressKeyOf } from './import-progress.ts';
import { filesWithContent } from '../upload/upload.service.ts';

/** The most files one import takes: one per entity (or one workbook). */
const MAX_FILES = 8;

export const importResolvers: Resolvers = {
  Query: {
    exportPlantData: (_, { plantId, format }, ctx) => {
      requirePlant(ctx.actor, plantId);
      return exportPlantData(ctx.em, plantId, format);
    },
  },
  Mutation: {
    importPlantData: async (_, { plantId, files, mode, retireMissing, previewToken, idempotencyKey, progressKey }, ctx) => {
      requirePlant(ctx.actor, plantId);
      if (files.length > MAX_FILES) throw badInput(`At most ${MAX_FILES} files: one per entity, or one workbook.`, 'files');
      const { realtime, clock } = ctx.services;
      const progress = new ImportProgress(realtime.running ? realtime.listener : null, plantId, progressKey == null ? null : progressKeyOf(progressKey));
      // an uploaded file is the same bytes as inline content: the preview token and the
      // idempotency key's fingerprint are of the parsed rows, so either way previews and commits alike
      return importPlantData(ctx.services, ctx.actor, plantId, await filesWithContent(ctx.em, ctx.actor, plantId, files, clock.now()), {
        mode, retireMissing: retireMissing ?? false, previewToken: previewToken ?? null, idempotencyKey: idempotencyKey ?? null, progress,
      });
    },
  },
  // outcomes stored for an idempotency key before change orders came from rows have none
  ImportResult: {
    changeOrders: (r) => r.changeOrders ?? [],
  },
  ChangeOrder: {
    origin: (co) => (co.origin ? { ...co.origin, label: originLabel(co.origin) } : null),
  },
};
