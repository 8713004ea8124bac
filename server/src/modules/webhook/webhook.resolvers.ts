import type { Resolvers } from '../../../../schema/generated/server.ts';
import { withPlantWrite } from '../events/write-path.ts';
import { createWebhook, deleteWebhook, listDeliveries, listWebhooks } from './webhook.service.ts';

/** Webhook management and the delivery log: ADMIN only (the permission table), own plant only. */
export const webhookResolvers: Resolvers = {
  Query: {
    webhooks: (_, __, ctx) => listWebhooks(ctx.em, ctx.actor!.plantId),
    webhookDeliveries: (_, { webhookId, first, after }, ctx) => listDeliveries(ctx.em, ctx.actor!.plantId, webhookId, first, after),
  },
  Mutation: {
    createWebhook: async (_, { url, events }, ctx) => {
      const actor = ctx.actor!;
      const { value } = await withPlantWrite(ctx.services.orm, actor.plantId, actor, (w) => createWebhook(w, ctx.services.webhooks.config, { url, events }));
      return value;
    },
    deleteWebhook: async (_, { id }, ctx) => {
      const actor = ctx.actor!;
      return (await withPlantWrite(ctx.services.orm, actor.plantId, actor, (w) => deleteWebhook(w, id))).value;
    },
  },
  Webhook: {
    createdBy: (h, _, ctx) => (h.createdBy ? ctx.loaders.userById.load(h.createdBy) : null),
  },
};
